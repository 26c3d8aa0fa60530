/**
 * Replication management: replicate a secret, remove replicas, promote a replica, read the
 * replication state, and recognise writes refused by a replica.
 *
 * @packageDocumentation
 */
export { promoteReplica } from './promote-replica.js';
export { removeReplicas } from './remove-replicas.js';
export type { ReplicaWriteContext } from './replica-write.js';
export { isReplicaWriteError, replicaWriteError, toReplicaWriteError } from './replica-write.js';
export { replicate } from './replicate.js';
export type { ReplicationStatusOptions } from './replication-status.js';
export { replicationStatus } from './replication-status.js';
export type {
  PromoteResult,
  ReplicaRegionSpec,
  ReplicaStatus,
  ReplicateOptions,
  ReplicationState,
  ReplicationTarget,
} from './types.js';
