/**
 * Contract between the client and the region router (see docs/architecture.md).
 * The router runs reads against the primary region and fails over to replica regions on a
 * fault; the client never needs to know which region answered, except for stats and events.
 */
import type { SecretsManagerClientLike } from '../sdk/client-like.js';

/** One attempt of an operation in one region. */
export interface RegionAttempt {
  /** The SDK client of this region. */
  readonly client: SecretsManagerClientLike;
  /** The region of this attempt. */
  readonly region: string;
  /** Aborts at the attempt's deadline (`regionTimeoutMs`) or when a hedged attempt won. Pass to `send`. */
  readonly signal: AbortSignal;
  /** Rewrites a secret id for this region: a full ARN gets this region; names pass through. */
  idFor(secretId: string): string;
}

/** The result of a routed operation. */
export interface RegionResult<T> {
  readonly value: T;
  /** The region that answered. */
  readonly region: string;
  /** True when the region that answered is not the primary. */
  readonly failedOver: boolean;
}

/** Routes reads across regions and hands out per-region clients. */
export interface RegionRouter {
  /** The primary region (writes go there). */
  readonly primaryRegion: string;
  /** Runs `op` in the primary region and, on a fault, in the next healthy replica region. */
  read<T>(op: (attempt: RegionAttempt) => Promise<T>): Promise<RegionResult<T>>;
  /** The (lazily created) client of a region; the primary's for writes. */
  clientFor(region: string): SecretsManagerClientLike;
  /** Releases per-region clients that the router created (never a client the user passed in). */
  close(): void;
}
