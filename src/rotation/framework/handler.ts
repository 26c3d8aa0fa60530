/**
 * `createRotationHandler`: a Lambda handler for Secrets Manager rotation events.
 */

import { SecretsManagerClient, type SecretsManagerClientConfig } from '@aws-sdk/client-secrets-manager';
import { SecretkitError } from '../../errors/secretkit-error.js';
import type { SecretsManagerClientLike } from '../../sdk/client-like.js';
import type { RotationStrategy } from '../strategy.js';
import { parseRotationEvent, type RotationEvent } from './event.js';
import type { RotationOptions } from './options.js';
import { resolvePasswordPolicy } from './password.js';
import { logRotation } from './rotation-log.js';
import { runRotationStep } from './run-step.js';

/** Options of {@link createRotationHandler}. */
export interface RotationHandlerOptions extends RotationOptions {
  /** The Secrets Manager client. @defaultValue a client created on first use from `clientConfig` */
  readonly client?: SecretsManagerClientLike | undefined;
  /**
   * Configuration of the client created when `client` is not given. When it sets no endpoint,
   * `SECRETS_MANAGER_ENDPOINT` (the variable AWS's templates read, e.g. a VPC endpoint) is used if set.
   */
  readonly clientConfig?: SecretsManagerClientConfig | undefined;
}

/** A Lambda handler for rotation events. Resolves when the step is done; throws when it fails. */
export type RotationHandler = (event: RotationEvent, context?: unknown) => Promise<void>;

function checkStrategy(strategy: RotationStrategy): void {
  const ok =
    typeof strategy === 'object' &&
    strategy !== null &&
    typeof strategy.name === 'string' &&
    typeof strategy.createPendingValue === 'function' &&
    typeof strategy.setSecret === 'function' &&
    typeof strategy.testSecret === 'function';
  if (!ok) {
    throw new SecretkitError(
      'INVALID_ARGUMENT',
      'A rotation strategy needs a name and createPendingValue, setSecret and testSecret methods.',
      { details: { argument: 'strategy' } },
    );
  }
}

/**
 * Creates the Lambda handler of a rotation function. Per invocation it validates the event,
 * makes AWS's templates' checks (rotation enabled, the token is a version of the secret, return
 * early if it is already AWSCURRENT, fail unless it is AWSPENDING) and runs the step:
 * createSecret (the strategy makes the AWSPENDING value; PutSecretValue with the token),
 * setSecret and testSecret (the strategy, given the current/pending/previous values), finishSecret
 * (AWSCURRENT moves to the token; AWSPENDING is removed from it). Every step is idempotent.
 *
 * @param strategy - the engine side (e.g. a PostgreSQL strategy)
 * @param options - client, password policy, logger, `requireRotationEnabled` (default true)
 * @returns the handler; export it as your Lambda's `handler`
 * @throws SecretkitError `INVALID_ARGUMENT` at creation for a malformed strategy or password policy;
 *   the handler throws `INVALID_ARGUMENT`, `ROTATION_NOT_ENABLED`, `ROTATION_INVALID_TOKEN`,
 *   `ROTATION_FAILED` or mapped AWS errors (Secrets Manager then retries the step)
 * @example
 * ```ts
 * import { createRotationHandler } from 'secretkit/rotation';
 * import { postgresSingleUser } from 'secretkit/rotation/postgres';
 * export const handler = createRotationHandler(postgresSingleUser(), { password: { length: 40 } });
 * ```
 */
export function createRotationHandler(
  strategy: RotationStrategy,
  options: RotationHandlerOptions = {},
): RotationHandler {
  checkStrategy(strategy);
  resolvePasswordPolicy(options.password);
  let client = options.client;
  const getClient = (): SecretsManagerClientLike => {
    if (client === undefined) {
      const endpoint = process.env['SECRETS_MANAGER_ENDPOINT'];
      const config = options.clientConfig ?? {};
      client = new SecretsManagerClient(
        config.endpoint === undefined && endpoint ? { ...config, endpoint } : config,
      );
    }
    return client;
  };
  return async (event: RotationEvent): Promise<void> => {
    const parsed = parseRotationEvent(event);
    logRotation(
      options.logger,
      'info',
      {
        secretId: parsed.SecretId,
        token: parsed.ClientRequestToken,
        step: parsed.Step,
        strategy: strategy.name,
      },
      'rotation step started',
    );
    await runRotationStep(getClient(), parsed, strategy, {
      ...options,
      requireRotationEnabled: options.requireRotationEnabled ?? true,
    });
  };
}
