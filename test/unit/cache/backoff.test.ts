import { describe, expect, it } from 'vitest';
import { backoffCeilingMs, backoffDelayMs } from '../../../src/cache/backoff.js';
import { DEFAULT_BACKOFF_BASE_MS, DEFAULT_BACKOFF_MAX_MS } from '../../../src/cache/defaults.js';

const policy = { backoffBaseMs: DEFAULT_BACKOFF_BASE_MS, backoffMaxMs: DEFAULT_BACKOFF_MAX_MS };

describe('backoffCeilingMs', () => {
  it('doubles from the base and caps at the maximum', () => {
    // Act
    const ceilings = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((n) => backoffCeilingMs(n, policy));
    // Assess
    expect(ceilings).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 64_000, 128_000, 128_000, 128_000]);
  });

  it('stays at the cap for huge failure counts (no overflow)', () => {
    expect(backoffCeilingMs(5_000, policy)).toBe(128_000);
  });

  it('is 0 before any failure', () => {
    expect(backoffCeilingMs(0, policy)).toBe(0);
  });
});

describe('backoffDelayMs', () => {
  it('jitters between half the wait and the whole wait', () => {
    // Act
    const low = backoffDelayMs(3, policy, () => 0);
    const mid = backoffDelayMs(3, policy, () => 0.5);
    const high = backoffDelayMs(3, policy, () => 0.999_999);
    // Assess
    expect(low).toBe(2_000);
    expect(mid).toBe(3_000);
    expect(high).toBeCloseTo(4_000, 0);
    expect(high).toBeLessThan(4_000);
  });

  it('jitters the capped wait too', () => {
    expect(backoffDelayMs(20, policy, () => 0)).toBe(64_000);
    expect(backoffDelayMs(20, { backoffBaseMs: 10, backoffMaxMs: 50 }, () => 0.5)).toBe(37.5);
  });
});
