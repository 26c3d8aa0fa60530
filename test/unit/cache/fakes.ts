/** Test doubles for the cache engine: fake clock, controllable loaders, errors, an engine factory. */
import { type ResolveCacheOptionsInput, resolveCacheOptions } from '../../../src/cache/defaults.js';
import { createCacheEngine } from '../../../src/cache/engine.js';
import type { CacheEngine, CacheEvent, Loader, LoadResult } from '../../../src/cache/types.js';

/** A clock tests move by hand. */
export interface FakeClock {
  now(): number;
  advance(ms: number): void;
  set(ms: number): void;
}

/** A fake clock starting at `startMs`. */
export function createFakeClock(startMs = 0): FakeClock {
  let t = startMs;
  return {
    now: () => t,
    advance: (ms) => {
      t += ms;
    },
    set: (ms) => {
      t = ms;
    },
  };
}

/** A throttling error: a fault per errors/classify.ts. */
export function fault(message = 'Rate exceeded'): Error {
  const error = new Error(message);
  error.name = 'ThrottlingException';
  return error;
}

/** A not-found error: an answer per errors/classify.ts. */
export function answer(message = 'Secrets Manager can’t find the specified secret.'): Error {
  const error = new Error(message);
  error.name = 'ResourceNotFoundException';
  return error;
}

/** A loader returning the queued outcomes in order (the last one repeats), counting calls. */
export interface ScriptedLoader<V> extends Loader<V> {
  readonly calls: number;
  readonly signals: readonly AbortSignal[];
}

/** Outcome of one scripted load: a value, a result, or an error to throw. */
export type Outcome<V> = { value: V } | { result: LoadResult<V> } | { error: unknown };

/** A loader that plays `outcomes` in order, answering at once (on the next microtask). */
export function scripted<V>(...outcomes: Outcome<V>[]): ScriptedLoader<V> {
  const signals: AbortSignal[] = [];
  let calls = 0;
  const loader = async (signal: AbortSignal): Promise<LoadResult<V>> => {
    signals.push(signal);
    const outcome = outcomes[Math.min(calls, outcomes.length - 1)];
    calls++;
    if (outcome === undefined) throw new Error('no outcome scripted');
    if ('error' in outcome) throw outcome.error;
    if ('result' in outcome) return outcome.result;
    return { value: outcome.value, sizeBytes: 1 };
  };
  return Object.defineProperties(loader, {
    calls: { get: () => calls },
    signals: { get: () => signals },
  }) as ScriptedLoader<V>;
}

/** A loader whose loads the test settles by hand. */
export interface ManualLoader<V> extends Loader<V> {
  readonly calls: number;
  readonly signals: readonly AbortSignal[];
  /** Settles the oldest pending load with a value. */
  resolve(value: V, extra?: Partial<LoadResult<V>>): void;
  /** Settles the oldest pending load with an error. */
  reject(error: unknown): void;
}

/** A loader that stays pending until `resolve` / `reject`. */
export function manual<V>(): ManualLoader<V> {
  const pending: { ok: (r: LoadResult<V>) => void; fail: (e: unknown) => void }[] = [];
  const signals: AbortSignal[] = [];
  let calls = 0;
  const loader = (signal: AbortSignal): Promise<LoadResult<V>> => {
    calls++;
    signals.push(signal);
    return new Promise((ok, fail) => pending.push({ ok, fail }));
  };
  const next = () => {
    const p = pending.shift();
    if (p === undefined) throw new Error('no pending load');
    return p;
  };
  return Object.defineProperties(loader, {
    calls: { get: () => calls },
    signals: { get: () => signals },
    resolve: {
      value: (value: V, extra: Partial<LoadResult<V>> = {}) => next().ok({ value, sizeBytes: 1, ...extra }),
    },
    reject: { value: (error: unknown) => next().fail(error) },
  }) as ManualLoader<V>;
}

/** Lets pending promise callbacks run (no timers are involved). */
export async function flush(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise<void>((r) => setImmediate(r));
}

/** Whether `promise` has settled yet (after letting microtasks run). */
export async function isSettled(promise: Promise<unknown>): Promise<boolean> {
  let settled = false;
  promise.then(
    () => {
      settled = true;
    },
    () => {
      settled = true;
    },
  );
  await flush();
  return settled;
}

/** An engine on a fake clock with `random() = 0` (no jitter) unless overridden, recording events. */
export function setup<V = string>(
  options: ResolveCacheOptionsInput = {},
): {
  engine: CacheEngine<V>;
  clock: FakeClock;
  events: CacheEvent[];
} {
  const clock = createFakeClock(0);
  const events: CacheEvent[] = [];
  const engine = createCacheEngine<V>(
    resolveCacheOptions({ clock, random: () => 0, onEvent: (e) => events.push(e), ...options }),
  );
  return { engine, clock, events };
}

/** The event types recorded, in order. */
export const types = (events: readonly CacheEvent[]): string[] => events.map((e) => e.type);
