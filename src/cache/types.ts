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
  /**
   * Which secret the value belongs to (for Secrets Manager, its ARN without the region), so that
   * every id of one secret shares one record. Default: the id read.
   */
  readonly identity?: string | undefined;
  /** The secret's name: `invalidate(name)` finds the record by it. */
  readonly name?: string | undefined;
  /** Other ids known to denote the same secret (the ARN AWS returned): reads under them hit. */
  readonly ids?: readonly string[] | undefined;
}

/** Settles one load of the engine (its flight): call one of the two, once; later calls are ignored. */
export interface LoadSink<V> {
  /** The load's result. */
  loaded(result: LoadResult<V>): void;
  /** What the load failed with. */
  failed(error: unknown): void;
}

/**
 * What a loader returns when it settles the engine's {@link LoadSink} itself instead of returning
 * a promise (the client's miss path: no promise between the SDK's and the flight's).
 */
export const SETTLES_SINK: unique symbol = Symbol('secretkit/settlesSink');

/** A loader for one key. The signal aborts when the engine is closed. */
export type Loader<V> = (signal: AbortSignal) => Promise<LoadResult<V>>;

/**
 * A loader that settles the engine's `sink` itself and returns {@link SETTLES_SINK} (the miss
 * path: no promise of its own). The signal aborts when the engine is closed.
 */
export type SinkLoader<V> = (signal: AbortSignal, sink: LoadSink<V>) => typeof SETTLES_SINK;

/**
 * Events the engine reports. They never carry values. `secretId` is the id as the caller wrote it
 * (for an eviction, the first id the secret was read under); `selector` is the engine's version
 * selector (empty for the current value).
 */
export type CacheEvent =
  | {
      /** A read answered from the cache at once. */
      readonly type: 'hit';
      /** The secret id read. */
      readonly secretId: string;
      /** The version selector (empty: the current value). */
      readonly selector: string;
    }
  | {
      /** A read found no usable value and waits for a load. */
      readonly type: 'miss';
      /** The secret id read. */
      readonly secretId: string;
      /** The version selector (empty: the current value). */
      readonly selector: string;
    }
  | {
      /** A load started for a key that had a value. */
      readonly type: 'refresh';
      /** The secret id read. */
      readonly secretId: string;
      /** The version selector (empty: the current value). */
      readonly selector: string;
      /** True for a refresh-ahead or stale-while-revalidate load the reader does not wait for. */
      readonly background: boolean;
    }
  | {
      /** A read got the last good value because loading failed with a fault. */
      readonly type: 'stale';
      /** The secret id read. */
      readonly secretId: string;
      /** The version selector (empty: the current value). */
      readonly selector: string;
      /** Milliseconds since the served value expired. */
      readonly ageMs: number;
      /** The fault that made the load fail. */
      readonly error: unknown;
    }
  | {
      /** A load failed (a fault or an answer such as not found). */
      readonly type: 'load-error';
      /** The secret id read. */
      readonly secretId: string;
      /** The version selector (empty: the current value). */
      readonly selector: string;
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
      /** The secret id read. */
      readonly secretId: string;
      /** The version selector (empty: the current value). */
      readonly selector: string;
      /** Milliseconds the load took (the client's clock). */
      readonly durationMs: number;
    }
  | {
      /** A value was dropped from the cache. */
      readonly type: 'evict';
      /** The secret id read. */
      readonly secretId: string;
      /** The version selector (empty: the current value). */
      readonly selector: string;
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

/** The cache events of the hot paths (see {@link CacheEngineOptions.listens}). */
export type HotCacheEvent = 'hit' | 'miss' | 'refresh' | 'loaded' | 'evict';

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
  /**
   * Whether an event of a hot type would reach anyone: `hit`, `miss`, `refresh`, `loaded` (every
   * read has one or two) and `evict` (every miss of a full cache has one). Without it every event
   * is built and sent to `onEvent`; with it, those are built only when it returns true (no event
   * object when nobody listens). Other events (stale, load-error) always go to `onEvent`.
   */
  readonly listens?: ((type: HotCacheEvent) => boolean) | undefined;
  /**
   * The names an id may denote, under which `invalidate(id)` finds records (for Secrets
   * Manager, the name part of an ARN). @defaultValue the id itself
   */
  readonly namesOf?: ((id: string) => readonly string[]) | undefined;
}

/** Options of one engine read. */
export interface EngineGetOptions {
  /** Ignore a fresh value and load now (single-flight still applies). */
  readonly forceRefresh?: boolean | undefined;
  /** The version selector (a stage or version id, as the client encodes it). @defaultValue '' (current) */
  readonly selector?: string | undefined;
}

/** Options of {@link CacheEngine.set}. */
export interface EngineSetOptions {
  /** The version selector. @defaultValue '' (current) */
  readonly selector?: string | undefined;
  /**
   * The engine's {@link CacheEngine.generation} when the value was read: it is not stored if its
   * secret was invalidated since. @defaultValue now (always stored)
   */
  readonly since?: number | undefined;
}

/**
 * The cache engine (cache/engine.ts implements it). Generic over the cached value; the
 * client supplies the loader per call. Values are kept per secret: the loader's result names
 * the secret (`identity`), and every id it was read under shares that record.
 */
export interface CacheEngine<V> {
  /**
   * Returns the cached value for `id`, or loads it with `loader` (one load per secret and
   * selector in flight, whatever the number of callers). Serves a stale value on a fault within
   * `maxStaleMs`; rethrows answers (and evicts the value).
   */
  get(id: string, loader: Loader<V>, options?: EngineGetOptions): Promise<V>;
  /** {@link CacheEngine.get} with a loader that settles the engine's sink itself. */
  get(id: string, loader: SinkLoader<V>, options?: EngineGetOptions): Promise<V>;
  /**
   * The synchronous hit path of the current value (no selector, no options): when `id` is fresh
   * and outside its refresh-ahead window, `take(value, arg)`; when that is not `undefined` it
   * is returned and counted as a hit. Otherwise `undefined` and nothing is counted (the caller
   * then uses `get`).
   */
  peekFresh<A, R>(id: string, take: (value: V, arg: A) => R | undefined, arg: A): R | undefined;
  /** Stores a value loaded elsewhere (batch preload, a listing). */
  set(id: string, result: LoadResult<V>, options?: EngineSetOptions): void;
  /** True when `id` holds a value that is still fresh (no load would happen). */
  hasFresh(id: string, selector?: string): boolean;
  /**
   * The identity the loader gave the secret `id` was last stored under (for Secrets Manager,
   * its region-free ARN), or `undefined` when none is known (never read, or an answer that did
   * not name the secret).
   */
  identityOf(id: string): string | undefined;
  /** A number that grows with every invalidation; pass it to `set` as `since`. */
  readonly generation: number;
  /**
   * Drops the secret `id` denotes (every selector, under every id it was read under, and any
   * secret of the same name), or everything without an id; loads in flight for it store
   * nothing. Returns how many values were dropped.
   */
  invalidate(id?: string): number;
  /** Counters. */
  stats(): CacheEngineStats;
  /** Drops everything, aborts in-flight loads; later calls reject with CLIENT_CLOSED. */
  close(): void;
}
