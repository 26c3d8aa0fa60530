/**
 * Key checks of an access diagnosis: which key encrypts the secret and whether it can be used.
 */
import { awsErrorMessage, awsErrorName, isAccessDenied } from './aws-error-shape.js';
import type { AccessFinding } from './findings.js';
import { isAwsManagedSecretsKey } from './key-resolution.js';
import type { KMSClientLike, KmsKeyMetadata } from './kms-client-like.js';
import { secretsManagerViaService } from './kms-keys.js';
import { sendDescribeKey } from './kms-sdk.js';

/**
 * The `encryption-key` finding for a secret's `KmsKeyId`.
 *
 * @param keyId - `KmsKeyId` from DescribeSecret (undefined for the AWS managed key)
 * @param region - the secret's region
 */
export function encryptionKeyFinding(keyId: string | undefined, region: string): AccessFinding {
  if (isAwsManagedSecretsKey(keyId)) {
    return {
      check: 'encryption-key',
      status: 'ok',
      message:
        'Encrypted with the AWS managed key aws/secretsmanager: whoever may call GetSecretValue can decrypt it; no KMS permission is needed.',
    };
  }
  return {
    check: 'encryption-key',
    status: 'ok',
    message: `Encrypted with the customer-managed KMS key "${keyId}". Readers need kms:Decrypt on it through Secrets Manager (kms:ViaService = ${secretsManagerViaService(region)}), and the key policy must allow their account or role.`,
  };
}

function stateFinding(meta: KmsKeyMetadata, label: string): AccessFinding {
  if (meta.KeyManager === 'AWS') {
    return {
      check: 'key-state',
      status: 'ok',
      message: `Key ${label} is an AWS managed key; no KMS permission is needed.`,
    };
  }
  switch (meta.KeyState) {
    case 'Enabled':
      return { check: 'key-state', status: 'ok', message: `Key ${label} is enabled.` };
    case 'Disabled':
      return {
        check: 'key-state',
        status: 'problem',
        message: `Key ${label} is disabled, so Secrets Manager cannot decrypt the secret. Enable it (kms:EnableKey) to read the secret again.`,
      };
    case 'PendingDeletion':
    case 'PendingReplicaDeletion': {
      const when = meta.DeletionDate ? ` on ${meta.DeletionDate.toISOString()}` : '';
      return {
        check: 'key-state',
        status: 'problem',
        message: `Key ${label} is scheduled for deletion${when}, so it cannot decrypt. Cancel the deletion (kms:CancelKeyDeletion) and enable the key; once deleted, the secret can never be decrypted.`,
      };
    }
    case 'PendingImport':
      return {
        check: 'key-state',
        status: 'problem',
        message: `Key ${label} has no key material (PendingImport): import its material to use it.`,
      };
    case 'Unavailable':
      return {
        check: 'key-state',
        status: 'problem',
        message: `Key ${label} is unavailable (its custom key store is disconnected): reconnect the key store.`,
      };
    default:
      return {
        check: 'key-state',
        status: 'unknown',
        message: `Key ${label} is in state ${meta.KeyState ?? 'unknown'}; it may not be usable until that completes.`,
      };
  }
}

/** What {@link keyStateFinding} learned. */
export interface KeyStateResult {
  /** The `key-state` finding. */
  readonly finding: AccessFinding;
  /** The key ARN, when `DescribeKey` answered. */
  readonly keyArn: string | undefined;
}

function describeKeyFailure(error: unknown, keyId: string): AccessFinding {
  if (isAccessDenied(error)) {
    return {
      check: 'key-state',
      status: 'unknown',
      message: `You are not allowed to describe key "${keyId}" (kms:DescribeKey), so its state could not be checked. Readers do not need kms:DescribeKey; ask the key owner whether it is enabled.`,
    };
  }
  if (awsErrorName(error) === 'NotFoundException') {
    return {
      check: 'key-state',
      status: 'problem',
      message: `Key "${keyId}" does not exist in this region (deleted, or an alias that was removed). Secrets Manager cannot decrypt the secret without it.`,
    };
  }
  return {
    check: 'key-state',
    status: 'unknown',
    message: `DescribeKey of "${keyId}" failed (${awsErrorName(error) ?? 'unknown error'}: ${awsErrorMessage(error) ?? ''}).`,
  };
}

/**
 * The `key-state` finding: `DescribeKey` on the secret's key (enabled, disabled, pending
 * deletion, missing, or not allowed to look).
 *
 * @param kms - a KMS client in the secret's region, if any
 * @param keyId - the key id/ARN/alias from DescribeSecret
 * @returns the finding, and the key ARN when DescribeKey resolved it
 */
export async function keyStateFinding(
  kms: KMSClientLike | undefined,
  keyId: string,
): Promise<KeyStateResult> {
  if (kms === undefined) {
    const message = 'No KMS client was given, so the key state was not checked.';
    return { finding: { check: 'key-state', status: 'unknown', message }, keyArn: undefined };
  }
  try {
    const meta = await sendDescribeKey(kms, keyId);
    if (meta === undefined) {
      const message = `DescribeKey of "${keyId}" returned no metadata.`;
      return { finding: { check: 'key-state', status: 'unknown', message }, keyArn: undefined };
    }
    return { finding: stateFinding(meta, `"${meta.Arn ?? keyId}"`), keyArn: meta.Arn };
  } catch (error) {
    return { finding: describeKeyFailure(error, keyId), keyArn: undefined };
  }
}
