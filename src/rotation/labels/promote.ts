/**
 * Promotes the pending version to AWSCURRENT, and rolls AWSCURRENT back to AWSPREVIOUS.
 */
import { UpdateSecretVersionStageCommand } from '@aws-sdk/client-secrets-manager';
import { SecretkitError } from '../../errors/secretkit-error.js';
import type { SecretsManagerClientLike } from '../../sdk/client-like.js';
import { callAws } from '../aws-call.js';
import { AWSCURRENT, AWSPENDING, AWSPREVIOUS } from '../stages.js';
import { requireText } from '../validate.js';
import { detachLabel } from './move-label.js';
import { getVersionStages, stagesOf, versionWithStage } from './version-stages.js';

/** What a promotion or rollback did. */
export interface PromotionResult {
  /** The version that is AWSCURRENT now. */
  readonly versionId: string;
  /** The version that was AWSCURRENT before (now AWSPREVIOUS), if it differed. */
  readonly previousVersionId: string | undefined;
}

function stageNotFound(secretId: string, stage: string): SecretkitError {
  return new SecretkitError(
    'STAGE_NOT_FOUND',
    `No version of secret "${secretId}" carries the label ${stage}.`,
    {
      secretId,
      details: { stage },
    },
  );
}

/**
 * Makes `versionId` AWSCURRENT (AWSPREVIOUS moves to the old current version), then takes
 * AWSPENDING off it when it carries it. Idempotent: re-running after either call does the rest.
 *
 * @internal shared by {@link promotePending} and the rotation framework's finishSecret
 */
export async function makeCurrent(
  client: SecretsManagerClientLike,
  secretId: string,
  versionId: string,
  stagesByVersion: Readonly<Record<string, readonly string[]>>,
): Promise<PromotionResult> {
  const current = versionWithStage(stagesByVersion, AWSCURRENT);
  if (current !== versionId) {
    await callAws('UpdateSecretVersionStage', secretId, () =>
      client.send(
        new UpdateSecretVersionStageCommand({
          SecretId: secretId,
          VersionStage: AWSCURRENT,
          MoveToVersionId: versionId,
          ...(current === undefined ? {} : { RemoveFromVersionId: current }),
        }),
      ),
    );
  }
  // AWS's own template leaves AWSPENDING on the finished version (aws-secrets-manager-rotation-lambdas#168).
  if (stagesOf(stagesByVersion, versionId)?.includes(AWSPENDING)) {
    await detachLabel(client, secretId, AWSPENDING, versionId);
  }
  return { versionId, previousVersionId: current === versionId ? undefined : current };
}

/**
 * Promotes the AWSPENDING version: AWSCURRENT moves onto it (AWSPREVIOUS onto the old current
 * version) and AWSPENDING is removed. Does what a rotation's finishSecret does, without a rotation.
 *
 * @param client - Secrets Manager client
 * @param secretId - name or ARN
 * @throws SecretkitError `STAGE_NOT_FOUND` when no version is AWSPENDING, AWS errors mapped
 */
export async function promotePending(
  client: SecretsManagerClientLike,
  secretId: string,
): Promise<PromotionResult> {
  requireText('secretId', secretId);
  const { stagesByVersion } = await getVersionStages(client, secretId);
  const pending = versionWithStage(stagesByVersion, AWSPENDING);
  if (pending === undefined) throw stageNotFound(secretId, AWSPENDING);
  return makeCurrent(client, secretId, pending, stagesByVersion);
}

/**
 * Rolls back: AWSCURRENT moves back onto the AWSPREVIOUS version. Secrets Manager then puts
 * AWSPREVIOUS on the version rolled back from, so a second rollback undoes the first.
 *
 * @param client - Secrets Manager client
 * @param secretId - name or ARN
 * @returns the version now current and the one rolled back from (`previousVersionId`)
 * @throws SecretkitError `STAGE_NOT_FOUND` when no version is AWSPREVIOUS, AWS errors mapped
 */
export async function rollback(client: SecretsManagerClientLike, secretId: string): Promise<PromotionResult> {
  requireText('secretId', secretId);
  const { stagesByVersion } = await getVersionStages(client, secretId);
  const previous = versionWithStage(stagesByVersion, AWSPREVIOUS);
  if (previous === undefined) throw stageNotFound(secretId, AWSPREVIOUS);
  const current = versionWithStage(stagesByVersion, AWSCURRENT);
  if (current === undefined) throw stageNotFound(secretId, AWSCURRENT);
  if (current === previous) return { versionId: current, previousVersionId: undefined };
  await callAws('UpdateSecretVersionStage', secretId, () =>
    client.send(
      new UpdateSecretVersionStageCommand({
        SecretId: secretId,
        VersionStage: AWSCURRENT,
        MoveToVersionId: previous,
        RemoveFromVersionId: current,
      }),
    ),
  );
  return { versionId: previous, previousVersionId: current };
}
