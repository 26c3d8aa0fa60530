/**
 * The four steps, Secrets Manager side; the strategy does the database side.
 * Every step is idempotent.
 */
import { PutSecretValueCommand } from '@aws-sdk/client-secrets-manager';
import { isSecretkitError, SecretkitError } from '../../errors/secretkit-error.js';
import type { SecretsManagerClientLike } from '../../sdk/client-like.js';
import { callAws } from '../aws-call.js';
import { makeCurrent } from '../labels/promote.js';
import { readVersionString } from '../labels/read-stage.js';
import { versionWithStage } from '../labels/version-stages.js';
import { AWSCURRENT, AWSPENDING, AWSPREVIOUS } from '../stages.js';
import type { RotationStepContext, RotationStrategy, RotationVersions } from '../strategy.js';
import type { RotationStepName } from './event.js';

/** What a step works on. */
export interface StepInput {
  /** Secrets Manager client. */
  readonly client: SecretsManagerClientLike;
  /** The engine side. */
  readonly strategy: RotationStrategy;
  /** The context given to the strategy (secret ARN, token, password generation...). */
  readonly ctx: RotationStepContext;
  /** Labels by version id, from the pre-check's DescribeSecret. */
  readonly stagesByVersion: Readonly<Record<string, readonly string[]>>;
}

async function readStage(input: StepInput, stage: string): Promise<string | undefined> {
  const versionId = versionWithStage(input.stagesByVersion, stage);
  if (versionId === undefined) return undefined;
  return readVersionString(input.client, input.ctx.secretId, versionId, stage);
}

async function readCurrent(input: StepInput): Promise<string> {
  const current = await readStage(input, AWSCURRENT);
  if (current === undefined) {
    throw new SecretkitError(
      'STAGE_NOT_FOUND',
      `Secret "${input.ctx.secretId}" has no AWSCURRENT value to rotate from.`,
      {
        secretId: input.ctx.secretId,
        details: { stage: AWSCURRENT },
      },
    );
  }
  return current;
}

function readPending(input: StepInput): Promise<string | undefined> {
  return readVersionString(input.client, input.ctx.secretId, input.ctx.token, AWSPENDING);
}

/**
 * Runs one strategy method; failures become `ROTATION_FAILED` (the original as `cause`).
 *
 * @internal
 */
export async function strategyCall<T>(
  step: RotationStepName,
  input: StepInput,
  run: () => Promise<T>,
): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (isSecretkitError(error, 'ROTATION_FAILED')) throw error;
    throw new SecretkitError(
      'ROTATION_FAILED',
      `Rotation step ${step} of strategy ${input.strategy.name} failed for secret "${input.ctx.secretId}".`,
      {
        cause: error,
        secretId: input.ctx.secretId,
        details: { step, strategy: input.strategy.name, token: input.ctx.token },
      },
    );
  }
}

/** createSecret: unless this token's AWSPENDING value exists, make one and put it as AWSPENDING. */
export async function createSecretStep(input: StepInput): Promise<void> {
  const { ctx } = input;
  const current = await readCurrent(input);
  if ((await readPending(input)) !== undefined) {
    ctx.logger?.info?.(
      { secretId: ctx.secretId, token: ctx.token },
      'createSecret: AWSPENDING value already exists',
    );
    return;
  }
  const previous = await readStage(input, AWSPREVIOUS);
  const versions: RotationVersions = { current, previous };
  const value = await strategyCall('createSecret', input, () =>
    input.strategy.createPendingValue(versions, ctx),
  );
  if (typeof value !== 'string' || value.length === 0) {
    throw new SecretkitError(
      'ROTATION_FAILED',
      `Strategy ${input.strategy.name} returned no value for the pending version of secret "${ctx.secretId}".`,
      { secretId: ctx.secretId, details: { step: 'createSecret', strategy: input.strategy.name } },
    );
  }
  await callAws('PutSecretValue', ctx.secretId, () =>
    input.client.send(
      new PutSecretValueCommand({
        SecretId: ctx.secretId,
        ClientRequestToken: ctx.token,
        SecretString: value,
        VersionStages: [AWSPENDING],
      }),
    ),
  );
  ctx.logger?.info?.(
    { secretId: ctx.secretId, token: ctx.token },
    'createSecret: put the AWSPENDING version',
  );
}

async function pendingVersions(input: StepInput, step: RotationStepName) {
  const [current, pending, previous] = await Promise.all([
    readCurrent(input),
    readPending(input),
    readStage(input, AWSPREVIOUS),
  ]);
  if (pending === undefined) {
    throw new SecretkitError(
      'ROTATION_FAILED',
      `Step ${step}: the AWSPENDING version "${input.ctx.token}" of secret "${input.ctx.secretId}" has no value (createSecret has not run).`,
      { secretId: input.ctx.secretId, details: { step, token: input.ctx.token } },
    );
  }
  return { current, pending, previous };
}

/** setSecret: the strategy makes the database accept the pending credentials. */
export async function setSecretStep(input: StepInput): Promise<void> {
  const versions = await pendingVersions(input, 'setSecret');
  await strategyCall('setSecret', input, () => input.strategy.setSecret(versions, input.ctx));
  input.ctx.logger?.info?.({ secretId: input.ctx.secretId, token: input.ctx.token }, 'setSecret: done');
}

/** testSecret: the strategy logs in with the pending credentials. */
export async function testSecretStep(input: StepInput): Promise<void> {
  const versions = await pendingVersions(input, 'testSecret');
  await strategyCall('testSecret', input, () => input.strategy.testSecret(versions, input.ctx));
  input.ctx.logger?.info?.({ secretId: input.ctx.secretId, token: input.ctx.token }, 'testSecret: done');
}

/** finishSecret: AWSCURRENT onto the token's version (AWSPREVIOUS follows), then AWSPENDING off it. */
export async function finishSecretStep(input: StepInput): Promise<void> {
  const { ctx } = input;
  const result = await makeCurrent(input.client, ctx.secretId, ctx.token, input.stagesByVersion);
  ctx.logger?.info?.(
    { secretId: ctx.secretId, token: ctx.token, previousVersionId: result.previousVersionId },
    'finishSecret: version is AWSCURRENT',
  );
}

/** The step implementations by name. */
export const STEP_IMPLEMENTATIONS: Readonly<Record<RotationStepName, (input: StepInput) => Promise<void>>> = {
  createSecret: createSecretStep,
  setSecret: setSecretStep,
  testSecret: testSecretStep,
  finishSecret: finishSecretStep,
};
