/**
 * The cache engine: secret records keyed by identity (record.ts, store.ts), jittered TTL,
 * refresh-ahead, stale-while-revalidate, single-flight loads, stale-if-error with backoff, and
 * invalidation by any id of a secret. Nothing runs while nobody reads: every decision is taken
 * inside a call. See docs/caching.md.
 *
 * Identity: a read names a secret by an id (name, ARN, partial ARN); the loader's result says
 * which secret that is (`identity`) and by which other ids it is known. The value is stored in
 * that secret's record, and the id becomes an alias of it, so every id of one secret shares one
 * value, one failure record and one invalidation. A load stores its result only if no
 * invalidation concerning its secret came after it started (marks.ts).
 */
import { SecretkitError } from '../errors/secretkit-error.js';
import { backoffDelayMs } from './backoff.js';
import type { Clock } from './clock.js';
import { Counters } from './counters.js';
import { type CacheEntry, createEntry } from './entry.js';
import { Flight } from './flight.js';
import { InvalidationMarks } from './marks.js';
import { CURRENT_SELECTOR, type SecretRecord, type Slot } from './record.js';
import { RecordStore } from './store.js';
import type {
  CacheEngine,
  CacheEngineOptions,
  CacheEngineStats,
  CacheEvent,
  EngineGetOptions,
  EngineSetOptions,
  HotCacheEvent,
  Loader,
  LoadResult,
  LoadSink,
  SinkLoader,
} from './types.js';
import { SETTLES_SINK } from './types.js';

const closedError = (): SecretkitError => new SecretkitError('CLIENT_CLOSED', 'The secrets cache was closed');

/** The default selector (a secret's current value). */
const CURRENT = CURRENT_SELECTOR;

/**
 * Estimated bytes of a failure record: the record and the (compacted) error with its details,
 * and the error's message when it has one (calibrated like record.ts).
 */
function failureBytes(error: unknown): number {
  const message = (error as { message?: unknown } | null)?.message;
  return 512 + (typeof message === 'string' ? 2 * message.length : 0);
}

/** The flight map's key of a record (or id) and selector. */
const flightKey = (owner: string, selector: string): string => `${owner}\u0000${selector}`;

/** How the engine stores a flight's outcome (one object per engine, not per load). */
interface FlightSettler<V> {
  loaded(flight: EngineFlight<V>, result: LoadResult<V>): void;
  failed(flight: EngineFlight<V>, error: unknown): void;
}

/**
 * A load in flight, with what the engine needs to store its result. It is also the loader's
 * {@link LoadSink}: a loader that settles it directly adds no promise of its own (the miss path).
 */
class EngineFlight<V> extends Flight<V> implements LoadSink<V> {
  /** The id the load was asked under. */
  readonly id: string;
  /** The selector it loads. */
  readonly selector: string;
  /** The record key it was started for (the id itself before AWS named the secret). */
  readonly owner: string;
  /** Its key in the flight map: owner, NUL, selector. */
  readonly key: string;
  /** The invalidation sequence number at its start. */
  readonly since: number;
  /** When the load started (for the `loaded` event's duration). */
  readonly startedMs: number;
  readonly #settler: FlightSettler<V>;

  constructor(
    id: string,
    selector: string,
    owner: string,
    since: number,
    startedMs: number,
    settler: FlightSettler<V>,
  ) {
    super();
    this.id = id;
    this.selector = selector;
    this.owner = owner;
    this.key = flightKey(owner, selector);
    this.since = since;
    this.startedMs = startedMs;
    this.#settler = settler;
  }

  /** The loader's result: stored, then given to the waiting callers. */
  loaded(result: LoadResult<V>): void {
    // A malformed result or a throwing random(): callers get the error instead of hanging.
    try {
      this.#settler.loaded(this, result);
    } catch (error) {
      this.fail(error);
    }
  }

  /** The loader's failure: recorded (backoff, not-found), then given to the waiting callers. */
  failed(error: unknown): void {
    try {
      this.#settler.failed(this, error);
    } catch (thrown) {
      this.fail(thrown);
    }
  }
}

class Engine<V> implements CacheEngine<V> {
  readonly #options: CacheEngineOptions;
  readonly #clock: Clock;
  readonly #onEvent: ((event: CacheEvent) => void) | undefined;
  readonly #listens: ((type: HotCacheEvent) => boolean) | undefined;
  readonly #namesOf: (id: string) => readonly string[];
  readonly #store: RecordStore<V>;
  readonly #flights = new Map<string, EngineFlight<V>>();
  readonly #marks = new InvalidationMarks();
  readonly #counters = new Counters();
  readonly #settler: FlightSettler<V>;
  /**
   * The loaders' signal, aborted on close(). One for the engine, not one per load: an
   * AbortController costs several µs on Node 20, and close() is the only thing that aborts a load.
   */
  readonly #closing = new AbortController();
  #closed = false;

  constructor(options: CacheEngineOptions) {
    this.#options = options;
    this.#clock = options.clock;
    this.#onEvent = options.onEvent;
    this.#listens = options.listens;
    this.#namesOf = options.namesOf ?? ((id) => [id]);
    this.#store = new RecordStore<V>(options, (record) => this.#evicted(record, 'lru'));
    this.#settler = {
      loaded: (flight, result) => this.#loaded(flight, result),
      failed: (flight, error) => this.#failed(flight, error),
    };
  }

  get(id: string, loader: Loader<V> | SinkLoader<V>, options?: EngineGetOptions): Promise<V> {
    if (this.#closed) return Promise.reject(closedError());
    const selector = options?.selector ?? CURRENT;
    const record = this.#store.byId(id);
    const slot = record?.slot(selector);
    const entry = slot?.entry;
    const now = this.#clock.now();
    // The hit path: two map lookups, one clock read, one flag write; no allocation but the
    // returned promise (and the event object when someone listens).
    if (entry !== undefined && now < entry.refreshFromMs && options?.forceRefresh !== true) {
      (record as SecretRecord<V>).referenced = true;
      return Promise.resolve(this.#hit(id, selector, entry));
    }
    return this.#getSlow(id, selector, record, slot, loader, now, options?.forceRefresh === true);
  }

  peekFresh<A, R>(id: string, take: (value: V, arg: A) => R | undefined, arg: A): R | undefined {
    // The hit path, deliberately cheap: one map lookup (the record's current slot is a field),
    // one clock read, no allocation; `take` is a module-level function with its argument, so
    // no closure is built per read.
    const record = this.#store.byId(id);
    const entry = record?.current?.entry;
    if (entry === undefined || this.#clock.now() >= entry.refreshFromMs || this.#closed) return undefined;
    const taken = take(entry.value, arg);
    if (taken === undefined) return undefined;
    (record as SecretRecord<V>).referenced = true;
    this.#hit(id, CURRENT, entry);
    return taken;
  }

  /**
   * The one place a hit is counted and its event emitted (fresh, peeked, refresh-ahead hits
   * alike). No event object is built when nobody listens.
   */
  #hit(secretId: string, selector: string, entry: CacheEntry<V>): V {
    this.#counters.hits++;
    if (this.#heard('hit')) {
      this.#emit({ type: 'hit', secretId, selector });
    }
    return entry.value;
  }

  #getSlow(
    id: string,
    selector: string,
    record: SecretRecord<V> | undefined,
    slot: Slot<V> | undefined,
    loader: Loader<V> | SinkLoader<V>,
    now: number,
    force: boolean,
  ): Promise<V> {
    const entry = slot?.entry;
    const failure = slot?.failure;
    if (record !== undefined) record.referenced = true;
    const owner = record?.key ?? id;
    const key = flightKey(owner, selector);
    if (entry === undefined) {
      this.#miss(id, selector);
      if (!force && failure !== undefined && now < failure.retryAtMs) return Promise.reject(failure.error);
      // A cold miss has no value to fall back on: the caller gets the load's own promise, with
      // no stale-if-error layer (#wait) of its own (the miss path). A value stored while the
      // load runs is not served in its place: the read began with none, and the load's outcome
      // is its answer.
      return (this.#flights.get(key) ?? this.#load(id, selector, owner, loader)).promise;
    }
    if (force) {
      this.#miss(id, selector);
      return this.#wait(this.#flights.get(key) ?? this.#refresh(id, selector, owner, loader, false));
    }
    if (now < entry.freshUntilMs) {
      // Refresh-ahead: the value now, one refresh in the background.
      const value = this.#hit(id, selector, entry);
      if (!this.#flights.has(key) && (failure === undefined || now >= failure.retryAtMs)) {
        this.#refresh(id, selector, owner, loader, true);
      }
      return Promise.resolve(value);
    }
    const ageMs = now - entry.freshUntilMs;
    if (failure !== undefined && now < failure.retryAtMs) {
      // In backoff: no load. Serve the last good value within the bound, else fail closed.
      if (ageMs <= this.#options.maxStaleMs)
        return Promise.resolve(this.#serveStale(id, selector, entry, ageMs, failure.error));
      return Promise.reject(failure.error);
    }
    // Stale-while-revalidate is stale serving too: bounded by maxStaleMs (0: none at all).
    if (ageMs < this.#options.staleWhileRevalidateMs && ageMs < this.#options.maxStaleMs) {
      // Served past expiry before any refresh succeeded: a stale read, counted and reported as
      // such (its `error` is the last fault, if one is known yet), never a hit.
      const value = this.#serveStale(id, selector, entry, ageMs, failure?.error);
      if (!this.#flights.has(key)) this.#refresh(id, selector, owner, loader, true);
      return Promise.resolve(value);
    }
    this.#miss(id, selector);
    return this.#wait(this.#flights.get(key) ?? this.#refresh(id, selector, owner, loader, false));
  }

  #miss(secretId: string, selector: string): void {
    this.#counters.misses++;
    if (this.#heard('miss')) this.#emit({ type: 'miss', secretId, selector });
  }

  #serveStale(secretId: string, selector: string, entry: CacheEntry<V>, ageMs: number, error: unknown): V {
    this.#counters.staleServed++;
    this.#emit({ type: 'stale', secretId, selector, ageMs: Math.max(0, ageMs), error });
    return entry.value;
  }

  #refresh(
    id: string,
    selector: string,
    owner: string,
    loader: Loader<V> | SinkLoader<V>,
    background: boolean,
  ): EngineFlight<V> {
    this.#counters.refreshes++;
    if (background) this.#counters.backgroundRefreshes++;
    if (this.#heard('refresh')) this.#emit({ type: 'refresh', secretId: id, selector, background });
    const flight = this.#load(id, selector, owner, loader);
    return background ? flight.unwaited() : flight;
  }

  /** Starts the one load of (`id`, `selector`); callers join it through `#flights`. */
  #load(id: string, selector: string, owner: string, loader: Loader<V> | SinkLoader<V>): EngineFlight<V> {
    const flight = new EngineFlight<V>(
      id,
      selector,
      owner,
      this.#marks.seq,
      this.#clock.now(),
      this.#settler,
    );
    this.#flights.set(flight.key, flight);
    let pending: Promise<LoadResult<V>> | typeof SETTLES_SINK;
    try {
      pending = (loader as SinkLoader<V>)(this.#closing.signal, flight) as
        | Promise<LoadResult<V>>
        | typeof SETTLES_SINK;
    } catch (error) {
      flight.failed(error);
      return flight;
    }
    // A loader that settles the flight itself (the client's miss path) adds no reaction here;
    // any other result is a promise of the load result (or the result: Promise.resolve adopts it).
    if (pending !== SETTLES_SINK) {
      Promise.resolve(pending).then(
        (result) => flight.loaded(result),
        (error: unknown) => flight.failed(error),
      );
    }
    return flight;
  }

  #loaded(flight: EngineFlight<V>, result: LoadResult<V>): void {
    if (flight.settled) return;
    if (this.#flights.get(flight.key) === flight) this.#flights.delete(flight.key);
    if (!flight.discarded) this.#put(flight.id, flight.selector, result, flight.since);
    if (this.#heard('loaded')) {
      this.#emit({
        type: 'loaded',
        secretId: flight.id,
        selector: flight.selector,
        durationMs: this.#clock.now() - flight.startedMs,
      });
    }
    flight.succeed(result.value);
  }

  #failed(flight: EngineFlight<V>, error: unknown): void {
    if (flight.settled) return;
    const { id, selector } = flight;
    if (this.#flights.get(flight.key) === flight) this.#flights.delete(flight.key);
    this.#counters.loadErrors++;
    flight.fault = this.#options.isFault(error);
    let failures = 0;
    const record = this.#store.byId(id);
    if (flight.discarded) {
      // The secret was invalidated or overwritten meanwhile: its new state is not ours to change.
    } else if (flight.fault) {
      failures = (record?.slot(selector)?.failure?.count ?? 0) + 1;
      const retryAtMs = this.#clock.now() + backoffDelayMs(failures, this.#options, this.#options.random);
      this.#remember(id, record, selector, failures, retryAtMs, error);
    } else {
      // An answer (not found, access denied, ...): the cached value is wrong now; never mask it.
      if (record !== undefined) {
        this.#store.deleteFailure(record, selector);
        if (this.#store.deleteEntry(record, selector)) {
          this.#emit({ type: 'evict', secretId: id, selector, reason: 'answer' });
        }
        this.#store.release(record);
      }
      const { notFoundTtlMs } = this.#options;
      if (notFoundTtlMs > 0 && this.#options.isNotFound(error)) {
        // Remembered like a fault in backoff, but with no count: the answer is not an outage.
        this.#remember(id, this.#store.byId(id), selector, 0, this.#clock.now() + notFoundTtlMs, error);
      }
    }
    this.#emit({
      type: 'load-error',
      secretId: id,
      selector,
      error,
      failures,
      durationMs: this.#clock.now() - flight.startedMs,
    });
    flight.fail(error);
  }

  /** Keeps a failure record: code and message only (compactError), bounded like the values. */
  #remember(
    id: string,
    known: SecretRecord<V> | undefined,
    selector: string,
    count: number,
    retryAtMs: number,
    error: unknown,
  ): void {
    // Before AWS named the secret, its record is keyed by the id itself.
    let record = known;
    if (record === undefined) {
      record = this.#store.ensure(id, this.#namesOf(id), id);
    }
    const compact = this.#options.compactError(error);
    this.#store.setFailure(record, selector, { error: compact, count, retryAtMs }, failureBytes(compact));
  }

  /** Stores a loaded value in its secret's record, unless the secret was invalidated since `since`. */
  #put(id: string, selector: string, result: LoadResult<V>, since: number): void {
    const identity = result.identity ?? id;
    if (this.#marks.changedSince(since, id, identity, result.name)) return;
    const previous = this.#store.byId(id);
    // A record keyed by the id (failures only, before AWS named the secret) is superseded.
    if (previous !== undefined && previous.key === id && id !== identity) this.#store.remove(previous);
    const record = this.#store.ensure(identity, result.name === undefined ? [identity] : [result.name], id);
    for (const other of result.ids ?? []) this.#store.alias(record, other);
    const entry = createEntry(result, this.#clock.now(), this.#options);
    this.#store.setEntry(record, selector, entry, result.sizeBytes);
  }

  /** A waiting caller's view of a load: on a fault, the last good value within `maxStaleMs`. */
  #wait(flight: EngineFlight<V>): Promise<V> {
    return flight.promise.catch((error: unknown) => {
      const entry =
        flight.fault && !this.#closed ? this.#store.byId(flight.id)?.slot(flight.selector)?.entry : undefined;
      if (entry === undefined) throw error;
      const ageMs = this.#clock.now() - entry.freshUntilMs;
      if (ageMs > this.#options.maxStaleMs) throw error;
      return this.#serveStale(flight.id, flight.selector, entry, ageMs, error);
    });
  }

  get generation(): number {
    return this.#marks.seq;
  }

  set(id: string, result: LoadResult<V>, options?: EngineSetOptions): void {
    if (this.#closed) return;
    const selector = options?.selector ?? CURRENT;
    const record = this.#store.byId(id);
    const flight = this.#flights.get(flightKey(record?.key ?? id, selector));
    if (flight !== undefined) this.#detach(flight);
    this.#put(id, selector, result, options?.since ?? this.#marks.seq);
  }

  identityOf(id: string): string | undefined {
    const key = this.#store.byId(id)?.key;
    // A record keyed by the id itself holds failures from before AWS named the secret.
    return key === undefined || key === id ? undefined : key;
  }

  hasFresh(id: string, selector: string = CURRENT): boolean {
    const entry = this.#store.byId(id)?.slot(selector)?.entry;
    return entry !== undefined && this.#clock.now() < entry.freshUntilMs;
  }

  invalidate(id?: string): number {
    if (id === undefined) {
      this.#marks.markAll();
      let dropped = 0;
      for (const record of this.#store.records()) dropped += this.#evicted(record, 'invalidate');
      this.#store.clear();
      for (const flight of [...this.#flights.values()]) this.#detach(flight);
      return dropped;
    }
    const names = this.#namesOf(id);
    const targets = this.#store.related(id, names);
    const marked = new Set<string>([id, ...names]);
    for (const record of targets) {
      marked.add(record.key);
      for (const name of record.names) marked.add(name);
    }
    this.#marks.mark(marked);
    let dropped = 0;
    for (const record of targets) {
      dropped += this.#evicted(record, 'invalidate');
      this.#store.remove(record);
    }
    // Loads in flight for the secret: later reads must not join them (they may predate a write).
    for (const flight of [...this.#flights.values()]) {
      const concerned =
        marked.has(flight.owner) ||
        marked.has(flight.id) ||
        this.#namesOf(flight.id).some((name) => marked.has(name));
      if (concerned) this.#detach(flight);
    }
    return dropped;
  }

  /**
   * Emits an evict event per value of a record being dropped; returns how many. A miss of a full
   * cache evicts one record: no event object is built when nobody listens.
   */
  #evicted(record: SecretRecord<V>, reason: 'lru' | 'invalidate'): number {
    if (this.#heard('evict')) {
      const secretId = record.aliases[0] ?? record.key;
      for (const [selector, slot] of record.slots()) {
        if (slot.entry !== undefined) this.#emit({ type: 'evict', secretId, selector, reason });
      }
    }
    return record.values;
  }

  /** The in-flight load must not store its result; later reads start a new one. */
  #detach(flight: EngineFlight<V>): void {
    flight.discarded = true;
    if (this.#flights.get(flight.key) === flight) this.#flights.delete(flight.key);
  }

  stats(): CacheEngineStats {
    return this.#counters.snapshot(this.#store.values, this.#flights.size);
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    const error = closedError();
    for (const flight of this.#flights.values()) flight.fail(error);
    this.#closing.abort(error);
    this.#flights.clear();
    this.#store.clear();
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

  /**
   * Whether a hot event (one or two per read) would reach anyone: the event object is built
   * only then. Deliberately cheap on the hit path: a field check and, with `listens`, one call.
   */
  #heard(type: HotCacheEvent): boolean {
    return this.#onEvent !== undefined && (this.#listens === undefined || this.#listens(type));
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
 * const value = await engine.get('prod/db', async (signal) => ({
 *   value: await fetchIt(signal),
 *   sizeBytes: 64,
 * }));
 * ```
 */
export function createCacheEngine<V>(options: CacheEngineOptions): CacheEngine<V> {
  return new Engine<V>(options);
}
