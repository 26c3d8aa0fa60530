/**
 * What `util.inspect`, `String` and `JSON.stringify` show of the in-memory Secrets Manager:
 * its secrets' names, regions and versions (ids and stages), never a value, as the client does
 * for its cache. The store itself lives in an ES private field, so even
 * `inspect(fake, { customInspect: false, showHidden: true })` or a test runner's diff cannot
 * reach the values.
 */
import type { SecretStore } from './store.js';

/** One secret as the fake prints it. */
export interface RedactedSecretView {
  /** The secret's name. */
  readonly name: string;
  /** Its primary region. */
  readonly region: string;
  /** Its replica regions. */
  readonly replicaRegions: readonly string[];
  /** Its versions: id, staging labels and `value: '[redacted]'`. */
  readonly versions: ReadonlyArray<{
    readonly versionId: string;
    readonly stages: readonly string[];
    readonly value: '[redacted]';
  }>;
}

/** The printable, value-free view of the fake's secrets. */
export function redactedSecrets(store: SecretStore): RedactedSecretView[] {
  return store.secrets.map((secret) => ({
    name: secret.name,
    region: secret.region,
    replicaRegions: [...secret.replicas.keys()],
    versions: [...secret.versions.values()].map((v) => ({
      versionId: v.versionId,
      stages: [...v.stages],
      value: '[redacted]' as const,
    })),
  }));
}
