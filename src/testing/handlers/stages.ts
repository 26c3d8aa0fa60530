/**
 * UpdateSecretVersionStage with the service's rules: moving a label that is attached to another
 * version requires RemoveFromVersionId naming that version; moving AWSCURRENT moves AWSPREVIOUS
 * to the version it left; AWSCURRENT cannot be removed without being moved.
 */
import type {
  UpdateSecretVersionStageCommandInput,
  UpdateSecretVersionStageCommandOutput,
} from '@aws-sdk/client-secrets-manager';
import type { Handler, HandlerContext, Output } from '../context.js';
import { arnIn, requireWritable } from '../lookup.js';
import type { StoredSecret, StoredVersion } from '../store.js';
import { AWSCURRENT, attachStage, holderOf } from '../versions.js';

function versionOf(ctx: HandlerContext, secret: StoredSecret, versionId: string): StoredVersion {
  const version = secret.versions.get(versionId);
  if (!version)
    throw ctx.errors.invalidParameter(`Secrets Manager can't find the specified version: ${versionId}`);
  return version;
}

/** UpdateSecretVersionStage. */
export const updateSecretVersionStage: Handler<
  UpdateSecretVersionStageCommandInput,
  Output<UpdateSecretVersionStageCommandOutput>
> = (ctx, input) => {
  const found = requireWritable(ctx, input.SecretId);
  const { secret } = found;
  const stage = input.VersionStage;
  if (stage === undefined || stage === '')
    throw ctx.errors.invalidParameter('You must specify a VersionStage.');
  const removeFrom =
    input.RemoveFromVersionId === undefined ? undefined : versionOf(ctx, secret, input.RemoveFromVersionId);
  const moveTo =
    input.MoveToVersionId === undefined ? undefined : versionOf(ctx, secret, input.MoveToVersionId);
  if (!removeFrom && !moveTo) {
    throw ctx.errors.invalidParameter('You must specify MoveToVersionId, RemoveFromVersionId, or both.');
  }
  const holder = holderOf(secret, stage);
  if (removeFrom && removeFrom !== holder) {
    throw ctx.errors.invalidParameter(
      `The staging label ${stage} is not attached to version ${removeFrom.versionId}, so you can't remove it.`,
    );
  }
  if (moveTo) {
    if (holder && holder !== moveTo && removeFrom !== holder) {
      throw ctx.errors.invalidParameter(
        `The parameter RemoveFromVersionId can't be empty. Staging label ${stage} is currently attached to version ${holder.versionId}, so you must explicitly reference that version in RemoveFromVersionId.`,
      );
    }
    attachStage(secret, stage, moveTo);
  } else if (removeFrom) {
    if (stage === AWSCURRENT) {
      throw ctx.errors.invalidParameter(
        "You can't remove the staging label AWSCURRENT from a version without moving it: specify MoveToVersionId.",
      );
    }
    removeFrom.stages.delete(stage);
  }
  secret.lastChangedDate = ctx.now();
  return { ARN: arnIn(found), Name: secret.name };
};
