/**
 * The hook through which an admin client (secretkit/admin) keeps a reader's cache coherent:
 * after a write it drops the secret's cached values, and what it learns from DescribeSecret or
 * ListSecrets (the next rotation date) caps the freshness of cached values. What DescribeSecret
 * says about a secret's replicas (`ReplicationStatus`) narrows the regions its reads try
 * (failover/replica-sets.ts). `SecretsClient` implements it; the admin code is never bundled
 * with the reader.
 */
import type { ReplicaSetReport } from '../failover/replica-sets.js';

export type { ReplicaSetReport } from '../failover/replica-sets.js';

/** The key of the rotation-date hook on a {@link CoherentReader} (not part of the reader's API). */
export const NOTE_ROTATION: unique symbol = Symbol.for('secretkit/noteRotation');

/** The key of the replica-set store on a {@link CoherentReader} (not part of the reader's API). */
export const NOTE_REPLICAS: unique symbol = Symbol.for('secretkit/noteReplicas');

/** A cache an admin client keeps coherent. `SecretsClient` is one. */
export interface CoherentReader {
  /** Drops the cached values of a secret (by any id: name, ARN, partial ARN). */
  invalidate(secretId: string): unknown;
  /** Records a secret's next rotation date (or its absence): values are not fresh past it. */
  readonly [NOTE_ROTATION]?: ((name: string, date: Date | undefined) => void) | undefined;
  /**
   * Where each secret is held, as DescribeSecret said: its reads try only the replica regions
   * that hold it. Forgotten when replication changes or the name may be reused.
   * @internal
   */
  readonly [NOTE_REPLICAS]?: ReplicaSetSink | undefined;
}

/** Where a reader keeps what DescribeSecret said about each secret's replicas. */
export interface ReplicaSetSink {
  /** Records where a secret is (see failover/replica-sets.ts). */
  note(report: ReplicaSetReport): void;
  /** Forgets it (by any id: name, ARN, partial ARN). */
  forget(secretId: string): void;
}
