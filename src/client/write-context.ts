/**
 * What write, describe and listing wrappers need from a {@link SecretsClient}: a way to send a
 * command to the primary region (counted, errors mapped) and to drop cached values.
 */
import { toSecretkitError } from '../errors/aws-error.js';
import { toReplicaWriteError } from '../replication/replica-write.js';
import type { SecretsManagerClientLike } from '../sdk/client-like.js';
import { withSignatureRetry } from '../sdk/signature-retry.js';

/** A Secrets Manager command object (e.g. `new DescribeSecretCommand(...)`). */
export type AnyCommand = object;

type LooseSend = (command: AnyCommand) => Promise<unknown>;

/** The client side of a wrapper. */
export interface WriteContext {
  /** The primary region. */
  readonly region: string;
  /** The primary region's client. */
  readonly client: SecretsManagerClientLike;
  /** Wraps one `send`: counts and times it. */
  countApiCall<T>(operation: string, region: string, send: () => Promise<T>): Promise<T>;
  /** Drops cached values of a secret (by id, name or ARN). */
  invalidate(secretId: string): void;
}

/**
 * Sends `command` to the primary region, counted, with the signature-expired retry; maps errors.
 *
 * @throws SecretkitError mapped from the AWS error
 */
export async function sendPrimary<T>(
  ctx: WriteContext,
  operation: string,
  secretId: string | undefined,
  command: AnyCommand,
): Promise<T> {
  try {
    return (await withSignatureRetry(() =>
      // `send` is overloaded per command; every Secrets Manager command is valid here.
      ctx.countApiCall(operation, ctx.region, () => (ctx.client.send as LooseSend).call(ctx.client, command)),
    )) as T;
  } catch (error) {
    const about = { operation, secretId, region: ctx.region };
    // A write to a replica: name the primary region (looked up with DescribeSecret) in the error.
    const onReplica =
      secretId === undefined
        ? undefined
        : await toReplicaWriteError(error, ctx.client, { ...about, secretId });
    throw onReplica ?? toSecretkitError(error, about);
  }
}
