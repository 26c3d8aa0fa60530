/**
 * The `node:diagnostics_channel` channels secretkit publishes on, and their message shapes.
 * Names and payloads are stable API (docs/observability.md). Messages carry ids, regions,
 * operations, durations and error types: never a secret value, a JSON key of one, or a token.
 */
import { channel } from 'node:diagnostics_channel';

/** The name of every channel secretkit publishes on. */
export const DIAGNOSTICS_CHANNELS = {
  /** An AWS API call ended: {@link AwsCallMessage}. */
  awsCall: 'secretkit:aws:call',
  /** A read was answered from the cache: {@link CacheReadMessage}. */
  cacheHit: 'secretkit:cache:hit',
  /** A read found no usable value and waits for a load: {@link CacheReadMessage}. */
  cacheMiss: 'secretkit:cache:miss',
  /** A read got the last good value because AWS failed: {@link CacheStaleMessage}. */
  cacheStale: 'secretkit:cache:stale',
  /** A load started for a key that had a value: {@link CacheRefreshMessage}. */
  cacheRefresh: 'secretkit:cache:refresh',
  /** A load (first load or refresh) ended: {@link CacheLoadMessage}. */
  cacheLoad: 'secretkit:cache:load',
  /** A value left the cache: {@link CacheEvictMessage}. */
  cacheEvict: 'secretkit:cache:evict',
  /** An attempt in one region failed with a fault: {@link RegionFailureMessage}. */
  regionFailure: 'secretkit:region:failure',
  /** A read moved on to the next region: {@link FailoverMessage}. */
  failover: 'secretkit:failover',
  /** A slow region was hedged: {@link HedgeMessage}. */
  hedge: 'secretkit:hedge',
  /** A region's circuit opened or closed: {@link CircuitMessage}. */
  circuit: 'secretkit:circuit',
  /** A rotation step ended: {@link RotationStepMessage}. */
  rotationStep: 'secretkit:rotation:step',
} as const;

/** One of the {@link DIAGNOSTICS_CHANNELS} names. */
export type DiagnosticsChannelName = (typeof DIAGNOSTICS_CHANNELS)[keyof typeof DIAGNOSTICS_CHANNELS];

/** Message of `secretkit:aws:call`: one `send` to AWS, published when it ends. */
export interface AwsCallMessage {
  /** Operation name, e.g. `GetSecretValue`, `BatchGetSecretValue`, `DescribeSecret`. */
  readonly operation: string;
  /** Region the call went to. */
  readonly region: string;
  /** Milliseconds from `send` to its end (the client's clock). */
  readonly durationMs: number;
  /** How the call ended. */
  readonly outcome: 'success' | 'error';
  /** The error's class, e.g. `ResourceNotFoundException`, `TimeoutError`; only when `outcome` is `error`. */
  readonly errorType?: string;
}

/** Message of `secretkit:cache:hit` and `secretkit:cache:miss`. */
export interface CacheReadMessage {
  /** The secret id as the caller wrote it (name or ARN). */
  readonly secretId: string;
}

/** Message of `secretkit:cache:stale`. */
export interface CacheStaleMessage {
  /** The secret id as the caller wrote it. */
  readonly secretId: string;
  /** Milliseconds since the served value expired (never more than `maxStaleMs`). */
  readonly ageMs: number;
  /** The secretkit error code (or error class) of the fault that made the load fail. */
  readonly errorType: string;
}

/** Message of `secretkit:cache:refresh`. */
export interface CacheRefreshMessage {
  /** The secret id as the caller wrote it. */
  readonly secretId: string;
  /** True for a refresh-ahead or stale-while-revalidate load the reader does not wait for. */
  readonly background: boolean;
}

/** Message of `secretkit:cache:load`. */
export interface CacheLoadMessage {
  /** The secret id as the caller wrote it. */
  readonly secretId: string;
  /** Milliseconds the load took, failover included (the client's clock). */
  readonly durationMs: number;
  /** How the load ended. */
  readonly outcome: 'success' | 'error';
  /** The secretkit error code, e.g. `NOT_FOUND`, `THROTTLED`; only when `outcome` is `error`. */
  readonly errorType?: string;
}

/** Message of `secretkit:cache:evict`. */
export interface CacheEvictMessage {
  /** The secret id as the caller wrote it. */
  readonly secretId: string;
  /** `lru`: a size bound; `invalidate`: an explicit invalidation; `answer`: AWS answered e.g. not found. */
  readonly reason: 'lru' | 'invalidate' | 'answer';
}

/** Message of `secretkit:region:failure`. */
export interface RegionFailureMessage {
  /** The region whose attempt failed. */
  readonly region: string;
  /** The fault's secretkit error code or class, e.g. `TIMEOUT`, `ThrottlingException`. */
  readonly errorType: string;
}

/** Message of `secretkit:failover`. */
export interface FailoverMessage {
  /** The region that failed. */
  readonly from: string;
  /** The region tried next. */
  readonly to: string;
}

/** Message of `secretkit:hedge`. */
export interface HedgeMessage {
  /** The slow region still being waited on. */
  readonly primary: string;
  /** The region asked in parallel. */
  readonly hedged: string;
}

/** Message of `secretkit:circuit`. */
export interface CircuitMessage {
  /** The region. */
  readonly region: string;
  /** `open`: reads skip the region until `untilMs`; `closed`: the region is back in use. */
  readonly state: 'open' | 'closed';
  /** When an open circuit lets a half-open probe through (epoch ms, the client's clock); only when `open`. */
  readonly untilMs?: number;
}

/** Message of `secretkit:rotation:step`. */
export interface RotationStepMessage {
  /** The secret id of the rotation event (an ARN when Secrets Manager invokes the function). */
  readonly secretId: string;
  /** `createSecret`, `setSecret`, `testSecret` or `finishSecret`. */
  readonly step: string;
  /** The strategy's name, e.g. `postgres-single-user`. */
  readonly strategy: string;
  /** `done`, `skipped` (the token was already AWSCURRENT) or `error`. */
  readonly outcome: 'done' | 'skipped' | 'error';
  /** Milliseconds the step took. */
  readonly durationMs: number;
  /** The secretkit error code (or error class); only when `outcome` is `error`. */
  readonly errorType?: string;
}

/** The channel objects, created once (`channel()` returns the same object for a name anyway). */
export const channels = {
  awsCall: channel(DIAGNOSTICS_CHANNELS.awsCall),
  cacheHit: channel(DIAGNOSTICS_CHANNELS.cacheHit),
  cacheMiss: channel(DIAGNOSTICS_CHANNELS.cacheMiss),
  cacheStale: channel(DIAGNOSTICS_CHANNELS.cacheStale),
  cacheRefresh: channel(DIAGNOSTICS_CHANNELS.cacheRefresh),
  cacheLoad: channel(DIAGNOSTICS_CHANNELS.cacheLoad),
  cacheEvict: channel(DIAGNOSTICS_CHANNELS.cacheEvict),
  regionFailure: channel(DIAGNOSTICS_CHANNELS.regionFailure),
  failover: channel(DIAGNOSTICS_CHANNELS.failover),
  hedge: channel(DIAGNOSTICS_CHANNELS.hedge),
  circuit: channel(DIAGNOSTICS_CHANNELS.circuit),
  rotationStep: channel(DIAGNOSTICS_CHANNELS.rotationStep),
} as const;
