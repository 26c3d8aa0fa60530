/**
 * `secretkit/admin`: writes, describe/list and replication of secrets, apart from the cached
 * reader (`SecretsClient`) so that a read-only handler never bundles them.
 *
 * @example
 * ```ts
 * import { SecretsClient } from 'secretkit';
 * import { SecretsAdmin } from 'secretkit/admin';
 * const secrets = new SecretsClient({ region: 'us-east-1' });
 * const admin = new SecretsAdmin({ region: 'us-east-1', readers: [secrets] });
 * await admin.createSecret({ name: 'prod/api-key', value: 'k-123' });
 * ```
 *
 * @packageDocumentation
 */
export type { CoherentReader } from '../client/cache-hook.js';
export type { ReplicationStatusOptions } from '../replication/replication-status.js';
export type {
  PromoteResult,
  ReplicaRegionSpec,
  ReplicaStatus,
  ReplicateOptions,
  ReplicationState,
} from '../replication/types.js';
export type { SecretDescription, VersionInfo } from './describe.js';
export type { ListSecretsOptions, SecretListEntry } from './listing.js';
export type { SecretsAdminOptions } from './options.js';
export type { SecretValueInput } from './secret-value-input.js';
export type { SecretsAdminStats } from './secrets-admin.js';
export { SecretsAdmin } from './secrets-admin.js';
export type {
  CreateSecretInput,
  DeleteResult,
  DeleteSecretOptions,
  PutSecretValueOptions,
  ReplicaRegionInput,
  UpdateSecretInput,
  WriteResult,
} from './writes.js';
