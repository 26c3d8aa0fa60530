/**
 * KMS key ARNs in policies, and the `kms:ViaService` condition that limits a key grant to
 * requests Secrets Manager makes on the caller's behalf in the key's region.
 */
import { describeInput } from '../arn/secret-name.js';
import { SecretkitError } from '../errors/secretkit-error.js';
import type { PolicyStatement } from './types.js';

/** The parts of a KMS key ARN. */
export interface KmsKeyArnParts {
  /** Partition (`aws`, `aws-cn`, ...). */
  readonly partition: string;
  /** The key's region. */
  readonly region: string;
  /** The key's account. */
  readonly accountId: string;
  /** The key id (a UUID, or `mrk-...` for a multi-Region key). */
  readonly keyId: string;
}

const KEY_ARN =
  /^arn:(aws(?:-[a-z]+)*):kms:([a-z]{2}(?:-[a-z]+)+-[0-9]+):([0-9]{12}):key\/([A-Za-z0-9-]{1,128})$/;

/**
 * Parses a KMS key ARN. Key policies and `kms:Decrypt` grants name keys by key ARN, never by
 * alias: resolve aliases first (`policyForSecrets` does it with `DescribeKey`).
 *
 * @param arn - `arn:aws:kms:<region>:<account>:key/<key-id>`
 * @throws SecretkitError `INVALID_ARGUMENT` for an alias, a bare key id or anything else
 */
export function parseKmsKeyArn(arn: string): KmsKeyArnParts {
  const match = KEY_ARN.exec(arn);
  if (match === null) {
    const hint = arn.includes('alias/') ? ' (an alias: resolve it to the key ARN with DescribeKey)' : '';
    throw new SecretkitError('INVALID_ARGUMENT', `${describeInput(arn)} is not a KMS key ARN${hint}`);
  }
  const [, partition = '', region = '', accountId = '', keyId = ''] = match;
  return { partition, region, accountId, keyId };
}

/**
 * The `kms:ViaService` value for Secrets Manager in a region:
 * `secretsmanager.<region>.amazonaws.com`.
 *
 * @param region - the key's (and the secret's) region
 */
export function secretsManagerViaService(region: string): string {
  return `secretsmanager.${region}.amazonaws.com`;
}

/**
 * Statements allowing `actions` on the keys only through Secrets Manager in each key's own
 * region (one statement per region; Secrets Manager only uses keys in the secret's region).
 *
 * @param keyArns - KMS key ARNs
 * @param actions - e.g. `['kms:Decrypt']`
 */
export function kmsViaSecretsManagerStatements(
  keyArns: readonly string[],
  actions: readonly string[],
): PolicyStatement[] {
  const byRegion = new Map<string, string[]>();
  for (const arn of keyArns) {
    const { region } = parseKmsKeyArn(arn);
    byRegion.set(region, [...(byRegion.get(region) ?? []), arn]);
  }
  return [...byRegion.entries()].map(([region, arns]) => ({
    Effect: 'Allow',
    Action: actions,
    Resource: arns,
    Condition: { StringEquals: { 'kms:ViaService': secretsManagerViaService(region) } },
  }));
}
