/**
 * Runs one replication call through the SDK boundary; a replica refusal becomes `REPLICA_WRITE`.
 */
import { SecretkitError } from '../errors/secretkit-error.js';
import { send } from '../sdk/send.js';
import { type ReplicaWriteContext, toReplicaWriteError } from './replica-write.js';
import type { ReplicationTarget } from './types.js';

/**
 * Sends `command` to `ctx.region` through the SDK boundary (counted, deadlined, settled by
 * close, signature-retried) and maps a replica refusal to `REPLICA_WRITE`.
 *
 * @param target - the owner's clients and call settings
 * @param ctx - operation, secret and region
 * @param command - the command object
 */
export async function replicationCall<T>(
  target: ReplicationTarget,
  ctx: ReplicaWriteContext,
  command: object,
): Promise<T> {
  const client = target.clientFor(ctx.region);
  try {
    return await send<T>(client, command, { ...target.call, ...ctx });
  } catch (error) {
    throw (await toReplicaWriteError(error, client, target.call ?? {}, ctx)) ?? error;
  }
}

/**
 * Throws `INVALID_ARGUMENT` unless `regions` are non-empty, distinct strings, none the primary.
 *
 * @param regions - the regions of the call
 * @param primaryRegion - the primary region
 * @param operation - for the message
 */
export function checkReplicaRegions(
  regions: readonly string[],
  primaryRegion: string,
  operation: string,
): void {
  if (regions.length === 0) {
    throw new SecretkitError('INVALID_ARGUMENT', `${operation}: give at least one replica region`);
  }
  for (const region of regions) {
    if (typeof region !== 'string' || region.length === 0) {
      throw new SecretkitError('INVALID_ARGUMENT', `${operation}: every region must be a non-empty string`);
    }
    if (region === primaryRegion) {
      throw new SecretkitError(
        'INVALID_ARGUMENT',
        `${operation}: ${region} is the primary region, not a replica`,
      );
    }
  }
  if (new Set(regions).size !== regions.length) {
    throw new SecretkitError(
      'INVALID_ARGUMENT',
      `${operation}: regions must be distinct (${regions.join(', ')})`,
    );
  }
}
