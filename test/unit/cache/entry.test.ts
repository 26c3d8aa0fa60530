import { describe, expect, it } from 'vitest';
import { createEntry, jitteredExpiryMs } from '../../../src/cache/entry.js';

const options = { ttlMs: 300_000, jitterRatio: 0.1, refreshAheadRatio: 0.2, random: () => 0.5 };

describe('jitteredExpiryMs', () => {
  it('pulls expiry earlier by random() * jitterRatio * ttl', () => {
    expect(jitteredExpiryMs(1_000, options)).toBe(1_000 + 300_000 - 15_000);
    expect(jitteredExpiryMs(0, { ...options, random: () => 0 })).toBe(300_000);
  });
});

describe('createEntry', () => {
  it('computes fresh-until and the refresh-ahead start from the jittered expiry', () => {
    // Act
    const entry = createEntry({ value: 'v', sizeBytes: 1 }, 0, options);
    // Assess
    expect(entry.freshUntilMs).toBe(285_000);
    expect(entry.refreshFromMs).toBe(285_000 - 60_000);
  });

  it('calls random() once per entry', () => {
    // Prepare
    let calls = 0;
    // Act
    createEntry({ value: 'v', sizeBytes: 1, notAfterMs: 1_000 }, 0, {
      ...options,
      random: () => {
        calls++;
        return 0;
      },
    });
    // Assess
    expect(calls).toBe(1);
  });

  it('caps freshness at notAfterMs and does not refresh ahead of it', () => {
    const entry = createEntry({ value: 'v', sizeBytes: 1, notAfterMs: 10_000 }, 0, options);
    expect(entry.freshUntilMs).toBe(10_000);
    expect(entry.refreshFromMs).toBe(10_000);
  });

  it('ignores a notAfterMs later than the TTL or already past', () => {
    expect(createEntry({ value: 'v', sizeBytes: 1, notAfterMs: 10_000_000 }, 0, options).freshUntilMs).toBe(
      285_000,
    );
    expect(createEntry({ value: 'v', sizeBytes: 1, notAfterMs: 500 }, 1_000, options).freshUntilMs).toBe(
      286_000,
    );
  });

  it('never expires an immutable value', () => {
    const entry = createEntry({ value: 'v', sizeBytes: 1, immutable: true, notAfterMs: 5 }, 0, options);
    expect(entry.freshUntilMs).toBe(Number.POSITIVE_INFINITY);
    expect(entry.refreshFromMs).toBe(Number.POSITIVE_INFINITY);
  });
});
