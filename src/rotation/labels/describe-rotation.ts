/**
 * `describeRotation`: how a secret rotates (configured, by whom, on what schedule and window),
 * and whether another AWS service owns it, in which case secretkit's strategies refuse it.
 */
import { DescribeSecretCommand } from '@aws-sdk/client-secrets-manager';
import { SecretkitError } from '../../errors/secretkit-error.js';
import type { SecretsManagerClientLike } from '../../sdk/client-like.js';
import { callAws } from '../aws-call.js';
import { AWSCURRENT, AWSPENDING } from '../stages.js';
import { requireText } from '../validate.js';

/** How a secret rotates. */
export interface RotationDescription {
  /** The secret's ARN. */
  readonly arn: string | undefined;
  /** Whether rotation is enabled (`RotationEnabled`). */
  readonly enabled: boolean;
  /** The service that owns (and rotates) the secret, e.g. `rds`; `undefined` for your own secrets. */
  readonly owningService: string | undefined;
  /**
   * `managed`: another service owns the secret and rotates it without your Lambda (e.g. RDS master
   * passwords); `lambda`: a rotation function is configured; `none`: no rotation is configured.
   */
  readonly kind: 'managed' | 'lambda' | 'none';
  /** The rotation function, when one is configured. */
  readonly lambdaArn: string | undefined;
  /** `rate(...)`/`cron(...)` schedule, when set that way. */
  readonly scheduleExpression: string | undefined;
  /** Days between rotations, when set that way. */
  readonly automaticallyAfterDays: number | undefined;
  /** Rotation window length, e.g. `3h`. */
  readonly duration: string | undefined;
  /** When the secret last rotated. */
  readonly lastRotatedDate: Date | undefined;
  /** When it rotates next, as Secrets Manager says. */
  readonly nextRotationDate: Date | undefined;
  /** The version of a half-finished rotation (AWSPENDING but not AWSCURRENT). */
  readonly pendingVersionId: string | undefined;
}

/**
 * Describes how a secret rotates (one DescribeSecret call).
 *
 * @param client - Secrets Manager client
 * @param secretId - name or ARN
 * @throws SecretkitError `INVALID_ARGUMENT`, AWS errors mapped (`NOT_FOUND`, `ACCESS_DENIED`, ...)
 * @example
 * ```ts
 * const r = await describeRotation(client, 'rds!db-1234');
 * if (r.kind === 'managed') console.log(`rotated by ${r.owningService}`);
 * ```
 */
export async function describeRotation(
  client: SecretsManagerClientLike,
  secretId: string,
): Promise<RotationDescription> {
  requireText('secretId', secretId);
  const out = await callAws('DescribeSecret', secretId, () =>
    client.send(new DescribeSecretCommand({ SecretId: secretId })),
  );
  const rules = out.RotationRules;
  const pending = Object.entries(out.VersionIdsToStages ?? {}).find(
    ([, s]) => s.includes(AWSPENDING) && !s.includes(AWSCURRENT),
  );
  const owningService = out.OwningService || undefined;
  return {
    arn: out.ARN,
    enabled: out.RotationEnabled === true,
    owningService,
    kind: owningService !== undefined ? 'managed' : out.RotationLambdaARN ? 'lambda' : 'none',
    lambdaArn: out.RotationLambdaARN || undefined,
    scheduleExpression: rules?.ScheduleExpression,
    automaticallyAfterDays: rules?.AutomaticallyAfterDays,
    duration: rules?.Duration,
    lastRotatedDate: out.LastRotatedDate,
    nextRotationDate: out.NextRotationDate,
    pendingVersionId: pending?.[0],
  };
}

/**
 * Throws when another service owns the secret: a strategy must not change its credentials.
 *
 * @param owningService - DescribeSecret's `OwningService`
 * @param secretId - for the message
 * @throws SecretkitError `ROTATION_FAILED` (details: `check: 'owning-service'`, `owningService`)
 */
export function assertNotManaged(owningService: string | undefined, secretId: string): void {
  if (!owningService) return;
  throw new SecretkitError(
    'ROTATION_FAILED',
    `Secret "${secretId}" is managed by ${owningService}, which rotates it; secretkit's rotation does not touch it.`,
    { secretId, details: { check: 'owning-service', owningService } },
  );
}
