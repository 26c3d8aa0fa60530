/**
 * Defaults of the cache options and the one place that validates them. docs/caching.md
 * explains why each default has its value.
 */
import type { CacheOptions } from '../client/types.js';
import { isFault as defaultIsFault } from '../errors/classify.js';
import { SecretkitError } from '../errors/secretkit-error.js';
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

/** Most entries kept (LRU): 1024, like AWS's caching clients. */
export const DEFAULT_MAX_ENTRIES = 1024;

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
  /** Which answers are "not found" (remembered for `notFoundTtlMs`). @defaultValue none */
  readonly isNotFound?: ((error: unknown) => boolean) | undefined;
}

function describeValue(value: unknown): string {
  return typeof value === 'number' ? String(value) : typeof value;
}

function invalid(option: string, rule: string, got: unknown): SecretkitError {
  return new SecretkitError(
    'INVALID_ARGUMENT',
    `Cache option ${option} must be ${rule} (got ${describeValue(got)})`,
    {
      details: { option },
    },
  );
}

function number(
  input: ResolveCacheOptionsInput,
  option: keyof CacheOptions,
  fallback: number,
  rule: string,
  ok: (n: number) => boolean,
): number {
  const value: unknown = input[option];
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || Number.isNaN(value) || !ok(value)) throw invalid(option, rule, value);
  return value;
}

function fn<F>(value: F | undefined, option: string, fallback: F): F {
  if (value === undefined) return fallback;
  if (typeof value !== 'function') throw invalid(option, 'a function', value);
  return value;
}

const positiveFinite = (n: number): boolean => Number.isFinite(n) && n > 0;
const nonNegativeFinite = (n: number): boolean => Number.isFinite(n) && n >= 0;
const ratio = (n: number): boolean => n >= 0 && n < 1;
const positiveInteger = (n: number): boolean => Number.isSafeInteger(n) && n > 0;

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
  const ttlMs = number(input, 'ttlMs', DEFAULT_TTL_MS, 'a positive finite number', positiveFinite);
  const jitterRatio = number(input, 'jitterRatio', DEFAULT_JITTER_RATIO, 'in [0, 1)', ratio);
  const refreshAheadRatio = number(
    input,
    'refreshAheadRatio',
    DEFAULT_REFRESH_AHEAD_RATIO,
    'in [0, 1)',
    ratio,
  );
  if (jitterRatio + refreshAheadRatio >= 1) {
    // Otherwise a value could be loaded straight into its refresh-ahead window.
    throw invalid('refreshAheadRatio', 'below 1 - jitterRatio', refreshAheadRatio);
  }
  const nonNegative = 'a non-negative finite number';
  const staleWhileRevalidateMs = number(
    input,
    'staleWhileRevalidateMs',
    DEFAULT_STALE_WHILE_REVALIDATE_MS,
    nonNegative,
    nonNegativeFinite,
  );
  const maxStaleMs = number(input, 'maxStaleMs', DEFAULT_MAX_STALE_MS, nonNegative, nonNegativeFinite);
  const notFoundTtlMs = number(
    input,
    'notFoundTtlMs',
    DEFAULT_NOT_FOUND_TTL_MS,
    nonNegative,
    nonNegativeFinite,
  );
  const backoffBaseMs = number(
    input,
    'backoffBaseMs',
    DEFAULT_BACKOFF_BASE_MS,
    'a positive finite number',
    positiveFinite,
  );
  const backoffMaxMs = number(
    input,
    'backoffMaxMs',
    DEFAULT_BACKOFF_MAX_MS,
    'a finite number >= backoffBaseMs',
    (n) => Number.isFinite(n) && n >= backoffBaseMs,
  );
  const maxEntries = number(input, 'maxEntries', DEFAULT_MAX_ENTRIES, 'a positive integer', positiveInteger);
  const maxBytes =
    input.maxBytes === undefined
      ? undefined
      : number(input, 'maxBytes', 0, 'a positive integer', positiveInteger);
  const clock = input.clock ?? systemClock;
  if (typeof clock !== 'object' || clock === null || typeof clock.now !== 'function') {
    throw invalid('clock', 'an object with a now() method', clock);
  }
  return Object.freeze({
    ttlMs,
    jitterRatio,
    refreshAheadRatio,
    staleWhileRevalidateMs,
    maxStaleMs,
    notFoundTtlMs,
    backoffBaseMs,
    backoffMaxMs,
    maxEntries,
    maxBytes,
    clock,
    random: fn(input.random, 'random', Math.random),
    isFault: fn(input.isFault, 'isFault', defaultIsFault),
    isNotFound: fn(input.isNotFound, 'isNotFound', () => false),
    onEvent: input.onEvent === undefined ? undefined : fn(input.onEvent, 'onEvent', input.onEvent),
  });
}
