/**
 * DeleteSecret (recovery window 7–30 days, 30 by default, or ForceDeleteWithoutRecovery) and
 * RestoreSecret. A scheduled secret is purged when its window ends (by the fake's clock).
 */
import type {
  DeleteSecretCommandInput,
  DeleteSecretCommandOutput,
  RestoreSecretCommandInput,
  RestoreSecretCommandOutput,
} from '@aws-sdk/client-secrets-manager';
import { partitionOf } from '../arn.js';
import type { Handler, Output } from '../context.js';
import { arnIn, findSecret, requireSecret } from '../lookup.js';

const DAY_MS = 86_400_000;

/** DeleteSecret. */
export const deleteSecret: Handler<DeleteSecretCommandInput, Output<DeleteSecretCommandOutput>> = (
  ctx,
  input,
) => {
  const days = input.RecoveryWindowInDays;
  const force = input.ForceDeleteWithoutRecovery === true;
  if (days !== undefined && (!Number.isInteger(days) || days < 7 || days > 30)) {
    throw ctx.errors.invalidParameter(
      'The RecoveryWindowInDays value must be between 7 and 30 days (inclusive).',
    );
  }
  if (days !== undefined && force) {
    throw ctx.errors.invalidParameter(
      "You can't use ForceDeleteWithoutRecovery in conjunction with RecoveryWindowInDays.",
    );
  }
  const id = input.SecretId;
  const now = ctx.now();
  const found = id === undefined || id === '' ? requireSecret(ctx, id) : findSecret(ctx, id);
  if (!found || id === undefined) {
    if (!force || id === undefined) throw ctx.errors.notFound();
    // As AWS: a forced delete of an unknown secret "succeeds" with a made-up ARN.
    const arn = `arn:${partitionOf(ctx.region)}:secretsmanager:${ctx.region}:${ctx.accountId}:secret:${id}-${ctx.newSuffix()}`;
    return { ARN: arn, Name: id, DeletionDate: now };
  }
  const { secret } = found;
  if (found.replica) throw ctx.errors.replicaWrite();
  const live = [...secret.replicas.values()].filter((r) => r.status === 'InSync').map((r) => r.region);
  if (live.length > 0) {
    throw ctx.errors.invalidParameter(
      `You can't delete secret ${arnIn(found)} that still has replica regions [${live.join(', ')}].`,
    );
  }
  if (secret.deletedDate !== undefined && !force) throw ctx.errors.deleted();
  const out = { ARN: arnIn(found), Name: secret.name };
  if (force) {
    ctx.store.remove(secret);
    return { ...out, DeletionDate: now };
  }
  const deletionDate = new Date(now.getTime() + (days ?? 30) * DAY_MS);
  ctx.store.scheduleDeletion(secret, now, deletionDate);
  return { ...out, DeletionDate: new Date(deletionDate) };
};

/** RestoreSecret: cancels a scheduled deletion. */
export const restoreSecret: Handler<RestoreSecretCommandInput, Output<RestoreSecretCommandOutput>> = (
  ctx,
  input,
) => {
  const found = requireSecret(ctx, input.SecretId);
  if (found.replica) throw ctx.errors.replicaWrite();
  ctx.store.cancelDeletion(found.secret);
  return { ARN: arnIn(found), Name: found.secret.name };
};
