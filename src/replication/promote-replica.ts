/** `promoteReplica`: StopReplicationToReplica, sent in the replica's own region. */
import {
  StopReplicationToReplicaCommand,
  type StopReplicationToReplicaCommandOutput,
} from '@aws-sdk/client-secrets-manager';
import { SecretkitError } from '../errors/secretkit-error.js';
import { secretIdForRegion } from '../failover/region-id.js';
import { replicationCall } from './call.js';
import type { PromoteResult, ReplicationTarget } from './types.js';

/**
 * Promotes the replica in `region` to a standalone secret (disaster recovery: the primary
 * region is lost). AWS requires the call in the replica's region, so it is sent with that
 * region's client, with an ARN rewritten to that region. After it, the secret in `region` is
 * writable and no longer follows the old primary; repoint the app's primary region to it
 * (docs/multi-region.md, runbook).
 *
 * @param target - per-region clients (the router)
 * @param secretId - the secret's name or ARN (any region's)
 * @param region - the replica region to promote
 * @throws SecretkitError `INVALID_ARGUMENT` when `region` is the configured primary, or a
 *   mapped AWS error (e.g. `INVALID_REQUEST` when the secret there is not a replica)
 */
export async function promoteReplica(
  target: ReplicationTarget,
  secretId: string,
  region: string,
): Promise<PromoteResult> {
  if (typeof region !== 'string' || region.length === 0) {
    throw new SecretkitError('INVALID_ARGUMENT', 'promoteReplica: give the replica region to promote');
  }
  if (region === target.primaryRegion) {
    throw new SecretkitError(
      'INVALID_ARGUMENT',
      `promoteReplica: ${region} is the primary region; give the replica region to promote`,
    );
  }
  const id = secretIdForRegion(secretId, region);
  const out = await replicationCall<StopReplicationToReplicaCommandOutput>(
    target,
    { operation: 'StopReplicationToReplica', secretId: id, region },
    new StopReplicationToReplicaCommand({ SecretId: id }),
  );
  return { arn: out.ARN, region };
}
