/** `replicationStatus`: DescribeSecret, reduced to the replication state. */
import { DescribeSecretCommand, type DescribeSecretCommandOutput } from '@aws-sdk/client-secrets-manager';
import { secretIdForRegion } from '../failover/region-id.js';
import { replicationCall } from './call.js';
import { toReplicaStatuses } from './replica-status.js';
import type { ReplicationState, ReplicationTarget } from './types.js';

/** Options of `SecretsAdmin.replicationStatus`. */
export interface ReplicationStatusOptions {
  /** Ask this region instead of the primary (e.g. while the primary is down). @defaultValue the primary region */
  readonly region?: string | undefined;
}

/**
 * The replication state of a secret: its primary region and, per replica region, status,
 * status message, KMS key and last access date. Sent to the primary region unless
 * `options.region` says otherwise (an ARN is rewritten to the region asked).
 *
 * @param target - primary region and per-region clients (the router)
 * @param secretId - the secret's name or ARN
 * @param options - the region to ask
 * @throws SecretkitError a mapped AWS error (`NOT_FOUND`, `ACCESS_DENIED`, ...)
 */
export async function replicationStatus(
  target: ReplicationTarget,
  secretId: string,
  options: ReplicationStatusOptions = {},
): Promise<ReplicationState> {
  const region = options.region ?? target.primaryRegion;
  const id = secretIdForRegion(secretId, region);
  const out = await replicationCall<DescribeSecretCommandOutput>(
    target,
    { operation: 'DescribeSecret', secretId: id, region },
    new DescribeSecretCommand({ SecretId: id }),
  );
  return {
    arn: out.ARN,
    primaryRegion: out.PrimaryRegion ?? (out.ReplicationStatus === undefined ? undefined : region),
    replicas: toReplicaStatuses(out.ReplicationStatus),
  };
}
