/**
 * The read probe of an access diagnosis: one `GetSecretValue`, whose value is dropped at once.
 */
import { GetSecretValueCommand } from '@aws-sdk/client-secrets-manager';
import type { SecretsManagerClientLike } from '../sdk/client-like.js';
import { send } from '../sdk/send.js';
import { awsErrorMessage, awsErrorName, isAccessDenied } from './aws-error-shape.js';
import type { AccessFinding } from './findings.js';
import { secretsManagerViaService } from './kms-keys.js';

/** What the read probe knows about the key, for hints. */
export interface ReadProbeContext {
  /** The secret's customer-managed key id, if known (undefined: AWS managed or unknown). */
  readonly customerKeyId: string | undefined;
  /** The secret's region, if known. */
  readonly region: string | undefined;
}

function kmsHint(ctx: ReadProbeContext): string {
  const via = ctx.region ? secretsManagerViaService(ctx.region) : 'secretsmanager.<region>.amazonaws.com';
  const key = ctx.customerKeyId ? `key "${ctx.customerKeyId}"` : "the secret's KMS key";
  return `Grant kms:Decrypt on ${key} with the condition kms:ViaService = ${via}, make sure the key policy allows your account or role, and that the key is enabled.`;
}

/**
 * Tries `GetSecretValue` (AWSCURRENT) and reports whether reading works. The value is never
 * kept, logged or returned: only success or the error's name and AWS message are used.
 *
 * @param client - Secrets Manager client
 * @param secretId - the secret
 * @param ctx - key and region, for hints
 */
export async function readFinding(
  client: SecretsManagerClientLike,
  secretId: string,
  ctx: ReadProbeContext,
): Promise<AccessFinding> {
  try {
    // The response (with the value) is deliberately not bound to anything.
    await send(client, new GetSecretValueCommand({ SecretId: secretId, VersionStage: 'AWSCURRENT' }), {
      operation: 'GetSecretValue',
      secretId,
    });
    const kms = ctx.customerKeyId ? ' Decryption with the customer-managed key works.' : '';
    return {
      check: 'read-value',
      status: 'ok',
      message: `GetSecretValue succeeded (the value was not kept or shown).${kms}`,
    };
  } catch (error) {
    const name = awsErrorName(error);
    const message = awsErrorMessage(error) ?? '';
    if (name === 'DecryptionFailure' || (isAccessDenied(error) && /kms/i.test(message))) {
      return {
        check: 'read-value',
        status: 'problem',
        message: `GetSecretValue failed because KMS refused to decrypt (${name}: ${message}). ${kmsHint(ctx)}`,
      };
    }
    if (isAccessDenied(error)) {
      return {
        check: 'read-value',
        status: 'problem',
        message: `You are not allowed to read the secret (secretsmanager:GetSecretValue). An identity policy, the secret's resource policy, an SCP or a VPC endpoint policy denies it${message ? ` (AWS says: ${message})` : ''}.`,
      };
    }
    if (name === 'ResourceNotFoundException') {
      return {
        check: 'read-value',
        status: 'problem',
        message: 'GetSecretValue found no secret, or no version labelled AWSCURRENT.',
      };
    }
    if (name === 'InvalidRequestException') {
      return {
        check: 'read-value',
        status: 'problem',
        message: `Secrets Manager refused the read as invalid in the secret's current state, usually because it is scheduled for deletion (${message}).`,
      };
    }
    return {
      check: 'read-value',
      status: 'unknown',
      message: `GetSecretValue failed with ${name ?? 'an unknown error'}${message ? `: ${message}` : ''}.`,
    };
  }
}
