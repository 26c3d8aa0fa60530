/**
 * The cache engine: LRU store (lru-cache, no TTL timers), jittered TTL, refresh-ahead,
 * stale-while-revalidate, single-flight loads, stale-if-error with backoff. Nothing runs while
 * nobody reads: every decision is taken inside a call. See docs/caching.md.
 */
import type { LRUCache } from 'lru-cache';
import { SecretkitError } from '../errors/secretkit-error.js';
import { backoffDelayMs } from './backoff.js';
import type { Clock } from './clock.js';
import { Counters } from './counters.js';
import type { CacheEntry, FailureRecord } from './entry.js';
import { Flight } from './flight.js';
import { createFailureStore, createValueStore, putEntry } from './store.js';
import type {
  CacheEngine,
  CacheEngineOptions,
  CacheEngineStats,
  CacheEvent,
  EngineGetOptions,
  Loader,
  LoadResult,
} from './types.js';

const closedError = (): SecretkitError => new SecretkitError('CLIENT_CLOSED', 'The secrets cache was closed');

class Engine<V> implements CacheEngine<V> {
  readonly #options: CacheEngineOptions;
  readonly #clock: Clock;
  readonly #onEvent: ((event: CacheEvent) => void) | undefined;
  readonly #store: LRUCache<string, CacheEntry<V>>;
  /** Failure records of faulted keys, with or without a value (bounded like the store). */
  readonly #failures: LRUCache<string, FailureRecord>;
  readonly #flights = new Map<string, Flight<V>>();
  readonly #counters = new Counters();
  #closed = false;

  constructor(options: CacheEngineOptions) {
    this.#options = options;
    this.#clock = options.clock;
    this.#onEvent = options.onEvent;
    this.#store = createValueStore<V>(options, (key) => this.#emit({ type: 'evict', key, reason: 'lru' }));
    this.#failures = createFailureStore(options);
  }

  get(key: string, loader: Loader<V>, options?: EngineGetOptions): Promise<V> {
    if (this.#closed) return Promise.reject(closedError());
    const entry = this.#store.get(key);
    const now = this.#clock.now();
    // The hit path: one clock read, no allocation but the returned promise (and the event
    // object when someone listens).
    if (entry !== undefined && now < entry.refreshFromMs && options?.forceRefresh !== true) {
      return Promise.resolve(this.#hit(key, entry));
    }
    return this.#getSlow(key, loader, entry, now, options?.forceRefresh === true);
  }

  peekFresh(key: string, usable?: (value: V) => boolean): V | undefined {
    const entry = this.#store.get(key);
    if (entry === undefined || this.#closed || this.#clock.now() >= entry.refreshFromMs) return undefined;
    if (usable !== undefined && !usable(entry.value)) return undefined;
    return this.#hit(key, entry);
  }

  /**
   * The one place a hit is counted and its event emitted (fresh, peeked, refresh-ahead and
   * stale-while-revalidate hits alike). No event object is built when nobody listens.
   */
  #hit(key: string, entry: CacheEntry<V>): V {
    this.#counters.hits++;
    if (this.#onEvent !== undefined) this.#emit({ type: 'hit', key });
    return entry.value;
  }

  #getSlow(
    key: string,
    loader: Loader<V>,
    entry: CacheEntry<V> | undefined,
    now: number,
    force: boolean,
  ): Promise<V> {
    if (entry === undefined) {
      this.#miss(key);
      const failure = force ? undefined : this.#failures.get(key);
      if (failure !== undefined && now < failure.retryAtMs) return Promise.reject(failure.error);
      return this.#wait(key, this.#flights.get(key) ?? this.#load(key, loader));
    }
    if (force) {
      this.#miss(key);
      return this.#wait(key, this.#flights.get(key) ?? this.#refresh(key, loader, false));
    }
    if (now < entry.freshUntilMs) return this.#serveAndRefresh(key, loader, entry, now);
    const ageMs = now - entry.freshUntilMs;
    const failure = this.#failures.get(key);
    if (failure !== undefined && now < failure.retryAtMs) {
      // In backoff: no load. Serve the last good value within the bound, else fail closed.
      if (ageMs <= this.#options.maxStaleMs)
        return Promise.resolve(this.#serveStale(key, entry, ageMs, failure.error));
      return Promise.reject(failure.error);
    }
    // Stale-while-revalidate is stale serving too: bounded by maxStaleMs (0: none at all).
    if (ageMs < this.#options.staleWhileRevalidateMs && ageMs < this.#options.maxStaleMs) {
      // Served past expiry before any refresh succeeded: a stale read, counted and reported as
      // such (its `error` is the last fault, if one is known yet), never a hit.
      const value = this.#serveStale(key, entry, ageMs, failure?.error);
      if (!this.#flights.has(key)) this.#refresh(key, loader, true);
      return Promise.resolve(value);
    }
    this.#miss(key);
    return this.#wait(key, this.#flights.get(key) ?? this.#refresh(key, loader, false));
  }

  /** Refresh-ahead and stale-while-revalidate: the value now, one refresh in the background. */
  #serveAndRefresh(key: string, loader: Loader<V>, entry: CacheEntry<V>, now: number): Promise<V> {
    const value = this.#hit(key, entry);
    if (!this.#flights.has(key)) {
      const failure = this.#failures.get(key);
      if (failure === undefined || now >= failure.retryAtMs) this.#refresh(key, loader, true);
    }
    return Promise.resolve(value);
  }

  #miss(key: string): void {
    this.#counters.misses++;
    this.#emit({ type: 'miss', key });
  }

  #serveStale(key: string, entry: CacheEntry<V>, ageMs: number, error: unknown): V {
    this.#counters.staleServed++;
    this.#emit({ type: 'stale', key, ageMs: Math.max(0, ageMs), error });
    return entry.value;
  }

  #refresh(key: string, loader: Loader<V>, background: boolean): Flight<V> {
    this.#counters.refreshes++;
    if (background) this.#counters.backgroundRefreshes++;
    this.#emit({ type: 'refresh', key, background });
    return this.#load(key, loader);
  }

  /** Starts the one load of `key`; callers join it through `#flights`. */
  #load(key: string, loader: Loader<V>): Flight<V> {
    const flight = new Flight<V>();
    this.#flights.set(key, flight);
    const startedMs = this.#clock.now();
    let pending: Promise<LoadResult<V>>;
    try {
      pending = Promise.resolve(loader(flight.controller.signal));
    } catch (error) {
      pending = Promise.reject(error);
    }
    pending
      .then(
        (result) => this.#loaded(key, flight, result, startedMs),
        (error: unknown) => this.#failed(key, flight, error, startedMs),
      )
      // A malformed result or a throwing random(): callers get the error instead of hanging.
      // (#loaded and #failed drop the flight from #flights before anything that can throw.)
      .catch((error: unknown) => flight.fail(error));
    return flight;
  }

  #loaded(key: string, flight: Flight<V>, result: LoadResult<V>, startedMs: number): void {
    if (flight.settled) return;
    if (this.#flights.get(key) === flight) this.#flights.delete(key);
    if (!flight.discarded) this.#put(key, result);
    this.#emit({ type: 'loaded', key, durationMs: this.#clock.now() - startedMs });
    flight.succeed(result.value);
  }

  #failed(key: string, flight: Flight<V>, error: unknown, startedMs: number): void {
    if (flight.settled) return;
    if (this.#flights.get(key) === flight) this.#flights.delete(key);
    this.#counters.loadErrors++;
    flight.fault = this.#options.isFault(error);
    let failures = 0;
    if (flight.discarded) {
      // The key was invalidated or overwritten meanwhile: its new state is not ours to change.
    } else if (flight.fault) {
      failures = (this.#failures.peek(key)?.count ?? 0) + 1;
      const retryAtMs = this.#clock.now() + backoffDelayMs(failures, this.#options, this.#options.random);
      this.#failures.set(key, { error: this.#options.compactError(error), count: failures, retryAtMs });
    } else {
      // An answer (not found, access denied, ...): the cached value is wrong now; never mask it.
      this.#failures.delete(key);
      if (this.#store.delete(key)) this.#emit({ type: 'evict', key, reason: 'answer' });
      const { notFoundTtlMs } = this.#options;
      if (notFoundTtlMs > 0 && this.#options.isNotFound(error)) {
        // Remembered like a fault in backoff, but with no count: the answer is not an outage.
        this.#failures.set(key, {
          error: this.#options.compactError(error),
          count: 0,
          retryAtMs: this.#clock.now() + notFoundTtlMs,
        });
      }
    }
    this.#emit({ type: 'load-error', key, error, failures, durationMs: this.#clock.now() - startedMs });
    flight.fail(error);
  }

  #put(key: string, result: LoadResult<V>): void {
    this.#failures.delete(key);
    putEntry(this.#store, key, result, this.#clock.now(), this.#options);
  }

  /** A waiting caller's view of a load: on a fault, the last good value within `maxStaleMs`. */
  #wait(key: string, flight: Flight<V>): Promise<V> {
    return flight.promise.catch((error: unknown) => {
      const entry = flight.fault && !this.#closed ? this.#store.peek(key) : undefined;
      if (entry === undefined) throw error;
      const ageMs = this.#clock.now() - entry.freshUntilMs;
      if (ageMs > this.#options.maxStaleMs) throw error;
      return this.#serveStale(key, entry, ageMs, error);
    });
  }

  set(key: string, result: LoadResult<V>): void {
    if (this.#closed) return;
    this.#discardFlight(key);
    this.#put(key, result);
  }

  hasFresh(key: string): boolean {
    const entry = this.#store.peek(key);
    return entry !== undefined && this.#clock.now() < entry.freshUntilMs;
  }

  invalidate(match: (key: string) => boolean): number {
    let dropped = 0;
    for (const key of [...this.#store.keys()]) {
      if (!match(key)) continue;
      this.#store.delete(key);
      dropped++;
      this.#emit({ type: 'evict', key, reason: 'invalidate' });
    }
    for (const key of [...this.#failures.keys()]) if (match(key)) this.#failures.delete(key);
    for (const key of [...this.#flights.keys()]) if (match(key)) this.#discardFlight(key);
    return dropped;
  }

  /** The in-flight load of `key` must not store its result; later reads start a new one. */
  #discardFlight(key: string): void {
    const flight = this.#flights.get(key);
    if (flight === undefined) return;
    flight.discarded = true;
    this.#flights.delete(key);
  }

  stats(): CacheEngineStats {
    return this.#counters.snapshot(this.#store.size, this.#flights.size);
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    const error = closedError();
    for (const flight of this.#flights.values()) {
      flight.fail(error);
      flight.controller.abort(error);
    }
    this.#flights.clear();
    this.#store.clear();
    this.#failures.clear();
  }

  /** `JSON.stringify(engine)`: counters only, never values. */
  toJSON(): CacheEngineStats {
    return this.stats();
  }

  /** `util.inspect(engine)` / `console.log(engine)`: counters only, never values. */
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    const { entries, inFlight } = this.stats();
    return `CacheEngine { entries: ${entries}, inFlight: ${inFlight} }`;
  }

  #emit(event: CacheEvent): void {
    const onEvent = this.#onEvent;
    if (onEvent === undefined) return;
    try {
      onEvent(event);
    } catch {
      // A throwing listener must not break reads (the hit path calls it too).
    }
  }
}

/**
 * Creates a cache engine. Resolve (validate and default) the options with
 * `resolveCacheOptions` first.
 *
 * @param options - resolved engine options
 * @returns the engine; `close()` it when done (it holds no timers either way)
 *
 * @example
 * ```ts
 * const engine = createCacheEngine<string>(resolveCacheOptions({ ttlMs: 60_000 }));
 * const value = await engine.get('prod/db|AWSCURRENT', async (signal) => ({
 *   value: await fetchIt(signal),
 *   sizeBytes: 64,
 * }));
 * ```
 */
export function createCacheEngine<V>(options: CacheEngineOptions): CacheEngine<V> {
  return new Engine<V>(options);
}
