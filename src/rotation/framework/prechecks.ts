/**
 * The checks AWS's rotation templates make before every step.
 */
import { SecretkitError } from '../../errors/secretkit-error.js';
import type { SecretsManagerClientLike } from '../../sdk/client-like.js';
import { assertNotManaged } from '../labels/describe-rotation.js';
import { getVersionStages, stagesOf } from '../labels/version-stages.js';
import { AWSCURRENT, AWSPENDING } from '../stages.js';

/** Where the token stands. `new`: not a version yet (only allowed for the driver's createSecret). */
export type TokenStatus = 'pending' | 'current' | 'new';

/** The outcome of the checks. */
export interface PrecheckResult {
  /** Where the token stands. */
  readonly status: TokenStatus;
  /** The secret's ARN (or the id given, when DescribeSecret did not return one). */
  readonly arn: string;
  /** Labels by version id, as DescribeSecret returned them. */
  readonly stagesByVersion: Readonly<Record<string, readonly string[]>>;
}

/**
 * DescribeSecret, then: rotation enabled (when required); the token is a version of the secret
 * (unless `allowNewToken`); the token is AWSCURRENT (`current`: the step returns early) or
 * AWSPENDING (`pending`).
 *
 * @throws SecretkitError `ROTATION_NOT_ENABLED`, `ROTATION_INVALID_TOKEN`, AWS errors mapped
 */
export async function precheck(
  client: SecretsManagerClientLike,
  secretId: string,
  token: string,
  requireRotationEnabled: boolean,
  allowNewToken = false,
): Promise<PrecheckResult> {
  const described = await getVersionStages(client, secretId);
  const arn = described.arn ?? secretId;
  assertNotManaged(described.owningService, secretId);
  const { stagesByVersion } = described;
  if (requireRotationEnabled && !described.rotationEnabled) {
    throw new SecretkitError('ROTATION_NOT_ENABLED', `Rotation is not enabled on secret "${secretId}".`, {
      secretId,
    });
  }
  const stages = stagesOf(stagesByVersion, token);
  if (stages === undefined) {
    if (allowNewToken) return { status: 'new', arn, stagesByVersion };
    throw new SecretkitError(
      'ROTATION_INVALID_TOKEN',
      `Version "${token}" of secret "${secretId}" has no stage for rotation.`,
      { secretId, details: { token } },
    );
  }
  if (stages.includes(AWSCURRENT)) return { status: 'current', arn, stagesByVersion };
  if (!stages.includes(AWSPENDING)) {
    throw new SecretkitError(
      'ROTATION_INVALID_TOKEN',
      `Version "${token}" of secret "${secretId}" is not AWSPENDING, so it cannot be rotated to.`,
      { secretId, details: { token, stages } },
    );
  }
  return { status: 'pending', arn, stagesByVersion };
}
