/**
 * Runs one step of a rotation with AWS's pre-checks: what the Lambda handler does per invocation.
 */
import { traceRotationStep } from '../../observe/rotation-step.js';
import type { SecretsManagerClientLike } from '../../sdk/client-like.js';
import type { RotationStrategy } from '../strategy.js';
import { createStepContext } from './context.js';
import type { RotationEvent } from './event.js';
import type { RotationOptions } from './options.js';
import { resolvePasswordPolicy } from './password.js';
import { precheck } from './prechecks.js';
import { finishSecretStep, STEP_IMPLEMENTATIONS } from './steps.js';

/** What a step did: `done`, or `skipped` because the token was already AWSCURRENT. */
export type StepOutcome = 'done' | 'skipped';

/**
 * Runs `event.Step` for `event.ClientRequestToken`: DescribeSecret; checks rotation is enabled
 * (when required), the token is a version of the secret, and returns early if it is already
 * AWSCURRENT (finishSecret then only removes a leftover AWSPENDING); fails unless it is AWSPENDING.
 *
 * @param client - Secrets Manager client
 * @param event - the rotation event (validated, e.g. by `parseRotationEvent`)
 * @param strategy - the engine side
 * @param options - password policy, logger, requireRotationEnabled (default true here)
 * @param allowNewToken - the token may not be a version yet (the driver's createSecret)
 * @throws SecretkitError `ROTATION_NOT_ENABLED`, `ROTATION_INVALID_TOKEN`, `ROTATION_FAILED`, AWS errors mapped
 */
export function runRotationStep(
  client: SecretsManagerClientLike,
  event: RotationEvent,
  strategy: RotationStrategy,
  options: RotationOptions = {},
  allowNewToken = false,
): Promise<StepOutcome> {
  return traceRotationStep(event, strategy.name, () =>
    runStep(client, event, strategy, options, allowNewToken),
  );
}

async function runStep(
  client: SecretsManagerClientLike,
  event: RotationEvent,
  strategy: RotationStrategy,
  options: RotationOptions,
  allowNewToken: boolean,
): Promise<StepOutcome> {
  const token = event.ClientRequestToken;
  const checked = await precheck(
    client,
    event.SecretId,
    token,
    options.requireRotationEnabled ?? true,
    allowNewToken && event.Step === 'createSecret',
  );
  const ctx = createStepContext(
    client,
    checked.arn,
    token,
    resolvePasswordPolicy(options.password),
    options.logger,
  );
  const input = { client, strategy, ctx, stagesByVersion: checked.stagesByVersion };
  if (checked.status === 'current') {
    options.logger?.info?.(
      { secretId: checked.arn, token, step: event.Step },
      'version is already AWSCURRENT; nothing to do',
    );
    if (event.Step === 'finishSecret') await finishSecretStep(input);
    return 'skipped';
  }
  await STEP_IMPLEMENTATIONS[event.Step](input);
  return 'done';
}
