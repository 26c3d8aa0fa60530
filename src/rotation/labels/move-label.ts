/**
 * Moves or removes a staging label, finding the version it is on for the caller.
 */
import { UpdateSecretVersionStageCommand } from '@aws-sdk/client-secrets-manager';
import { SecretkitError } from '../../errors/secretkit-error.js';
import type { SecretsManagerClientLike } from '../../sdk/client-like.js';
import { callAws } from '../aws-call.js';
import { AWSCURRENT } from '../stages.js';
import { requireText } from '../validate.js';
import { listVersions } from './list-versions.js';
import { getVersionStages, stagesOf, versionWithStage } from './version-stages.js';

/** What {@link moveLabel} did. */
export interface MoveLabelResult {
  /** The version that carries the label now. */
  readonly versionId: string;
  /** The version the label was taken from, if it was on one. */
  readonly fromVersionId: string | undefined;
  /** False when the label was already on `versionId` (nothing was sent). */
  readonly moved: boolean;
}

async function versionExists(
  client: SecretsManagerClientLike,
  secretId: string,
  versionId: string,
  stagesByVersion: Readonly<Record<string, readonly string[]>>,
): Promise<boolean> {
  if (stagesOf(stagesByVersion, versionId) !== undefined) return true;
  // DescribeSecret lists labelled versions only; an unlabelled (deprecated) one can still take a label.
  const all = await listVersions(client, secretId, { includeDeprecated: true });
  return all.some((v) => v.versionId === versionId);
}

/**
 * Moves `label` onto `toVersionId` (UpdateSecretVersionStage), passing as `RemoveFromVersionId`
 * the version that carries it now. Moving AWSCURRENT makes Secrets Manager put AWSPREVIOUS on
 * the version it came from. A no-op when the label is already there.
 *
 * @param client - Secrets Manager client
 * @param secretId - name or ARN
 * @param label - staging label, e.g. `AWSCURRENT` or your own
 * @param toVersionId - the version that should carry it
 * @throws SecretkitError `VERSION_NOT_FOUND` when `toVersionId` is not a version of the secret,
 *   `INVALID_ARGUMENT` for empty arguments, AWS errors mapped
 */
export async function moveLabel(
  client: SecretsManagerClientLike,
  secretId: string,
  label: string,
  toVersionId: string,
): Promise<MoveLabelResult> {
  requireText('secretId', secretId);
  requireText('label', label, secretId);
  requireText('toVersionId', toVersionId, secretId);
  const { stagesByVersion } = await getVersionStages(client, secretId);
  if (!(await versionExists(client, secretId, toVersionId, stagesByVersion))) {
    throw new SecretkitError('VERSION_NOT_FOUND', `Secret "${secretId}" has no version "${toVersionId}".`, {
      secretId,
      details: { versionId: toVersionId, label },
    });
  }
  const fromVersionId = versionWithStage(stagesByVersion, label);
  if (fromVersionId === toVersionId) return { versionId: toVersionId, fromVersionId, moved: false };
  await callAws('UpdateSecretVersionStage', secretId, () =>
    client.send(
      new UpdateSecretVersionStageCommand({
        SecretId: secretId,
        VersionStage: label,
        MoveToVersionId: toVersionId,
        ...(fromVersionId === undefined ? {} : { RemoveFromVersionId: fromVersionId }),
      }),
    ),
  );
  return { versionId: toVersionId, fromVersionId, moved: true };
}

/**
 * Removes `label` from the version carrying it (or from `fromVersionId`, checked to carry it).
 * AWSCURRENT cannot be removed, only moved.
 *
 * @param client - Secrets Manager client
 * @param secretId - name or ARN
 * @param label - staging label
 * @param fromVersionId - the version expected to carry it (optional)
 * @returns the version the label was removed from
 * @throws SecretkitError `STAGE_NOT_FOUND` when no version (or not `fromVersionId`) carries it,
 *   `INVALID_ARGUMENT` for AWSCURRENT or empty arguments, AWS errors mapped
 */
export async function removeLabel(
  client: SecretsManagerClientLike,
  secretId: string,
  label: string,
  fromVersionId?: string,
): Promise<string> {
  requireText('secretId', secretId);
  requireText('label', label, secretId);
  if (label === AWSCURRENT) {
    throw new SecretkitError(
      'INVALID_ARGUMENT',
      'AWSCURRENT cannot be removed, only moved (use moveLabel).',
      {
        secretId,
        details: { label },
      },
    );
  }
  const { stagesByVersion } = await getVersionStages(client, secretId);
  const holder =
    fromVersionId === undefined
      ? versionWithStage(stagesByVersion, label)
      : stagesOf(stagesByVersion, fromVersionId)?.includes(label)
        ? fromVersionId
        : undefined;
  if (holder === undefined) {
    throw new SecretkitError(
      'STAGE_NOT_FOUND',
      `No version of secret "${secretId}"${fromVersionId ? ` matching "${fromVersionId}"` : ''} carries the label ${label}.`,
      { secretId, details: { label, versionId: fromVersionId } },
    );
  }
  await detachLabel(client, secretId, label, holder);
  return holder;
}

/**
 * Sends UpdateSecretVersionStage removing `label` from `versionId` (no checks).
 *
 * @internal shared with promotion and the rotation framework
 */
export async function detachLabel(
  client: SecretsManagerClientLike,
  secretId: string,
  label: string,
  versionId: string,
): Promise<void> {
  await callAws('UpdateSecretVersionStage', secretId, () =>
    client.send(
      new UpdateSecretVersionStageCommand({
        SecretId: secretId,
        VersionStage: label,
        RemoveFromVersionId: versionId,
      }),
    ),
  );
}
