/**
 * `simulateRotation(...)`: the label moves of a successful rotation, as a rotation function and
 * the service make them: the new value is put as AWSPENDING (createSecret), AWSCURRENT is moved
 * to it with RemoveFromVersionId (finishSecret; AWSPREVIOUS follows), then AWSPENDING is removed.
 */
import type { HandlerContext } from './context.js';
import { recordRotated } from './handlers/rotation.js';
import { updateSecretVersionStage } from './handlers/stages.js';
import { putSecretValue } from './handlers/writes.js';
import { requireWritable } from './lookup.js';
import { runSync, type SeedValueFields, toSdkValue } from './seed.js';
import { AWSCURRENT, AWSPENDING, holderOf } from './versions.js';

/** The versions a simulated rotation touched. */
export interface SimulatedRotation {
  /** The new AWSCURRENT version. */
  readonly versionId: string;
  /** The version that is now AWSPREVIOUS (the former AWSCURRENT), if there was one. */
  readonly previousVersionId: string | undefined;
}

/**
 * Rotates a secret to `newValue` (a string, or seed fields for JSON or binary).
 *
 * @param token - the rotation's version id; a random UUID when absent
 */
export function rotateTo(
  ctx: HandlerContext,
  secretId: string,
  newValue: string | SeedValueFields,
  token: string,
): SimulatedRotation {
  const { secret } = requireWritable(ctx, secretId);
  const value = toSdkValue(typeof newValue === 'string' ? { value: newValue } : newValue);
  const previous = holderOf(secret, AWSCURRENT);
  runSync(
    putSecretValue(ctx, {
      SecretId: secretId,
      ClientRequestToken: token,
      VersionStages: [AWSPENDING],
      ...value,
    }),
  );
  if (previous) {
    runSync(
      updateSecretVersionStage(ctx, {
        SecretId: secretId,
        VersionStage: AWSCURRENT,
        MoveToVersionId: token,
        RemoveFromVersionId: previous.versionId,
      }),
    );
  }
  runSync(
    updateSecretVersionStage(ctx, {
      SecretId: secretId,
      VersionStage: AWSPENDING,
      RemoveFromVersionId: token,
    }),
  );
  recordRotated(secret, ctx.now());
  return { versionId: token, previousVersionId: previous?.versionId };
}
