/**
 * `@aws-sdk/client-kms` is an optional peer: loaded on first use, only where a KMS key is
 * described (a customer-managed key in `policyForSecrets`, `diagnoseSecretAccess` or the CLI).
 * Importing secretkit/iam or running `secretkit policy` on secrets under the AWS managed key
 * never loads it.
 */
import { SecretkitError } from '../errors/secretkit-error.js';
import { send } from '../sdk/send.js';
import type { KMSClientLike, KmsKeyMetadata } from './kms-client-like.js';

type KmsModule = typeof import('@aws-sdk/client-kms');

let loading: Promise<KmsModule> | undefined;

/** The package secretkit loads lazily for KMS calls. */
export const KMS_PACKAGE = '@aws-sdk/client-kms';

/**
 * Loads `@aws-sdk/client-kms` (once).
 *
 * @throws SecretkitError `INVALID_ARGUMENT` naming the package when it is not installed
 */
export function loadKmsSdk(): Promise<KmsModule> {
  loading ??= import('@aws-sdk/client-kms').catch((error: unknown) => {
    loading = undefined;
    throw new SecretkitError(
      'INVALID_ARGUMENT',
      `describing a KMS key needs the optional peer ${KMS_PACKAGE}: install it (npm install ${KMS_PACKAGE})`,
      { cause: error },
    );
  });
  return loading;
}

/**
 * Sends `DescribeKey` and returns its `KeyMetadata` (undefined when the answer has none).
 *
 * @param client - a KMS client
 * @param keyId - key id, key ARN, alias name or alias ARN
 */
export async function sendDescribeKey(
  client: KMSClientLike,
  keyId: string,
): Promise<KmsKeyMetadata | undefined> {
  const { DescribeKeyCommand } = await loadKmsSdk();
  const out = await send<{ readonly KeyMetadata?: KmsKeyMetadata }>(
    client,
    new DescribeKeyCommand({ KeyId: keyId }),
    {
      operation: 'DescribeKey',
    },
  );
  return out.KeyMetadata;
}
