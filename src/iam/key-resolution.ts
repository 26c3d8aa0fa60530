/**
 * Resolves the `KmsKeyId` Secrets Manager reports for a secret (key id, key ARN, alias name or
 * alias ARN; absent for the AWS managed key) to a key ARN with `kms:DescribeKey`.
 */
import { toSecretkitError } from '../errors/aws-error.js';
import { isSecretkitError, SecretkitError } from '../errors/secretkit-error.js';
import type { KMSClientLike, KmsClients, KmsKeyMetadata } from './kms-client-like.js';
import { sendDescribeKey } from './kms-sdk.js';

/** The alias of the AWS managed key Secrets Manager uses by default. */
export const AWS_MANAGED_SECRETS_KEY_ALIAS = 'alias/aws/secretsmanager';

/**
 * True when `keyId` means the AWS managed key `aws/secretsmanager` (absent, empty, the alias
 * or its alias ARN). That key needs no `kms:Decrypt` grant.
 *
 * @param keyId - the `KmsKeyId` from DescribeSecret or ReplicationStatus
 */
export function isAwsManagedSecretsKey(keyId: string | undefined): boolean {
  return (
    keyId === undefined ||
    keyId === '' ||
    keyId === AWS_MANAGED_SECRETS_KEY_ALIAS ||
    keyId.endsWith(`:${AWS_MANAGED_SECRETS_KEY_ALIAS}`)
  );
}

/**
 * The KMS client for a region: the function's answer, or the single client. A single client
 * is only used for `primaryRegion`; other regions need a function.
 *
 * @param clients - one client or a per-region function
 * @param region - the region of the key
 * @param primaryRegion - the region the single client is for
 * @throws SecretkitError `INVALID_ARGUMENT` when a single client would be used for another region
 */
export function kmsClientFor(clients: KmsClients, region: string, primaryRegion: string): KMSClientLike {
  if (typeof clients === 'function') return clients(region);
  if (region !== primaryRegion) {
    throw new SecretkitError(
      'INVALID_ARGUMENT',
      `a key in ${region} must be resolved in ${region}: pass kmsClient as (region) => new KMSClient({ region })`,
      { region },
    );
  }
  return clients;
}

/**
 * Calls `DescribeKey` and returns the key metadata.
 *
 * @param client - a KMS client in the key's region
 * @param keyId - key id, key ARN, alias name or alias ARN
 * @param region - the key's region (for messages)
 * @throws SecretkitError mapped from the AWS error (`NOT_FOUND`, `ACCESS_DENIED`, ...)
 */
export async function describeKey(
  client: KMSClientLike,
  keyId: string,
  region: string,
): Promise<KmsKeyMetadata> {
  let metadata: KmsKeyMetadata | undefined;
  try {
    metadata = await sendDescribeKey(client, keyId);
  } catch (error) {
    if (isSecretkitError(error)) throw error; // the KMS package is missing
    throw toSecretkitError(error, { operation: `DescribeKey of KMS key "${keyId}"`, region });
  }
  if (metadata === undefined) {
    throw new SecretkitError('AWS_ERROR', `DescribeKey of key "${keyId}" in ${region} returned no metadata`, {
      region,
    });
  }
  return metadata;
}
