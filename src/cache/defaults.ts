/**
 * Defaults of the cache options and the one place that validates them. docs/caching.md
 * explains why each default has its value.
 */
import { isFault as defaultIsFault } from '../errors/classify.js';
import { functionOption, invalidOption, type NumberRule, numberOption } from '../options/checks.js';
import { type Clock, systemClock } from './clock.js';
import type { CacheEngineOptions, CacheEvent } from './types.js';

/** Freshness of a cached value: 5 minutes, like the Secrets Manager Agent. */
export const DEFAULT_TTL_MS = 300_000;
/** Expiry is pulled earlier by up to 10% of the TTL so a fleet does not refresh in lock-step. */
export const DEFAULT_JITTER_RATIO = 0.1;
/** A hit in the last 20% of the TTL starts one background refresh. */
export const DEFAULT_REFRESH_AHEAD_RATIO = 0.2;
/** Up to 1 minute past expiry a read gets the old value at once and refreshes in the background. */
export const DEFAULT_STALE_WHILE_REVALIDATE_MS = 60_000;
/** Up to 15 minutes past expiry the last good value is served while AWS is failing. */
export const DEFAULT_MAX_STALE_MS = 900_000;
/** First backoff after a failed load: 1 s, like AWS's Java caching client. */
export const DEFAULT_BACKOFF_BASE_MS = 1_000;
/** Backoff cap: 128 s, like AWS's Java caching client. */
export const DEFAULT_BACKOFF_MAX_MS = 128_000;
/**
 * How long a "not found" answer is remembered: 30 s. Verifiers that accept AWSPENDING and
 * AWSPREVIOUS ask for stages that usually do not exist; without this each request would cost
 * calls. Short, so a newly created secret or version shows up quickly; `forceRefresh`, writes
 * through the client and `invalidate` skip or clear it.
 */
export const DEFAULT_NOT_FOUND_TTL_MS = 30_000;

/** Most entries kept (values and remembered failures): 1024, like AWS's caching clients. */
export const DEFAULT_MAX_ENTRIES = 1024;

/**
 * The largest `maxEntries` accepted: 2²⁴ (16,777,216). The store allocates nothing in
 * proportion to it, but a bound beyond this is a configuration mistake.
 */
export const MAX_ENTRIES_LIMIT = 2 ** 24;

/** Cache options (owned by cache/); see docs/caching.md for each default and why. */
export interface CacheOptions {
  /** Freshness of a cached value. @defaultValue 300_000 (5 minutes) */
  readonly ttlMs?: number | undefined;
  /** Expiry is pulled earlier by a random fraction of the TTL up to this. @defaultValue 0.1 */
  readonly jitterRatio?: number | undefined;
  /** A hit in the last fraction of the TTL starts one background refresh. @defaultValue 0.2 */
  readonly refreshAheadRatio?: number | undefined;
  /**
   * Past expiry, a read within this window returns the old value at once and refreshes in the
   * background (stale-while-revalidate); later reads wait. 0 disables. @defaultValue 60_000
   */
  readonly staleWhileRevalidateMs?: number | undefined;
  /** How long past expiry a value may be served while AWS is failing. 0 disables. @defaultValue 900_000 */
  readonly maxStaleMs?: number | undefined;
  /**
   * How long a NOT_FOUND answer (a missing secret, or a stage on no version, such as AWSPENDING
   * outside a rotation) is remembered, so asking again costs no call. 0 disables. @defaultValue 30_000
   */
  readonly notFoundTtlMs?: number | undefined;
  /** First backoff after a failed refresh. @defaultValue 1_000 */
  readonly backoffBaseMs?: number | undefined;
  /** Backoff cap. @defaultValue 128_000 */
  readonly backoffMaxMs?: number | undefined;
  /** Most entries kept (LRU), at most 2²⁴ (16,777,216). @defaultValue 1024 */
  readonly maxEntries?: number | undefined;
  /** Optional bound on the total size of cached values in bytes. @defaultValue undefined (no bound) */
  readonly maxBytes?: number | undefined;
}

/** The names of {@link CacheOptions} (for the client's unknown-key check). */
export const CACHE_OPTION_KEYS: readonly (keyof CacheOptions)[] = [
  'ttlMs',
  'jitterRatio',
  'refreshAheadRatio',
  'staleWhileRevalidateMs',
  'maxStaleMs',
  'notFoundTtlMs',
  'backoffBaseMs',
  'backoffMaxMs',
  'maxEntries',
  'maxBytes',
];

/** Input of {@link resolveCacheOptions}: the client's cache options plus the injectable parts. */
export interface ResolveCacheOptionsInput extends CacheOptions {
  /** Time source. @defaultValue `Date.now` */
  readonly clock?: Clock | undefined;
  /** Randomness in [0, 1). @defaultValue `Math.random` */
  readonly random?: (() => number) | undefined;
  /** Fault vs answer. @defaultValue `isFault` from errors/classify.ts */
  readonly isFault?: ((error: unknown) => boolean) | undefined;
  /** Receives every cache event. */
  readonly onEvent?: ((event: CacheEvent) => void) | undefined;
  /** Whether a hot event would reach anyone (see CacheEngineOptions.listens). */
  readonly listens?: ((type: 'hit' | 'miss' | 'refresh' | 'loaded') => boolean) | undefined;
  /** Which answers are "not found" (remembered for `notFoundTtlMs`). @defaultValue none */
  readonly isNotFound?: ((error: unknown) => boolean) | undefined;
  /** What a failure record keeps of an error. @defaultValue the error itself */
  readonly compactError?: ((error: unknown) => unknown) | undefined;
  /** The names an id may denote, for `invalidate`. @defaultValue the id itself */
  readonly namesOf?: ((id: string) => readonly string[]) | undefined;
}

const OWNER = 'Cache';
const duration = { min: 0 } as const;
const positiveDuration = { min: 0, exclusiveMin: true } as const;
const ratio = { min: 0, max: 0.999_999 } as const;

/**
 * Validates the cache options, fills in the defaults and freezes the result.
 *
 * @param input - the client's cache options, plus clock, random, isFault and onEvent
 * @returns frozen engine options
 * @throws SecretkitError `INVALID_ARGUMENT` naming the first invalid option (`details.option`)
 *
 * @example
 * ```ts
 * const engine = createCacheEngine<string>(resolveCacheOptions({ ttlMs: 60_000 }));
 * ```
 */
export function resolveCacheOptions(input: ResolveCacheOptionsInput = {}): CacheEngineOptions {
  const n = <F extends number | undefined>(option: keyof CacheOptions, fallback: F, rule: NumberRule) =>
    numberOption(OWNER, option, input[option], fallback, rule);
  const ttlMs = n('ttlMs', DEFAULT_TTL_MS, positiveDuration);
  const jitterRatio = n('jitterRatio', DEFAULT_JITTER_RATIO, ratio);
  const refreshAheadRatio = n('refreshAheadRatio', DEFAULT_REFRESH_AHEAD_RATIO, ratio);
  if (jitterRatio + refreshAheadRatio >= 1) {
    // Otherwise a value could be loaded straight into its refresh-ahead window.
    throw invalidOption(OWNER, 'refreshAheadRatio', 'below 1 - jitterRatio', refreshAheadRatio);
  }
  const backoffBaseMs = n('backoffBaseMs', DEFAULT_BACKOFF_BASE_MS, positiveDuration);
  const clock = input.clock ?? systemClock;
  if (typeof clock !== 'object' || clock === null || typeof clock.now !== 'function') {
    throw invalidOption(OWNER, 'clock', 'an object with a now() method', clock);
  }
  return Object.freeze({
    ttlMs,
    jitterRatio,
    refreshAheadRatio,
    staleWhileRevalidateMs: n('staleWhileRevalidateMs', DEFAULT_STALE_WHILE_REVALIDATE_MS, duration),
    maxStaleMs: n('maxStaleMs', DEFAULT_MAX_STALE_MS, duration),
    notFoundTtlMs: n('notFoundTtlMs', DEFAULT_NOT_FOUND_TTL_MS, duration),
    backoffBaseMs,
    backoffMaxMs: n('backoffMaxMs', DEFAULT_BACKOFF_MAX_MS, { min: backoffBaseMs }),
    maxEntries: n('maxEntries', DEFAULT_MAX_ENTRIES, { min: 1, max: MAX_ENTRIES_LIMIT, integer: true }),
    maxBytes: n('maxBytes', undefined, { min: 1, integer: true }),
    clock,
    random: functionOption(OWNER, 'random', input.random, Math.random),
    isFault: functionOption(OWNER, 'isFault', input.isFault, defaultIsFault),
    isNotFound: functionOption(OWNER, 'isNotFound', input.isNotFound, () => false),
    compactError: functionOption(OWNER, 'compactError', input.compactError, (error: unknown) => error),
    onEvent: functionOption(OWNER, 'onEvent', input.onEvent, undefined),
    listens: functionOption(OWNER, 'listens', input.listens, undefined),
    namesOf: functionOption(OWNER, 'namesOf', input.namesOf, undefined),
  });
}
