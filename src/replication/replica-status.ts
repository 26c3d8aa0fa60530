/** Converts AWS's `ReplicationStatusType` entries to {@link ReplicaStatus}. */
import type { ReplicationStatusType } from '@aws-sdk/client-secrets-manager';
import type { ReplicaStatus } from './types.js';

/**
 * @param entries - `ReplicationStatus` of a DescribeSecret / Replicate / Remove response
 */
export function toReplicaStatuses(entries: readonly ReplicationStatusType[] | undefined): ReplicaStatus[] {
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
