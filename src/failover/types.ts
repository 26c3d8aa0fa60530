/**
 * Contract between the client and the region router (see docs/architecture.md).
 * The router runs reads against the primary region and fails over to replica regions on a
 * fault; the client never needs to know which region answered, except for stats and events.
 */
import type { SecretsManagerClientLike } from '../sdk/client-like.js';
import type { CallSink } from '../sdk/send.js';
import type { RegionFailure } from './region-errors.js';

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
  /** What the operation returned. */
  readonly value: T;
  /** The region that answered. */
  readonly region: string;
  /**
   * True when the region that answered is not the first one the read tried: the primary, or
   * for a partial ARN of a replica region, that region.
   */
  readonly failedOver: boolean;
  /**
   * What the regions tried before the one that answered did (failed or skipped), in order;
   * empty when the first region answered. Never values.
   */
  readonly failures: readonly RegionFailure[];
}

/** Optional context of one routed read (compatible extension of the contract). */
export interface RegionReadOptions {
  /**
   * The secret the read is for: named in `ALL_REGIONS_FAILED`, and it decides the regions tried
   * (`regionsFor`: only replicas known to hold it, a partial ARN in its own region first).
   */
  readonly secretId?: string | undefined;
  /**
   * The secrets of a batch read (BatchGetSecretValue): only regions that every one of them may
   * be read in are tried. Group ids by `regionsFor` so that none is left without a region.
   */
  readonly secretIds?: readonly string[] | undefined;
}

/** Receives the outcome of one attempt of a {@link ReadJob}: the boundary's sink (sdk/send.ts). */
export type AttemptSink<T> = CallSink<T>;

/**
 * A read given to {@link RegionRouter.start}: it sends each attempt itself and reports to the
 * attempt's sink; the router calls `answered` or `failed` once with the read's outcome. Neither
 * may throw.
 */
export interface ReadJob<T> {
  /** Sends the read in `attempt`'s region; reports to `sink` (the router settles it at the deadline). */
  attempt(attempt: RegionAttempt, sink: AttemptSink<T>): void;
  /** The read's value, the region that answered, and whether that was a failover. */
  answered(value: T, region: string, failedOver: boolean): void;
  /** The read failed (the router's error: a fault, an answer, `TIMEOUT`, `CLIENT_CLOSED`...). */
  failed(error: unknown): void;
}

/** Routes reads across regions and hands out per-region clients. */
export interface RegionRouter {
  /** The primary region (writes go there). */
  readonly primaryRegion: string;
  /** Every region, primary first, then replicas in order. */
  readonly regions: readonly string[];
  /** The regions a read of `secretId` tries, in order (failover/replica-sets.ts `attemptOrder`). */
  regionsFor(secretId: string): readonly string[];
  /** Runs `op` in the primary region and, on a fault, in the next healthy replica region. */
  read<T>(op: (attempt: RegionAttempt) => Promise<T>, options?: RegionReadOptions): Promise<RegionResult<T>>;
  /**
   * {@link RegionRouter.read} without promises: `job` sends each attempt and gets the read's
   * outcome (the cache miss path, failover/read-job.ts).
   *
   * @param job - sends an attempt, receives the outcome (exactly once)
   * @param secretId - the secret read (as `options.secretId` of `read`)
   */
  start<T>(job: ReadJob<T>, secretId?: string): void;
  /** The (lazily created) client of a region; the primary's for writes. */
  clientFor(region: string): SecretsManagerClientLike;
  /** Releases per-region clients that the router created (never a client the user passed in). */
  close(): void;
}

/** Events the router reports (never values). */
export type RouterEvent =
  | {
      /** An attempt in one region failed with a fault (timeout, network, throttling, 5xx). */
      readonly type: 'region-attempt-failed';
      /** The region that failed. */
      readonly region: string;
      /** The fault (not its message in logs: it may echo request data). */
      readonly error: unknown;
    }
  | {
      /** A read moved on to the next region after a fault. */
      readonly type: 'failover';
      /** The region that failed. */
      readonly from: string;
      /** The region tried next. */
      readonly to: string;
    }
  | {
      /** A region's circuit opened: reads skip it until `untilMs`. */
      readonly type: 'circuit-open';
      /** The region skipped. */
      readonly region: string;
      /** When the half-open probe may run, in epoch milliseconds (the client's clock). */
      readonly untilMs: number;
    }
  | {
      /** A region's circuit closed again (a probe or a read succeeded). */
      readonly type: 'circuit-closed';
      /** The region back in use. */
      readonly region: string;
    }
  | {
      /** A slow region had not answered within `hedgeAfterMs`: the next region was asked too. */
      readonly type: 'hedge';
      /** The slow region still being waited on (the primary, or an earlier replica). */
      readonly primary: string;
      /** The region asked in parallel. */
      readonly hedged: string;
    };

/** Options of `createRegionRouter` (failover/router.ts). */
export interface RegionRouterOptions {
  /** The region tried first (writes go there). */
  readonly primaryRegion: string;
  /** Tried in order after the primary. */
  readonly replicaRegions: readonly string[];
  /** Creates (or returns the user's) client of a region; called lazily, once per region. */
  readonly clientFactory: (region: string) => SecretsManagerClientLike;
  /** Called on close() for clients the factory created (not for user-supplied ones). */
  readonly destroyClient?: ((region: string, client: SecretsManagerClientLike) => void) | undefined;
  /** Deadline of one attempt in one region. */
  readonly regionTimeoutMs: number;
  /** Hedge to the next region after this long; undefined = off. */
  readonly hedgeAfterMs?: number | undefined;
  /** Failures in a row before a region's circuit opens. */
  readonly breakerFailureThreshold: number;
  /** How long an open circuit skips the region before one half-open probe. */
  readonly breakerCooldownMs: number;
  /** Decides fault vs answer (errors/classify.ts). */
  readonly isFault: (error: unknown) => boolean;
  /** Time source (a fake clock in tests). */
  readonly clock: { now(): number };
  /** Receives every {@link RouterEvent}. */
  readonly onEvent?: ((event: RouterEvent) => void) | undefined;
  /**
   * The regions known to hold each secret (failover/replica-sets.ts, fed by the admin client's
   * DescribeSecret): replica attempts go only there. Absent: the client-wide list.
   */
  readonly knownReplicas?: { regionsFor(secretId: string): ReadonlySet<string> | undefined } | undefined;
  /**
   * The region-free ARN (the cache's identity) a name was last answered with, if known: a name
   * read in a replica region is sent as that ARN there (see RoutedRead `idFor`).
   */
  readonly knownArnOf?: ((name: string) => string | undefined) | undefined;
}
