/**
 * The AWS clients the CLI uses. Region, credentials and endpoint (`AWS_ENDPOINT_URL`) come
 * from the SDK's usual environment unless `--region` is given.
 */
import { KMSClient } from '@aws-sdk/client-kms';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { isSecretArn, parseSecretArn } from '../arn/secret-arn.js';
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
  const kmsByRegion = new Map<string, KMSClient>();
  return {
    secretsClient: new SecretsManagerClient(config),
    kmsClient: (keyRegion: string) => {
      let client = kmsByRegion.get(keyRegion);
      if (client === undefined) {
        client = new KMSClient({ region: keyRegion });
        kmsByRegion.set(keyRegion, client);
      }
      return client;
    },
  };
};
