/**
 * AWS refuses writes to a replica ("Operation not permitted on a replica secret. Call must be
 * made in primary secret's region.", an `InvalidParameterException` on AWS and on moto;
 * `InvalidRequestException` with the same message is accepted too). These helpers turn that into `REPLICA_WRITE` naming the
 * primary region.
 */
import { DescribeSecretCommand, type DescribeSecretCommandOutput } from '@aws-sdk/client-secrets-manager';
import { SecretkitError } from '../errors/secretkit-error.js';
import type { SecretsManagerClientLike } from '../sdk/client-like.js';
import { type CallSettings, send } from '../sdk/send.js';

const REPLICA_ERROR_NAMES = new Set(['InvalidRequestException', 'InvalidParameterException']);
const REPLICA_MESSAGE = /not permitted on a replica/i;

/**
 * True when `error` is AWS refusing an operation because the secret is a replica.
 *
 * @param error - what the SDK threw
 */
export function isReplicaWriteError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  // Mapped by the SDK boundary already: look at the AWS error it keeps as cause.
  if (error instanceof SecretkitError)
    return error.code === 'REPLICA_WRITE' && isReplicaWriteError(error.cause);
  const { name, message } = error as { name?: unknown; message?: unknown };
  return (
    typeof name === 'string' &&
    REPLICA_ERROR_NAMES.has(name) &&
    typeof message === 'string' &&
    REPLICA_MESSAGE.test(message)
  );
}

/** What the refused call was. */
export interface ReplicaWriteContext {
  /** The operation, e.g. `PutSecretValue`. */
  readonly operation: string;
  /** The secret id or ARN of the call. */
  readonly secretId: string;
  /** The region the call went to (the replica's). */
  readonly region: string;
}

/**
 * Builds the `REPLICA_WRITE` error.
 *
 * @param cause - the AWS error
 * @param ctx - operation, secret and region of the refused call
 * @param primaryRegion - the primary region, when known
 */
export function replicaWriteError(
  cause: unknown,
  ctx: ReplicaWriteContext,
  primaryRegion: string | undefined,
): SecretkitError {
  const where =
    primaryRegion === undefined
      ? 'send it to the primary region'
      : `its primary region is ${primaryRegion}: send writes there`;
  return new SecretkitError(
    'REPLICA_WRITE',
    `${ctx.operation} of secret "${ctx.secretId}" was refused in ${ctx.region} because the secret there is a replica; ${where}`,
    { cause, secretId: ctx.secretId, region: ctx.region, details: { primaryRegion } },
  );
}

/**
 * Maps a replica-write refusal to `REPLICA_WRITE`, asking `client` (the replica region's)
 * `DescribeSecret` for `PrimaryRegion`; `undefined` when `error` is something else. If the
 * describe fails, the error is still `REPLICA_WRITE`, without the primary region.
 *
 * @param error - what the write threw
 * @param client - the client the write went to
 * @param ctx - operation, secret and region of the write
 */
export async function toReplicaWriteError(
  error: unknown,
  client: SecretsManagerClientLike,
  call: CallSettings,
  ctx: ReplicaWriteContext,
): Promise<SecretkitError | undefined> {
  if (!isReplicaWriteError(error)) return undefined;
  let primaryRegion: string | undefined;
  try {
    const out = await send<DescribeSecretCommandOutput>(
      client,
      new DescribeSecretCommand({ SecretId: ctx.secretId }),
      {
        ...call,
        operation: 'DescribeSecret',
        secretId: ctx.secretId,
        region: ctx.region,
      },
    );
    primaryRegion = out.PrimaryRegion;
  } catch {
    primaryRegion = undefined;
  }
  return replicaWriteError(error instanceof SecretkitError ? error.cause : error, ctx, primaryRegion);
}
