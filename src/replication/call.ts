/**
 * Runs one replication call and maps its failure: a replica refusal to `REPLICA_WRITE`,
 * anything else through errors/aws-error.ts.
 */
import { toSecretkitError } from '../errors/aws-error.js';
import { SecretkitError } from '../errors/secretkit-error.js';
import type { SecretsManagerClientLike } from '../sdk/client-like.js';
import { type ReplicaWriteContext, toReplicaWriteError } from './replica-write.js';

/**
 * Calls `run(client)` and maps what it throws.
 *
 * @param client - the region's client
 * @param ctx - operation, secret and region (for messages)
 * @param run - the SDK call
 */
export async function replicationCall<T>(
  client: SecretsManagerClientLike,
  ctx: ReplicaWriteContext,
  run: (client: SecretsManagerClientLike) => Promise<T>,
): Promise<T> {
  try {
    return await run(client);
  } catch (error) {
    throw (await toReplicaWriteError(error, client, ctx)) ?? toSecretkitError(error, ctx);
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
