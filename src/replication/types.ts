/**
 * Types of replication management (replicate, remove, promote, status). The functions take a
 * {@link ReplicationTarget}: the region router satisfies it, so `SecretsClient` passes its router.
 */
import type { SecretsManagerClientLike } from '../sdk/client-like.js';
import type { CallSettings } from '../sdk/send.js';

/** Where replication calls go: the primary region's client, and any region's client. */
export interface ReplicationTarget {
  /** The primary region: replicate / remove / status calls go there. */
  readonly primaryRegion: string;
  /** The SDK client of a region (created lazily by the router). */
  clientFor(region: string): SecretsManagerClientLike;
  /** Deadline, scope and counter of every call (the SDK boundary's settings). @defaultValue the boundary's default deadline, uncounted */
  readonly call?: CallSettings | undefined;
}

/** A region to replicate a secret into. */
export interface ReplicaRegionSpec {
  /** The replica region, e.g. `eu-west-1`. */
  readonly region: string;
  /** KMS key for the replica (ARN, id or alias in that region). Default: `aws/secretsmanager`. */
  readonly kmsKeyId?: string | undefined;
}

/** Options of `replicate`. */
export interface ReplicateOptions {
  /** Overwrite a secret with the same name in a replica region. @defaultValue false */
  readonly forceOverwrite?: boolean | undefined;
}

/** One replica region's state, as Secrets Manager reports it (describe and replication alike). */
export interface ReplicaStatus {
  /** The replica's region, e.g. `eu-west-1`. */
  readonly region: string;
  /** `InSync`, `InProgress` or `Failed` (AWS's `ReplicationStatusType`). */
  readonly status: string | undefined;
  /** Why the status is what it is (e.g. the cause of `Failed`). */
  readonly statusMessage: string | undefined;
  /** The replica's KMS key; absent when it uses `aws/secretsmanager`. */
  readonly kmsKeyId: string | undefined;
  /** The last day the replica was read (AWS rounds to the day). */
  readonly lastAccessedDate: Date | undefined;
}

/** The replication state of a secret. */
export interface ReplicationState {
  /** The secret's ARN (in the region that answered), when AWS returned it. */
  readonly arn: string | undefined;
  /** The region of the primary secret, when AWS returned it. */
  readonly primaryRegion: string | undefined;
  /** Each replica region, in AWS's order. */
  readonly replicas: readonly ReplicaStatus[];
}

/** The result of promoting a replica to a standalone secret. */
export interface PromoteResult {
  /** The promoted (now standalone) secret's ARN. */
  readonly arn: string | undefined;
  /** The region of the promoted secret. */
  readonly region: string;
}
