/** `removeReplicas`: RemoveRegionsFromReplication, sent to the primary region. */
import {
  RemoveRegionsFromReplicationCommand,
  type RemoveRegionsFromReplicationCommandOutput,
} from '@aws-sdk/client-secrets-manager';
import { secretIdForRegion } from '../failover/region-id.js';
import { checkReplicaRegions, replicationCall } from './call.js';
import { toReplicaStatuses } from './replica-status.js';
import type { ReplicationState, ReplicationTarget } from './types.js';

/**
 * Stops replicating a secret to `regions` and deletes the replicas there. The call goes to the
 * primary region (an ARN is rewritten to it).
 *
 * @param target - primary region and per-region clients (the router)
 * @param secretId - the secret's name or ARN
 * @param regions - replica regions to remove
 * @returns the replication state after the call (the remaining replicas)
 * @throws SecretkitError `INVALID_ARGUMENT`, `REPLICA_WRITE`, or a mapped AWS error
 */
export async function removeReplicas(
  target: ReplicationTarget,
  secretId: string,
  regions: readonly string[],
): Promise<ReplicationState> {
  const region = target.primaryRegion;
  checkReplicaRegions(regions, region, 'removeReplicas');
  const id = secretIdForRegion(secretId, region);
  const out = await replicationCall<RemoveRegionsFromReplicationCommandOutput>(
    target,
    { operation: 'RemoveRegionsFromReplication', secretId: id, region },
    new RemoveRegionsFromReplicationCommand({ SecretId: id, RemoveReplicaRegions: [...regions] }),
  );
  return { arn: out.ARN, primaryRegion: region, replicas: toReplicaStatuses(out.ReplicationStatus) };
}
