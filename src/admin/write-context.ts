/**
 * What write, describe and listing wrappers need from their owner: the primary region's client,
 * the call settings of the SDK boundary (deadline, scope, counter) and a way to drop cached
 * values.
 */
import { toReplicaWriteError } from '../replication/replica-write.js';
import type { SecretsManagerClientLike } from '../sdk/client-like.js';
import { type CallSettings, send } from '../sdk/send.js';

/** A Secrets Manager command object (e.g. `new DescribeSecretCommand(...)`). */
export type AnyCommand = object;

/** The client side of a wrapper. */
export interface WriteContext {
  /** The primary region. */
  readonly region: string;
  /** The primary region's client. */
  readonly client: SecretsManagerClientLike;
  /** Deadline, scope and counter of every call. */
  readonly call: CallSettings;
  /** Drops cached values of a secret (by id, name or ARN). */
  invalidate(secretId: string): void;
}

/**
 * Sends `command` to the primary region through the SDK boundary.
 *
 * @throws SecretkitError mapped from the AWS error (`REPLICA_WRITE` naming the primary region
 *   for a write sent to a replica)
 */
export async function sendPrimary<T>(
  ctx: WriteContext,
  operation: string,
  secretId: string | undefined,
  command: AnyCommand,
): Promise<T> {
  const about = { operation, secretId, region: ctx.region };
  try {
    return await send<T>(ctx.client, command, { ...ctx.call, ...about });
  } catch (error) {
    // A write to a replica: name the primary region (looked up with DescribeSecret) in the error.
    const onReplica =
      secretId === undefined
        ? undefined
        : await toReplicaWriteError(error, ctx.client, ctx.call, { ...about, secretId });
    throw onReplica ?? error;
  }
}
