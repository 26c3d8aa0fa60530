/**
 * Reads the value of the version carrying a staging label (AWSPENDING, AWSPREVIOUS, ...).
 */
import { GetSecretValueCommand, type GetSecretValueCommandOutput } from '@aws-sdk/client-secrets-manager';
import { isSecretkitError, SecretkitError } from '../../errors/secretkit-error.js';
import type { SecretsManagerClientLike } from '../../sdk/client-like.js';
import { callAws } from '../aws-call.js';
import { AWSPENDING, AWSPREVIOUS } from '../stages.js';
import { getVersionStages, versionWithStage } from './version-stages.js';

/** A version's string value with its id and labels. */
export interface StagedValue {
  /** The version id. */
  readonly versionId: string;
  /** The staging labels of the version. */
  readonly stages: readonly string[];
  /** The SecretString. */
  readonly value: string;
}

/**
 * Reads one version's SecretString by id and label (both passed, so the read fails rather than
 * return another version if the label has moved). `undefined` when the version has no value
 * (Secrets Manager creates the AWSPENDING version of a rotation before createSecret fills it)
 * or does not carry the label any more.
 *
 * @param client - Secrets Manager client
 * @param secretId - name or ARN
 * @param versionId - the version id
 * @param stage - a label the version carries
 * @returns the SecretString, or `undefined`
 * @throws SecretkitError `NOT_A_STRING` for a binary version; other AWS errors mapped
 */
export async function readVersionString(
  client: SecretsManagerClientLike,
  secretId: string,
  versionId: string,
  stage: string,
): Promise<string | undefined> {
  let out: GetSecretValueCommandOutput;
  try {
    out = await callAws('GetSecretValue', secretId, () =>
      client.send(
        new GetSecretValueCommand({ SecretId: secretId, VersionId: versionId, VersionStage: stage }),
      ),
    );
  } catch (error) {
    if (isSecretkitError(error, 'NOT_FOUND')) return undefined;
    throw error;
  }
  if (typeof out.SecretString !== 'string') {
    throw new SecretkitError(
      'NOT_A_STRING',
      `Version "${versionId}" (${stage}) of secret "${secretId}" holds binary data, not a string.`,
      { secretId, details: { versionId, stage } },
    );
  }
  return out.SecretString;
}

/**
 * Reads the value of the version carrying `stage`, or `undefined` when no version carries it
 * (or that version has no value yet).
 *
 * @param client - Secrets Manager client
 * @param secretId - name or ARN
 * @param stage - a staging label, e.g. `AWSPENDING`
 * @throws SecretkitError `NOT_FOUND` when the secret does not exist, `NOT_A_STRING`, AWS errors
 */
export async function findStageValue(
  client: SecretsManagerClientLike,
  secretId: string,
  stage: string,
): Promise<StagedValue | undefined> {
  const { stagesByVersion } = await getVersionStages(client, secretId);
  const versionId = versionWithStage(stagesByVersion, stage);
  if (versionId === undefined) return undefined;
  const value = await readVersionString(client, secretId, versionId, stage);
  if (value === undefined) return undefined;
  return { versionId, stages: stagesByVersion[versionId] ?? [stage], value };
}

/**
 * Reads the value of the version carrying `stage`.
 *
 * @param client - Secrets Manager client
 * @param secretId - name or ARN
 * @param stage - a staging label
 * @throws SecretkitError `STAGE_NOT_FOUND` when no version carries the label (or it has no value),
 *   `NOT_FOUND` when the secret does not exist, `NOT_A_STRING`, AWS errors
 */
export async function getStageValue(
  client: SecretsManagerClientLike,
  secretId: string,
  stage: string,
): Promise<StagedValue> {
  const found = await findStageValue(client, secretId, stage);
  if (found === undefined) {
    throw new SecretkitError(
      'STAGE_NOT_FOUND',
      `No version of secret "${secretId}" with a value carries the label ${stage}.`,
      {
        secretId,
        details: { stage },
      },
    );
  }
  return found;
}

/**
 * The AWSPENDING value (a rotation in progress), or `undefined` when there is none.
 *
 * @param client - Secrets Manager client
 * @param secretId - name or ARN
 * @throws SecretkitError `NOT_FOUND` when the secret does not exist, `NOT_A_STRING`, AWS errors
 */
export function getPendingValue(
  client: SecretsManagerClientLike,
  secretId: string,
): Promise<StagedValue | undefined> {
  return findStageValue(client, secretId, AWSPENDING);
}

/**
 * The AWSPREVIOUS value (the version before the last rotation), or `undefined` when there is none.
 *
 * @param client - Secrets Manager client
 * @param secretId - name or ARN
 * @throws SecretkitError `NOT_FOUND` when the secret does not exist, `NOT_A_STRING`, AWS errors
 */
export function getPreviousValue(
  client: SecretsManagerClientLike,
  secretId: string,
): Promise<StagedValue | undefined> {
  return findStageValue(client, secretId, AWSPREVIOUS);
}
