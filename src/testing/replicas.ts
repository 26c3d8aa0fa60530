/**
 * Replicas of a secret in other regions: they share the primary's versions (reads in the
 * replica's region see every write to the primary at once) and refuse writes.
 */
import type { ReplicaRegionType } from '@aws-sdk/client-secrets-manager';
import type { HandlerContext } from './context.js';
import type { StoredSecret } from './store.js';

/** Validates AddReplicaRegions: each region given once, none the primary region. */
export function checkReplicaRegions(
  ctx: HandlerContext,
  regions: readonly ReplicaRegionType[] | undefined,
): void {
  const seen = new Set<string>();
  for (const r of regions ?? []) {
    if (r.Region === undefined || r.Region === '' || r.Region === ctx.region || seen.has(r.Region)) {
      throw ctx.errors.invalidParameter('Invalid replica region.');
    }
    seen.add(r.Region);
  }
}

/**
 * Adds replicas. When another secret with the same name exists in a region, the replica is
 * `Failed` there, unless `force` (ForceOverwriteReplicaSecret) replaces that secret.
 */
export function addReplicas(
  ctx: HandlerContext,
  secret: StoredSecret,
  regions: readonly ReplicaRegionType[],
  force: boolean,
): void {
  for (const { Region: region, KmsKeyId: kmsKeyId } of regions) {
    if (region === undefined || secret.replicas.get(region)?.status === 'InSync') continue;
    const conflict = ctx.store.byName(region, secret.name);
    if (conflict && conflict.secret !== secret && !force) {
      secret.replicas.set(region, {
        region,
        kmsKeyId,
        status: 'Failed',
        statusMessage: `Replication failed: Secret name ${secret.name} already exists in Region ${region}.`,
      });
      continue;
    }
    if (conflict && conflict.secret !== secret) {
      if (conflict.replica) conflict.secret.replicas.delete(region);
      else ctx.store.remove(conflict.secret);
    }
    secret.replicas.set(region, {
      region,
      kmsKeyId,
      status: 'InSync',
      statusMessage: 'Replication succeeded',
    });
  }
}
