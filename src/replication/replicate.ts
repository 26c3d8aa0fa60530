/** `replicate`: ReplicateSecretToRegions, sent to the primary region. */
import {
  ReplicateSecretToRegionsCommand,
  type ReplicateSecretToRegionsCommandOutput,
} from '@aws-sdk/client-secrets-manager';
import { secretIdForRegion } from '../failover/region-id.js';
import { checkReplicaRegions, replicationCall } from './call.js';
import { toReplicaStatuses } from './replica-status.js';
import type { ReplicaRegionSpec, ReplicateOptions, ReplicationState, ReplicationTarget } from './types.js';

/**
 * Replicates a secret into more regions. The call goes to the primary region (an ARN is
 * rewritten to it). Replication is asynchronous on AWS: a replica starts `InProgress`; poll
 * {@link replicationStatus} for `InSync`.
 *
 * @param target - primary region and per-region clients (the router)
 * @param secretId - the secret's name or ARN
 * @param replicas - the regions, each with an optional KMS key
 * @param options - `forceOverwrite` a same-named secret in a replica region
 * @returns the replication state after the call (every replica, not only the new ones)
 * @throws SecretkitError `INVALID_ARGUMENT` (no, duplicate or primary region), `REPLICA_WRITE`
 *   (the secret in the primary region is itself a replica), or a mapped AWS error
 */
export async function replicate(
  target: ReplicationTarget,
  secretId: string,
  replicas: readonly ReplicaRegionSpec[],
  options: ReplicateOptions = {},
): Promise<ReplicationState> {
  const region = target.primaryRegion;
  checkReplicaRegions(
    replicas.map((r) => r.region),
    region,
    'replicate',
  );
  const id = secretIdForRegion(secretId, region);
  const out = await replicationCall<ReplicateSecretToRegionsCommandOutput>(
    target,
    { operation: 'ReplicateSecretToRegions', secretId: id, region },
    new ReplicateSecretToRegionsCommand({
      SecretId: id,
      AddReplicaRegions: replicas.map((r) => ({
        Region: r.region,
        ...(r.kmsKeyId === undefined ? {} : { KmsKeyId: r.kmsKeyId }),
      })),
      ...(options.forceOverwrite === undefined
        ? {}
        : { ForceOverwriteReplicaSecret: options.forceOverwrite }),
    }),
  );
  return { arn: out.ARN, primaryRegion: region, replicas: toReplicaStatuses(out.ReplicationStatus) };
}
