import { describe, expect, it } from 'vitest';
import { systemClock } from '../../../src/cache/clock.js';

describe('systemClock', () => {
  it('reads Date.now', () => {
    const before = Date.now();
    const now = systemClock.now();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());
  });
});
