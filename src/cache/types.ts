/**
 * Contract of the cache engine (see docs/architecture.md). The engine is generic over the
 * cached value and knows nothing about AWS: the client supplies a loader per call.
 */
import type { Clock } from './clock.js';

/** What a loader returns for one key. */
export interface LoadResult<V> {
  /** The value to cache. */
  readonly value: V;
  /** Approximate size in bytes, for the optional `maxBytes` bound. */
  readonly sizeBytes: number;
  /**
   * Never treat the value as fresh past this time (e.g. the secret's NextRotationDate),
   * whatever the TTL says. Epoch milliseconds.
   */
  readonly notAfterMs?: number | undefined;
  /** The value can never change (a specific VersionId): cache without expiry, LRU-bounded. */
  readonly immutable?: boolean | undefined;
}

/** A loader for one key. The signal aborts when the engine is closed. */
export type Loader<V> = (signal: AbortSignal) => Promise<LoadResult<V>>;

/**
 * Events the engine reports. They never carry values. `key` is the cache key: the secret id as
 * the caller wrote it, then a NUL-separated version selector (stage or version id).
 */
export type CacheEvent =
  | {
      /** A read answered from the cache at once. */
      readonly type: 'hit';
      /** The cache key read. */
      readonly key: string;
    }
  | {
      /** A read found no usable value and waits for a load. */
      readonly type: 'miss';
      /** The cache key read. */
      readonly key: string;
    }
  | {
      /** A load started for a key that had a value. */
      readonly type: 'refresh';
      /** The cache key refreshed. */
      readonly key: string;
      /** True for a refresh-ahead or stale-while-revalidate load the reader does not wait for. */
      readonly background: boolean;
    }
  | {
      /** A read got the last good value because loading failed with a fault. */
      readonly type: 'stale';
      /** The cache key read. */
      readonly key: string;
      /** Milliseconds since the served value expired. */
      readonly ageMs: number;
      /** The fault that made the load fail. */
      readonly error: unknown;
    }
  | {
      /** A load failed (a fault or an answer such as not found). */
      readonly type: 'load-error';
      /** The cache key loaded. */
      readonly key: string;
      /** The error the loader threw. */
      readonly error: unknown;
      /** Consecutive faults for this key (drives the backoff); 0 for an answer. */
      readonly failures: number;
      /** Milliseconds the load took (the client's clock). */
      readonly durationMs: number;
    }
  | {
      /** A load succeeded (the first load of a key, or a refresh). */
      readonly type: 'loaded';
      /** The cache key loaded. */
      readonly key: string;
      /** Milliseconds the load took (the client's clock). */
      readonly durationMs: number;
    }
  | {
      /** A value was dropped from the cache. */
      readonly type: 'evict';
      /** The cache key dropped. */
      readonly key: string;
      /** `lru`: a size bound; `invalidate`: an explicit invalidation; `answer`: a load got an answer (e.g. not found). */
      readonly reason: 'lru' | 'invalidate' | 'answer';
    };

/** Counters kept by the engine. */
export interface CacheEngineStats {
  /** Reads answered from the cache at once (fresh, refresh-ahead or stale-while-revalidate). */
  readonly hits: number;
  /** Reads with no usable value: they wait for a load (or get the last fault during backoff). */
  readonly misses: number;
  /** Reads answered with a stale value because loading failed with a fault. */
  readonly staleServed: number;
  /** Loads started for a key that had a value (foreground and background). */
  readonly refreshes: number;
  /** The part of `refreshes` started in the background (refresh-ahead, stale-while-revalidate). */
  readonly backgroundRefreshes: number;
  /** Loads that failed (faults and answers), counted once per load, not per caller. */
  readonly loadErrors: number;
  /** Values held now. */
  readonly entries: number;
  /** Loads running now. */
  readonly inFlight: number;
}

/** Options of the cache engine; every field has a default in cache/defaults.ts. */
export interface CacheEngineOptions {
  /** Freshness of a mutable entry. */
  readonly ttlMs: number;
  /** Expiry is jittered down by up to this fraction of the TTL (fleet de-synchronisation). */
  readonly jitterRatio: number;
  /** A hit within this fraction of the TTL before expiry starts one background refresh. */
  readonly refreshAheadRatio: number;
  /** After expiry, a read within this window gets the old value at once plus one background refresh. 0 disables. */
  readonly staleWhileRevalidateMs: number;
  /** After expiry, on a fault, the last good value may be served for this long. 0 disables. */
  readonly maxStaleMs: number;
  /** A "not found" answer (per `isNotFound`) is rethrown without a load for this long. 0 disables. */
  readonly notFoundTtlMs: number;
  /** Decides which answers are "not found". */
  readonly isNotFound: (error: unknown) => boolean;
  /** Backoff after a failed load: first delay. */
  readonly backoffBaseMs: number;
  /** Backoff cap. */
  readonly backoffMaxMs: number;
  /** LRU bound on entries. */
  readonly maxEntries: number;
  /** Optional LRU bound on total bytes (sum of LoadResult.sizeBytes). */
  readonly maxBytes?: number | undefined;
  /** Decides fault vs answer (errors/classify.ts). */
  readonly isFault: (error: unknown) => boolean;
  /**
   * What a failure record keeps of a load's error (rethrown during backoff and not-found
   * memory): the client keeps code and message, not the SDK error object. Identity by default.
   */
  readonly compactError: (error: unknown) => unknown;
  /** Time source (a fake clock in tests). */
  readonly clock: Clock;
  /** Random source in [0, 1) for jitter and backoff. */
  readonly random: () => number;
  /** Receives every {@link CacheEvent}; a throwing listener never breaks reads. */
  readonly onEvent?: ((event: CacheEvent) => void) | undefined;
}

/** Options of one engine read. */
export interface EngineGetOptions {
  /** Ignore a fresh value and load now (single-flight still applies). */
  readonly forceRefresh?: boolean | undefined;
}

/**
 * The cache engine (cache/engine.ts implements it). Generic over the cached value; the
 * client supplies the loader per call.
 */
export interface CacheEngine<V> {
  /**
   * Returns the cached value for `key`, or loads it with `loader` (one load per key in flight,
   * whatever the number of callers). Serves a stale value on a fault within `maxStaleMs`;
   * rethrows answers (and evicts the entry).
   */
  get(key: string, loader: Loader<V>, options?: EngineGetOptions): Promise<V>;
  /**
   * The synchronous hit path: the value when `key` is fresh and outside its refresh-ahead window
   * (counted as a hit), else `undefined` and nothing happens (the caller then uses `get`).
   * With `usable`, a fresh value it refuses is not a hit either: `undefined`, nothing counted.
   */
  peekFresh(key: string, usable?: (value: V) => boolean): V | undefined;
  /** Stores a value loaded elsewhere (batch preload, a write through the client). */
  set(key: string, result: LoadResult<V>): void;
  /** True when `key` holds a value that is still fresh (no load would happen). */
  hasFresh(key: string): boolean;
  /** Drops every entry whose key matches. Returns how many were dropped. */
  invalidate(match: (key: string) => boolean): number;
  /** Counters. */
  stats(): CacheEngineStats;
  /** Drops everything, aborts in-flight loads; later calls reject with CLIENT_CLOSED. */
  close(): void;
}
