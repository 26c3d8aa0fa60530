/**
 * Builds the {@link RotationStepContext} strategies receive.
 */
import { GetSecretValueCommand } from '@aws-sdk/client-secrets-manager';
import { SecretkitError } from '../../errors/secretkit-error.js';
import type { SecretkitLogger } from '../../observe/logger.js';
import type { SecretsManagerClientLike } from '../../sdk/client-like.js';
import { callAws } from '../aws-call.js';
import { AWSCURRENT } from '../stages.js';
import type { RotationStepContext } from '../strategy.js';
import { generatePassword, type PasswordPolicy } from './password.js';
import { stepLogger } from './rotation-log.js';

/**
 * Reads another secret's AWSCURRENT string (the stage is always passed explicitly).
 *
 * @param client - Secrets Manager client
 * @param secretId - name or ARN
 * @throws SecretkitError `NOT_A_STRING` for a binary secret, AWS errors mapped
 */
export async function readCurrentString(client: SecretsManagerClientLike, secretId: string): Promise<string> {
  const out = await callAws('GetSecretValue', secretId, () =>
    client.send(new GetSecretValueCommand({ SecretId: secretId, VersionStage: AWSCURRENT })),
  );
  if (typeof out.SecretString !== 'string') {
    throw new SecretkitError('NOT_A_STRING', `Secret "${secretId}" holds binary data, not a string.`, {
      secretId,
    });
  }
  return out.SecretString;
}

/**
 * The context of one step: the client, the secret, the token, password generation, reads of
 * other secrets and the logger.
 *
 * @internal built by the step runner
 */
export function createStepContext(
  client: SecretsManagerClientLike,
  secretId: string,
  token: string,
  password: PasswordPolicy,
  logger: SecretkitLogger | undefined,
): RotationStepContext {
  return {
    client,
    secretId,
    token,
    logger: stepLogger(logger),
    generatePassword: () => generatePassword(client, password, secretId),
    getSecretString: (otherId: string) => readCurrentString(client, otherId),
  };
}
