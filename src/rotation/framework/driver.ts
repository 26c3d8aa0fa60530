/**
 * `runRotation`: performs a whole rotation from any process (a test, a cron job, a CI step),
 * doing what Secrets Manager does around the rotation function, without Lambda or RotateSecret.
 */
import { randomUUID } from 'node:crypto';
import { SecretkitError } from '../../errors/secretkit-error.js';
import type { SecretsManagerClientLike } from '../../sdk/client-like.js';
import { assertNotManaged } from '../labels/describe-rotation.js';
import { detachLabel } from '../labels/move-label.js';
import { getVersionStages, stagesOf, versionWithStage } from '../labels/version-stages.js';
import { AWSCURRENT, AWSPENDING } from '../stages.js';
import type { RotationStrategy } from '../strategy.js';
import { ROTATION_STEPS, type RotationStepName } from './event.js';
import type { RotationOptions } from './options.js';
import { resolvePasswordPolicy } from './password.js';
import { runRotationStep, type StepOutcome } from './run-step.js';

/** Options of {@link runRotation}. */
export interface RunRotationOptions extends RotationOptions {
  /**
   * The rotation's token (the new version's id; 32 to 64 characters, as ClientRequestToken). @defaultValue the token of the rotation in
   * progress (its AWSPENDING version), else a new UUID
   */
  readonly token?: string | undefined;
  /** Run only the steps up to and including this one (tests of interrupted rotations). @defaultValue 'finishSecret' */
  readonly stopAfter?: RotationStepName | undefined;
  /** Called after each step with what it did. */
  readonly onStep?: ((step: RotationStepName, outcome: StepOutcome) => void) | undefined;
}

/** What {@link runRotation} did. */
export interface RunRotationResult {
  /** The rotation's token: the id of the new version. */
  readonly token: string;
  /** True when an AWSPENDING version from an earlier, unfinished rotation was completed. */
  readonly resumed: boolean;
  /** True when the token was already AWSCURRENT (nothing was rotated). */
  readonly alreadyCurrent: boolean;
  /** The steps run, in order. */
  readonly steps: readonly RotationStepName[];
}

interface Plan {
  readonly token: string;
  readonly resumed: boolean;
  readonly alreadyCurrent: boolean;
}

async function plan(
  client: SecretsManagerClientLike,
  secretId: string,
  wanted: string | undefined,
): Promise<Plan> {
  const { stagesByVersion, owningService } = await getVersionStages(client, secretId);
  assertNotManaged(owningService, secretId);
  let pending = versionWithStage(stagesByVersion, AWSPENDING);
  if (pending !== undefined && stagesOf(stagesByVersion, pending)?.includes(AWSCURRENT)) {
    // A finished rotation whose AWSPENDING was left on the current version: clean it, start afresh.
    await detachLabel(client, secretId, AWSPENDING, pending);
    if (wanted === pending) return { token: pending, resumed: false, alreadyCurrent: true };
    pending = undefined;
  }
  if (wanted === undefined) {
    return pending === undefined
      ? { token: randomUUID(), resumed: false, alreadyCurrent: false }
      : { token: pending, resumed: true, alreadyCurrent: false };
  }
  const stages = stagesOf(stagesByVersion, wanted);
  if (stages?.includes(AWSCURRENT)) return { token: wanted, resumed: false, alreadyCurrent: true };
  if (pending !== undefined && pending !== wanted) {
    throw new SecretkitError(
      'ROTATION_INVALID_TOKEN',
      `Secret "${secretId}" has a rotation in progress with another token; finish it first (runRotation without a token).`,
      { secretId, details: { token: wanted, pendingVersionId: pending } },
    );
  }
  if (stages !== undefined && !stages.includes(AWSPENDING)) {
    throw new SecretkitError(
      'ROTATION_INVALID_TOKEN',
      `Version "${wanted}" of secret "${secretId}" exists and is not AWSPENDING; use a new token.`,
      { secretId, details: { token: wanted, stages } },
    );
  }
  return { token: wanted, resumed: pending === wanted, alreadyCurrent: false };
}

/**
 * Rotates a secret now, as Secrets Manager would with a rotation function: picks the token
 * (the AWSPENDING version of an unfinished rotation, which it resumes, else a new UUID), then runs
 * createSecret, setSecret, testSecret and finishSecret in order with the same checks as the Lambda
 * handler. It never calls RotateSecret: it moves the labels itself. Do not run two at once on one secret.
 *
 * @param client - Secrets Manager client
 * @param secretId - name or ARN
 * @param strategy - the engine side
 * @param options - token, password policy, logger, `requireRotationEnabled` (default false), `stopAfter`
 * @returns the token, whether it resumed, the steps run
 * @throws SecretkitError `ROTATION_INVALID_TOKEN`, `ROTATION_NOT_ENABLED`, `ROTATION_FAILED`, AWS errors mapped;
 *   after a failure the AWSPENDING version stays, and the next run resumes it
 * @example
 * ```ts
 * const { token } = await runRotation(client, 'prod/db', postgresSingleUser());
 * ```
 */
export async function runRotation(
  client: SecretsManagerClientLike,
  secretId: string,
  strategy: RotationStrategy,
  options: RunRotationOptions = {},
): Promise<RunRotationResult> {
  if (typeof secretId !== 'string' || secretId.length === 0) {
    throw new SecretkitError('INVALID_ARGUMENT', 'secretId must be a non-empty string.', {
      details: { argument: 'secretId' },
    });
  }
  if (options.token !== undefined && !/^[\x21-\x7e]{32,64}$/.test(options.token)) {
    throw new SecretkitError(
      'INVALID_ARGUMENT',
      'token must be 32 to 64 printable characters (a UUID works).',
      {
        secretId,
        details: { argument: 'token' },
      },
    );
  }
  resolvePasswordPolicy(options.password);
  const stepOptions: RotationOptions = {
    ...options,
    requireRotationEnabled: options.requireRotationEnabled ?? false,
  };
  const { token, resumed, alreadyCurrent } = await plan(client, secretId, options.token);
  const steps: RotationStepName[] = [];
  if (alreadyCurrent) return { token, resumed, alreadyCurrent, steps };
  options.logger?.info?.({ secretId, token, resumed, strategy: strategy.name }, 'rotation started');
  for (const step of ROTATION_STEPS) {
    const event = { Step: step, SecretId: secretId, ClientRequestToken: token };
    const outcome = await runRotationStep(client, event, strategy, stepOptions, step === 'createSecret');
    steps.push(step);
    options.onStep?.(step, outcome);
    if (step === options.stopAfter) break;
  }
  return { token, resumed, alreadyCurrent: false, steps };
}
