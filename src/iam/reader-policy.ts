/**
 * The identity policy an application needs to read secrets.
 */
import { kmsViaSecretsManagerStatements } from './kms-keys.js';
import { normalizePolicy } from './normalize.js';
import { type SecretRef, type SecretScope, secretResources } from './secret-refs.js';
import type { PolicyDocument, PolicyStatement } from './types.js';

/** Options of {@link readerPolicy}. */
export interface ReaderPolicyOptions extends SecretScope {
  /** The secrets to read (ARNs, names, `{ prefix }`; see {@link SecretRef}). */
  readonly secrets: readonly SecretRef[];
  /** Replica regions: the same secrets are also readable there (same name and suffix). @defaultValue [] */
  readonly regions?: readonly string[] | undefined;
  /**
   * Customer-managed KMS key ARNs that encrypt the secrets or their replicas. Each gets
   * `kms:Decrypt` only via Secrets Manager in the key's region. Leave out the AWS managed
   * key `aws/secretsmanager`: it needs no grant.
   *
   * @defaultValue []
   */
  readonly kmsKeys?: readonly string[] | undefined;
  /** Include the `BatchGetSecretValue` statement. @defaultValue true */
  readonly batch?: boolean | undefined;
}

/** What an application does to read a secret (and its metadata). */
export const READ_ACTIONS: readonly string[] = [
  'secretsmanager:DescribeSecret',
  'secretsmanager:GetSecretValue',
];

/**
 * The least-privilege identity policy to read the given secrets in their primary and replica
 * regions:
 * - `GetSecretValue` and `DescribeSecret` on exactly those secrets (ARNs or `name-??????`);
 * - `BatchGetSecretValue` on `*` (the action has no resource; each secret in a batch is
 *   still authorized by `GetSecretValue` on that secret);
 * - `kms:Decrypt` on the customer-managed keys, with `kms:ViaService` =
 *   `secretsmanager.<key region>.amazonaws.com`.
 *
 * The result is deterministic and merged (see `normalizePolicy`).
 *
 * @param options - secrets, replica regions, keys, and account/region for names
 * @throws SecretkitError `INVALID_ARGUMENT`, `INVALID_ARN` or `INVALID_NAME` for bad input
 */
export function readerPolicy(options: ReaderPolicyOptions): PolicyDocument {
  const regions = options.regions ?? [];
  const resources = options.secrets.flatMap((ref) => secretResources(ref, options, regions));
  const statements: PolicyStatement[] = [];
  if (resources.length > 0) statements.push({ Effect: 'Allow', Action: READ_ACTIONS, Resource: resources });
  if (resources.length > 0 && options.batch !== false) {
    statements.push({ Effect: 'Allow', Action: 'secretsmanager:BatchGetSecretValue', Resource: '*' });
  }
  statements.push(...kmsViaSecretsManagerStatements(options.kmsKeys ?? [], ['kms:Decrypt']));
  return normalizePolicy(statements);
}
