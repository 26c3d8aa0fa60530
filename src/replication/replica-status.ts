/** Converts AWS's `ReplicationStatusType` entries to {@link ReplicaRegionStatus}. */
import type { ReplicationStatusType } from '@aws-sdk/client-secrets-manager';
import type { ReplicaRegionStatus } from './types.js';

/**
 * @param entries - `ReplicationStatus` of a DescribeSecret / Replicate / Remove response
 */
export function toReplicaStatuses(
  entries: readonly ReplicationStatusType[] | undefined,
): ReplicaRegionStatus[] {
  return (entries ?? []).flatMap((entry) =>
    entry.Region === undefined
      ? []
      : [
          {
            region: entry.Region,
            status: entry.Status,
            statusMessage: entry.StatusMessage,
            kmsKeyId: entry.KmsKeyId,
            lastAccessedDate: entry.LastAccessedDate,
          },
        ],
  );
}
