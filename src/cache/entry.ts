/**
 * What the engine stores per key, and the freshness maths. All times are epoch milliseconds.
 */
import type { CacheEngineOptions, LoadResult } from './types.js';

/** A cached value with its freshness deadlines. */
export interface CacheEntry<V> {
  /** The cached value. Never put in events, logs or errors. */
  readonly value: V;
  /** The value is fresh while `now < freshUntilMs` (`Infinity` for immutable values). */
  readonly freshUntilMs: number;
  /** A hit at or after this time (and before `freshUntilMs`) starts one background refresh. */
  readonly refreshFromMs: number;
}

/** The last failed load of a key (faults only), which drives the backoff. */
export interface FailureRecord {
  /** What the loader threw last. */
  readonly error: unknown;
  /** Consecutive failed loads. */
  readonly count: number;
  /** No load is started for the key before this time. */
  readonly retryAtMs: number;
}

/** The options the freshness maths needs. */
export type FreshnessOptions = Pick<
  CacheEngineOptions,
  'ttlMs' | 'jitterRatio' | 'refreshAheadRatio' | 'random'
>;

/**
 * When a value loaded at `nowMs` stops being fresh, before any `notAfterMs` cap:
 * `now + ttl - random() * jitterRatio * ttl`.
 *
 * @param nowMs - load time
 * @param options - TTL, jitter ratio and randomness (called once)
 */
export function jitteredExpiryMs(
  nowMs: number,
  options: Pick<FreshnessOptions, 'ttlMs' | 'jitterRatio' | 'random'>,
): number {
  return nowMs + options.ttlMs - options.random() * options.jitterRatio * options.ttlMs;
}

/**
 * Builds the entry for a value loaded at `nowMs`.
 *
 * - Immutable values never expire and are never refreshed ahead.
 * - Otherwise the value is fresh until {@link jitteredExpiryMs}, capped by `notAfterMs` when
 *   that is still in the future. A `notAfterMs` already past (an overdue rotation) is ignored,
 *   else every read would reload the value.
 * - A capped entry is not refreshed ahead: a load before the rotation date would return the
 *   same value. Otherwise the last `refreshAheadRatio * ttlMs` before expiry refreshes ahead.
 *
 * @param result - what the loader (or `set`) returned
 * @param nowMs - load time
 * @param options - freshness options
 */
export function createEntry<V>(
  result: LoadResult<V>,
  nowMs: number,
  options: FreshnessOptions,
): CacheEntry<V> {
  const { value, notAfterMs } = result;
  if (result.immutable === true) {
    return { value, freshUntilMs: Number.POSITIVE_INFINITY, refreshFromMs: Number.POSITIVE_INFINITY };
  }
  const expiry = jitteredExpiryMs(nowMs, options);
  if (notAfterMs !== undefined && notAfterMs > nowMs && notAfterMs < expiry) {
    return { value, freshUntilMs: notAfterMs, refreshFromMs: notAfterMs };
  }
  return { value, freshUntilMs: expiry, refreshFromMs: expiry - options.refreshAheadRatio * options.ttlMs };
}
