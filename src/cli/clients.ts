/**
 * The AWS clients the CLI uses. Region, credentials and endpoint (`AWS_ENDPOINT_URL`) come
 * from the SDK's usual environment unless `--region` is given.
 *
 * `@aws-sdk/client-kms` is an optional peer: the KMS client is created on its first call,
 * only when a secret uses a customer-managed key.
 */
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { isSecretArn, parseSecretArn } from '../arn/secret-arn.js';
import type { KMSClientLike, KmsCommandLike } from '../iam/kms-client-like.js';
import { loadKmsSdk } from '../iam/kms-sdk.js';
import type { SecretAccessClients } from '../iam/policy-for-secrets.js';

/** Creates the clients for a region (`undefined`: the SDK's default region). */
export type ClientFactory = (region: string | undefined) => SecretAccessClients;

/**
 * The region to use: `--region`, else the region of the first ARN among the ids, else
 * `undefined` (the SDK reads `AWS_REGION` / the profile).
 *
 * @param region - the `--region` option
 * @param ids - the secret ids
 */
export function pickRegion(region: string | undefined, ids: readonly string[]): string | undefined {
  if (region !== undefined) return region;
  const arn = ids.find((id) => isSecretArn(id));
  return arn === undefined ? undefined : parseSecretArn(arn).region;
}

/**
 * Real SDK clients: one Secrets Manager client, and a KMS client per region (created once).
 *
 * @param region - the region, or `undefined` for the SDK default
 */
export const sdkClients: ClientFactory = (region) => {
  const config = region === undefined ? {} : { region };
  const kmsByRegion = new Map<string, KMSClientLike>();
  return {
    secretsClient: new SecretsManagerClient(config),
    kmsClient: (keyRegion: string) => {
      let client = kmsByRegion.get(keyRegion);
      if (client === undefined) {
        client = lazyKmsClient(keyRegion);
        kmsByRegion.set(keyRegion, client);
      }
      return client;
    },
  };
};

/** A KMS client that loads `@aws-sdk/client-kms` and creates the real client on first `send`. */
function lazyKmsClient(region: string): KMSClientLike {
  let real: Promise<KMSClientLike> | undefined;
  return {
    send: async (command: KmsCommandLike) => {
      real ??= loadKmsSdk().then(({ KMSClient }) => new KMSClient({ region }));
      return (await real).send(command);
    },
  };
}
