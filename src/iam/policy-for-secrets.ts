/**
 * Builds the reader policy from live data: the secrets' full ARNs, replica regions and
 * customer-managed keys (resolved to key ARNs in each region).
 */
import { DescribeSecretCommand, type DescribeSecretCommandOutput } from '@aws-sdk/client-secrets-manager';
import { parseSecretArn } from '../arn/secret-arn.js';
import { toSecretkitError } from '../errors/aws-error.js';
import { SecretkitError } from '../errors/secretkit-error.js';
import type { SecretsManagerClientLike } from '../sdk/client-like.js';
import { send } from '../sdk/send.js';
import { describeKey, isAwsManagedSecretsKey, kmsClientFor } from './key-resolution.js';
import type { KmsClients } from './kms-client-like.js';
import { readerPolicy } from './reader-policy.js';
import type { PolicyDocument } from './types.js';

/** The clients {@link policyForSecrets} and `diagnoseSecretAccess` use. */
export interface SecretAccessClients {
  /** A Secrets Manager client in the secrets' primary region. */
  readonly secretsClient: SecretsManagerClientLike;
  /**
   * A KMS client in the same region, or `(region) => client` when replicas use keys in
   * other regions. Needed only for secrets encrypted with customer-managed keys.
   */
  readonly kmsClient?: KmsClients | undefined;
}

/** A customer-managed key found for a secret. */
export interface ResolvedKey {
  /** The region of the key (the secret's or a replica's). */
  readonly region: string;
  /** `KmsKeyId` as Secrets Manager reported it (id, ARN or alias). */
  readonly reportedKeyId: string;
  /** The key ARN `DescribeKey` resolved it to. */
  readonly keyArn: string;
}

/** What was learned about one secret. */
export interface ResolvedSecret {
  /** The id as given. */
  readonly id: string;
  /** The full ARN (primary region). */
  readonly arn: string;
  /** The secret name. */
  readonly name: string;
  /** Primary region first, then replica regions. */
  readonly regions: readonly string[];
  /** Customer-managed keys (none when every region uses `aws/secretsmanager`). */
  readonly keys: readonly ResolvedKey[];
  /** True when the secret is scheduled for deletion. */
  readonly deleted: boolean;
}

/** What {@link policyForSecrets} returns. */
export interface PolicyForSecretsResult {
  /** The reader policy (see `readerPolicy`). */
  readonly policy: PolicyDocument;
  /** The facts the policy was built from, in input order. */
  readonly secrets: readonly ResolvedSecret[];
}

/** Options of {@link policyForSecrets}. */
export interface PolicyForSecretsOptions {
  /** Include the `BatchGetSecretValue` statement (default `true`). */
  readonly batch?: boolean | undefined;
}

async function describeSecret(
  client: SecretsManagerClientLike,
  id: string,
): Promise<DescribeSecretCommandOutput> {
  try {
    return await send<DescribeSecretCommandOutput>(client, new DescribeSecretCommand({ SecretId: id }), {
      operation: 'DescribeSecret',
      secretId: id,
    });
  } catch (error) {
    throw toSecretkitError(error, { operation: 'DescribeSecret', secretId: id });
  }
}

async function resolveSecret(clients: SecretAccessClients, id: string): Promise<ResolvedSecret> {
  const described = await describeSecret(clients.secretsClient, id);
  if (described.ARN === undefined) {
    throw new SecretkitError('AWS_ERROR', `DescribeSecret of secret "${id}" returned no ARN`, {
      secretId: id,
    });
  }
  const arn = parseSecretArn(described.ARN);
  const keyIds: Array<{ region: string; keyId: string | undefined }> = [
    { region: arn.region, keyId: described.KmsKeyId },
  ];
  const regions = [arn.region];
  if (described.PrimaryRegion !== undefined && described.PrimaryRegion !== arn.region) {
    regions.push(described.PrimaryRegion);
  }
  for (const replica of described.ReplicationStatus ?? []) {
    if (replica.Region === undefined) continue;
    regions.push(replica.Region);
    keyIds.push({ region: replica.Region, keyId: replica.KmsKeyId });
  }
  const keys: ResolvedKey[] = [];
  for (const { region, keyId } of keyIds) {
    if (keyId === undefined || isAwsManagedSecretsKey(keyId)) continue;
    if (clients.kmsClient === undefined) {
      throw new SecretkitError(
        'INVALID_ARGUMENT',
        `secret "${id}" uses the customer-managed key "${keyId}" in ${region}: pass a kmsClient to resolve it`,
        { secretId: id, region },
      );
    }
    const metadata = await describeKey(kmsClientFor(clients.kmsClient, region, arn.region), keyId, region);
    if (metadata.KeyManager === 'AWS' || metadata.Arn === undefined) continue;
    keys.push({ region, reportedKeyId: keyId, keyArn: metadata.Arn });
  }
  return {
    id,
    arn: described.ARN,
    name: described.Name ?? arn.name,
    regions: [...new Set(regions)],
    keys,
    deleted: described.DeletedDate !== undefined,
  };
}

/**
 * Builds the least-privilege reader policy for secrets from what AWS reports about them:
 * `DescribeSecret` gives each full ARN, its `KmsKeyId` and its replica regions (with their
 * keys); `kms:DescribeKey` resolves key ids and aliases to key ARNs in each region. The AWS
 * managed key `aws/secretsmanager` gets no statement (none is needed).
 *
 * Needs `secretsmanager:DescribeSecret` on the secrets and `kms:DescribeKey` on their keys.
 *
 * @param clients - Secrets Manager client (primary region) and KMS client(s)
 * @param ids - secret names or ARNs
 * @param options - e.g. `{ batch: false }`
 * @throws SecretkitError from the AWS calls (`NOT_FOUND`, `ACCESS_DENIED`, ...), or
 *   `INVALID_ARGUMENT` when a customer-managed key needs a KMS client that was not given
 */
export async function policyForSecrets(
  clients: SecretAccessClients,
  ids: readonly string[],
  options: PolicyForSecretsOptions = {},
): Promise<PolicyForSecretsResult> {
  const secrets: ResolvedSecret[] = [];
  for (const id of ids) secrets.push(await resolveSecret(clients, id));
  const policy = readerPolicy({
    secrets: secrets.map((s) => ({ id: s.arn, regions: s.regions })),
    kmsKeys: [...new Set(secrets.flatMap((s) => s.keys.map((k) => k.keyArn)))],
    batch: options.batch,
  });
  return { policy, secrets };
}
