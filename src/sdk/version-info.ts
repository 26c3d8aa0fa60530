/**
 * One version of a secret as ListSecretVersionIds reports it: the one shape returned by
 * `SecretsAdmin.listVersions` and by secretkit/rotation's `listVersions`.
 */
import type { SecretVersionsListEntry } from '@aws-sdk/client-secrets-manager';

/** One version of a secret. */
export interface SecretVersionInfo {
  /** The version id. */
  readonly versionId: string;
  /** Its staging labels (empty for a deprecated version). */
  readonly stages: readonly string[];
  /** When the version was created, if AWS said. */
  readonly createdDate: Date | undefined;
  /** When the version was last read (day precision), if AWS said. */
  readonly lastAccessedDate: Date | undefined;
}

/**
 * Maps ListSecretVersionIds entries, skipping any without an id.
 *
 * @param entries - the `Versions` of one page
 */
export function toVersionInfos(entries: readonly SecretVersionsListEntry[] | undefined): SecretVersionInfo[] {
  return (entries ?? []).flatMap((v) =>
    v.VersionId
      ? [
          {
            versionId: v.VersionId,
            stages: v.VersionStages ?? [],
            createdDate: v.CreatedDate,
            lastAccessedDate: v.LastAccessedDate,
          },
        ]
      : [],
  );
}
