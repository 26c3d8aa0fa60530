/**
 * Replication: ReplicateSecretToRegions, RemoveRegionsFromReplication and
 * StopReplicationToReplica (promotes a replica to a standalone secret in its region).
 */
import type {
  RemoveRegionsFromReplicationCommandInput,
  RemoveRegionsFromReplicationCommandOutput,
  ReplicateSecretToRegionsCommandInput,
  ReplicateSecretToRegionsCommandOutput,
  StopReplicationToReplicaCommandInput,
  StopReplicationToReplicaCommandOutput,
} from '@aws-sdk/client-secrets-manager';
import { partitionOf } from '../arn.js';
import type { Handler, Output } from '../context.js';
import { replicationStatus } from '../describe.js';
import { arnIn, requireSecret, requireWritable } from '../lookup.js';
import { addReplicas, checkReplicaRegions } from '../replicas.js';
import type { StoredSecret, StoredVersion } from '../store.js';

/** ReplicateSecretToRegions. */
export const replicateSecretToRegions: Handler<
  ReplicateSecretToRegionsCommandInput,
  Output<ReplicateSecretToRegionsCommandOutput>
> = (ctx, input) => {
  const found = requireWritable(ctx, input.SecretId);
  const regions = input.AddReplicaRegions ?? [];
  if (regions.length === 0)
    throw ctx.errors.invalidParameter('You must specify at least one replica region.');
  checkReplicaRegions(ctx, regions);
  addReplicas(ctx, found.secret, regions, input.ForceOverwriteReplicaSecret === true);
  return { ARN: arnIn(found), ReplicationStatus: replicationStatus(found.secret) };
};

/** RemoveRegionsFromReplication: the replicas in those regions are deleted. */
export const removeRegionsFromReplication: Handler<
  RemoveRegionsFromReplicationCommandInput,
  Output<RemoveRegionsFromReplicationCommandOutput>
> = (ctx, input) => {
  const found = requireSecret(ctx, input.SecretId);
  if (found.replica) throw ctx.errors.replicaWrite();
  const regions = input.RemoveReplicaRegions ?? [];
  if (regions.length === 0)
    throw ctx.errors.invalidParameter('You must specify at least one region to remove.');
  for (const region of regions) found.secret.replicas.delete(region);
  return { ARN: arnIn(found), ReplicationStatus: replicationStatus(found.secret) };
};

/** StopReplicationToReplica: called in the replica's region; the replica becomes a standalone secret. */
export const stopReplicationToReplica: Handler<
  StopReplicationToReplicaCommandInput,
  Output<StopReplicationToReplicaCommandOutput>
> = (ctx, input) => {
  const found = requireSecret(ctx, input.SecretId);
  const { secret, replica } = found;
  if (!replica)
    throw ctx.errors.invalidRequest(
      'This secret is not a replica: call StopReplicationToReplica in the replica region.',
    );
  const versions = new Map<string, StoredVersion>();
  for (const v of secret.versions.values()) {
    versions.set(v.versionId, { ...v, stages: new Set(v.stages), kmsKeyId: replica.kmsKeyId });
  }
  const now = ctx.now();
  const promoted: StoredSecret = {
    name: secret.name,
    region: ctx.region,
    accountId: secret.accountId,
    partition: partitionOf(ctx.region),
    suffix: secret.suffix,
    description: secret.description,
    kmsKeyId: replica.kmsKeyId,
    tags: secret.tags.map((t) => ({ ...t })),
    versions,
    createdDate: now,
    lastChangedDate: now,
    replicas: new Map(),
  };
  secret.replicas.delete(ctx.region);
  ctx.store.add(promoted);
  return { ARN: arnIn({ secret: promoted, region: ctx.region }) };
};
