/**
 * Lists a secret's versions with their labels (ListSecretVersionIds, every page).
 */
import { ListSecretVersionIdsCommand } from '@aws-sdk/client-secrets-manager';
import type { SecretsManagerClientLike } from '../../sdk/client-like.js';
import { callAws } from '../aws-call.js';

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

/** Options of {@link listVersions}. */
export interface ListVersionsOptions {
  /** Also list versions without labels (deprecated). @defaultValue false */
  readonly includeDeprecated?: boolean | undefined;
}

/**
 * Lists every version of a secret with its labels, following `NextToken` through all pages.
 *
 * @param client - Secrets Manager client
 * @param secretId - name or ARN
 * @param options - include deprecated versions
 * @returns the versions, in the order AWS returned them
 * @throws SecretkitError mapped from AWS (`NOT_FOUND`, `ACCESS_DENIED`, ...)
 */
export async function listVersions(
  client: SecretsManagerClientLike,
  secretId: string,
  options: ListVersionsOptions = {},
): Promise<SecretVersionInfo[]> {
  const versions: SecretVersionInfo[] = [];
  let nextToken: string | undefined;
  do {
    const token = nextToken;
    const page = await callAws('ListSecretVersionIds', secretId, () =>
      client.send(
        new ListSecretVersionIdsCommand({
          SecretId: secretId,
          IncludeDeprecated: options.includeDeprecated === true,
          ...(token ? { NextToken: token } : {}),
        }),
      ),
    );
    for (const v of page.Versions ?? []) {
      if (!v.VersionId) continue;
      versions.push({
        versionId: v.VersionId,
        stages: v.VersionStages ?? [],
        createdDate: v.CreatedDate,
        lastAccessedDate: v.LastAccessedDate,
      });
    }
    // moto answers NextToken "" on the last page.
    nextToken = page.NextToken || undefined;
  } while (nextToken);
  return versions;
}
