import { describe, expect, it } from 'vitest';
import { systemClock } from '../../../src/cache/clock.js';
import {
  DEFAULT_BACKOFF_BASE_MS,
  DEFAULT_BACKOFF_MAX_MS,
  DEFAULT_JITTER_RATIO,
  DEFAULT_MAX_ENTRIES,
  DEFAULT_MAX_STALE_MS,
  DEFAULT_REFRESH_AHEAD_RATIO,
  DEFAULT_STALE_WHILE_REVALIDATE_MS,
  DEFAULT_TTL_MS,
  type ResolveCacheOptionsInput,
  resolveCacheOptions,
} from '../../../src/cache/defaults.js';
import { isFault } from '../../../src/errors/classify.js';
import { isSecretkitError } from '../../../src/errors/secretkit-error.js';

describe('resolveCacheOptions', () => {
  it('fills every default', () => {
    // Act
    const options = resolveCacheOptions();
    // Assess
    expect(options).toMatchObject({
      ttlMs: 300_000,
      jitterRatio: 0.1,
      refreshAheadRatio: 0.2,
      staleWhileRevalidateMs: 60_000,
      maxStaleMs: 900_000,
      backoffBaseMs: 1_000,
      backoffMaxMs: 128_000,
      maxEntries: 1024,
      maxBytes: undefined,
      onEvent: undefined,
    });
    expect(options.clock).toBe(systemClock);
    expect(options.random).toBe(Math.random);
    expect(options.isFault).toBe(isFault);
  });

  it('exports the defaults as constants', () => {
    expect([
      DEFAULT_TTL_MS,
      DEFAULT_JITTER_RATIO,
      DEFAULT_REFRESH_AHEAD_RATIO,
      DEFAULT_STALE_WHILE_REVALIDATE_MS,
      DEFAULT_MAX_STALE_MS,
      DEFAULT_BACKOFF_BASE_MS,
      DEFAULT_BACKOFF_MAX_MS,
      DEFAULT_MAX_ENTRIES,
    ]).toEqual([300_000, 0.1, 0.2, 60_000, 900_000, 1_000, 128_000, 1024]);
  });

  it('keeps given values and injected functions, and freezes the result', () => {
    // Prepare
    const clock = { now: () => 5 };
    const random = () => 0.3;
    const classify = () => true;
    const onEvent = () => {};
    const isNotFound = () => false;
    const compactError = (error: unknown) => error;
    // Frozen: resolving must not write into what it was given.
    const given = Object.freeze({
      ttlMs: 1_000,
      jitterRatio: 0,
      refreshAheadRatio: 0,
      staleWhileRevalidateMs: 0,
      maxStaleMs: 0,
      notFoundTtlMs: 5,
      backoffBaseMs: 10,
      backoffMaxMs: 10,
      maxEntries: 1,
      maxBytes: 4_096,
      clock,
      random,
      isFault: classify,
      isNotFound,
      compactError,
      onEvent,
    });
    // Act
    const options = resolveCacheOptions(given);
    // Assess
    expect(options).toEqual(given);
    expect(Object.isFrozen(options)).toBe(true);
  });

  const invalid: [string, ResolveCacheOptionsInput][] = [
    ['ttlMs', { ttlMs: 0 }],
    ['ttlMs', { ttlMs: -1 }],
    ['ttlMs', { ttlMs: Number.POSITIVE_INFINITY }],
    ['ttlMs', { ttlMs: Number.NaN }],
    ['ttlMs', { ttlMs: '300' as unknown as number }],
    ['jitterRatio', { jitterRatio: 1 }],
    ['jitterRatio', { jitterRatio: -0.1 }],
    ['refreshAheadRatio', { refreshAheadRatio: 1 }],
    ['refreshAheadRatio', { refreshAheadRatio: -0.5 }],
    ['refreshAheadRatio', { jitterRatio: 0.5, refreshAheadRatio: 0.5 }],
    ['staleWhileRevalidateMs', { staleWhileRevalidateMs: -1 }],
    ['staleWhileRevalidateMs', { staleWhileRevalidateMs: Number.POSITIVE_INFINITY }],
    ['maxStaleMs', { maxStaleMs: -1 }],
    ['maxStaleMs', { maxStaleMs: Number.POSITIVE_INFINITY }],
    ['backoffBaseMs', { backoffBaseMs: 0 }],
    ['backoffMaxMs', { backoffMaxMs: 999 }],
    ['backoffMaxMs', { backoffMaxMs: Number.POSITIVE_INFINITY }],
    ['maxEntries', { maxEntries: 0 }],
    ['maxEntries', { maxEntries: 1.5 }],
    ['maxBytes', { maxBytes: 0 }],
    ['maxBytes', { maxBytes: 10.5 }],
    ['clock', { clock: {} as unknown as { now(): number } }],
    ['random', { random: 0.5 as unknown as () => number }],
    ['isFault', { isFault: 'yes' as unknown as () => boolean }],
    ['onEvent', { onEvent: {} as unknown as () => void }],
  ];

  it.each(invalid)('rejects an invalid %s with INVALID_ARGUMENT naming the option', (option, input) => {
    // Act
    let caught: unknown;
    try {
      resolveCacheOptions(input);
    } catch (error) {
      caught = error;
    }
    // Assess
    expect(isSecretkitError(caught, 'INVALID_ARGUMENT')).toBe(true);
    if (!isSecretkitError(caught)) return;
    expect(caught.message).toContain(option);
    expect(caught.details).toEqual({ option });
  });
});
