/**
 * Lists a secret's versions with their labels (ListSecretVersionIds, every page).
 */
import { ListSecretVersionIdsCommand } from '@aws-sdk/client-secrets-manager';
import type { SecretsManagerClientLike } from '../../sdk/client-like.js';
import { type SecretVersionInfo, toVersionInfos } from '../../sdk/version-info.js';
import { callAws } from '../aws-call.js';

export type { SecretVersionInfo } from '../../sdk/version-info.js';

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
    versions.push(...toVersionInfos(page.Versions));
    // moto answers NextToken "" on the last page.
    nextToken = page.NextToken || undefined;
  } while (nextToken);
  return versions;
}
