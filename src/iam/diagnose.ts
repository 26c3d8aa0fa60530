/**
 * `diagnoseSecretAccess`: when a read fails with AccessDenied or DecryptionFailure, find out
 * why with the caller's own permissions, and say it in plain words.
 */
import { DescribeSecretCommand, type DescribeSecretCommandOutput } from '@aws-sdk/client-secrets-manager';
import { isSecretArn, parseSecretArn } from '../arn/secret-arn.js';
import { toSecretkitError } from '../errors/aws-error.js';
import { isFault } from '../errors/classify.js';
import { send } from '../sdk/send.js';
import { awsErrorMessage, awsErrorName, isAccessDenied } from './aws-error-shape.js';
import { encryptionKeyFinding, keyStateFinding } from './diagnose-key.js';
import { readFinding } from './diagnose-read.js';
import type { AccessFinding } from './findings.js';
import { isAwsManagedSecretsKey } from './key-resolution.js';
import type { KMSClientLike } from './kms-client-like.js';
import type { SecretAccessClients } from './policy-for-secrets.js';

/** Options of {@link diagnoseSecretAccess}. */
export interface DiagnoseOptions {
  /**
   * Try `GetSecretValue` to see whether reading (and decrypting) works (default `true`). The
   * value is dropped at once and never appears in findings.
   */
  readonly tryRead?: boolean | undefined;
}

type Described = { ok: true; out: DescribeSecretCommandOutput } | { ok: false; finding: AccessFinding };

async function describe(clients: SecretAccessClients, secretId: string): Promise<Described> {
  try {
    const out = await send<DescribeSecretCommandOutput>(
      clients.secretsClient,
      new DescribeSecretCommand({ SecretId: secretId }),
      { operation: 'DescribeSecret', secretId },
    );
    return {
      ok: true,
      out,
    };
  } catch (error) {
    // The region or the network is at fault: nothing can be diagnosed; let the caller know.
    if (isFault(error)) throw toSecretkitError(error, { operation: 'DescribeSecret', secretId });
    const message = awsErrorMessage(error);
    if (isAccessDenied(error)) {
      return {
        ok: false,
        finding: {
          check: 'describe-secret',
          status: 'problem',
          message: `You are not allowed to describe the secret (secretsmanager:DescribeSecret): an identity policy, the secret's resource policy, an SCP or a VPC endpoint policy denies it${message ? ` (AWS says: ${message})` : ''}. Its key could not be checked.`,
        },
      };
    }
    if (awsErrorName(error) === 'ResourceNotFoundException') {
      return {
        ok: false,
        finding: {
          check: 'describe-secret',
          status: 'problem',
          message: `No secret "${secretId}" in this account and region. Check the name, the region (AWS_REGION) and the account of your credentials.`,
        },
      };
    }
    return {
      ok: false,
      finding: {
        check: 'describe-secret',
        status: 'unknown',
        message: `DescribeSecret failed with ${awsErrorName(error) ?? 'an unknown error'}${message ? `: ${message}` : ''}.`,
      },
    };
  }
}

function kmsFor(clients: SecretAccessClients, region: string | undefined): KMSClientLike | undefined {
  const kms = clients.kmsClient;
  if (kms === undefined) return undefined;
  return typeof kms === 'function' ? (region === undefined ? undefined : kms(region)) : kms;
}

function regionOf(arn: string | undefined, secretId: string): string | undefined {
  if (arn !== undefined && isSecretArn(arn)) return parseSecretArn(arn).region;
  return isSecretArn(secretId) ? parseSecretArn(secretId).region : undefined;
}

/**
 * Diagnoses why a secret cannot be read, with the caller's own permissions:
 * 1. `describe-secret`: can the caller describe it (ok / denied / not found);
 * 2. `secret-state`: is it scheduled for deletion;
 * 3. `encryption-key`: the AWS managed key or which customer-managed key;
 * 4. `key-state`: `DescribeKey`: enabled, disabled, pending deletion, missing, or not allowed;
 * 5. `read-value`: a `GetSecretValue` probe (unless `tryRead: false`), with KMS hints when
 *    decryption is refused.
 *
 * Findings are plain words and never contain a secret value.
 *
 * @param clients - Secrets Manager client and (optionally) KMS client for the secret's region
 * @param secretId - the secret's name or ARN
 * @param options - `{ tryRead: false }` to skip the read probe
 * @throws SecretkitError only when AWS could not be reached (network, timeout, throttling,
 *   5xx): `REGION_UNAVAILABLE`, `TIMEOUT` or `THROTTLED`
 */
export async function diagnoseSecretAccess(
  clients: SecretAccessClients,
  secretId: string,
  options: DiagnoseOptions = {},
): Promise<AccessFinding[]> {
  const findings: AccessFinding[] = [];
  const described = await describe(clients, secretId);
  let customerKeyId: string | undefined;
  let region = regionOf(undefined, secretId);
  if (described.ok) {
    const { out } = described;
    region = regionOf(out.ARN, secretId);
    findings.push({
      check: 'describe-secret',
      status: 'ok',
      message: `The secret exists and you may describe it: ${out.ARN ?? out.Name ?? secretId}.`,
    });
    findings.push(
      out.DeletedDate === undefined
        ? { check: 'secret-state', status: 'ok', message: 'The secret is not scheduled for deletion.' }
        : {
            check: 'secret-state',
            status: 'problem',
            message: `The secret is scheduled for deletion (since ${out.DeletedDate.toISOString()}) and cannot be read. Restore it with RestoreSecret.`,
          },
    );
    findings.push(encryptionKeyFinding(out.KmsKeyId, region ?? '<region>'));
    if (!isAwsManagedSecretsKey(out.KmsKeyId) && out.KmsKeyId !== undefined) {
      const { finding, keyArn } = await keyStateFinding(kmsFor(clients, region), out.KmsKeyId);
      customerKeyId = keyArn ?? out.KmsKeyId;
      findings.push(finding);
    }
  } else {
    findings.push(described.finding);
  }
  if (options.tryRead !== false) {
    findings.push(await readFinding(clients.secretsClient, secretId, { customerKeyId, region }));
  }
  return findings;
}
