import { describe, expect, it } from 'vitest';
import { fault, flush, scripted, setup } from './fakes.js';

/** ttl 1 s, no jitter, a long stale-while-revalidate window, fast backoff. */
const swr = { ttlMs: 1_000, staleWhileRevalidateMs: 60_000, backoffBaseMs: 10, backoffMaxMs: 10 } as const;

/** Reads once every 100 ms from 0.1 s to 59.9 s past expiry while every load faults. */
async function outage(maxStaleMs: number): Promise<{ served: number; failed: number; stale: number }> {
  const { engine, clock } = setup({ ...swr, maxStaleMs });
  const loader = scripted<string>({ value: 'v1' }, { error: fault() });
  await engine.get('k', loader);
  let served = 0;
  let failed = 0;
  for (let t = 1_100; t < 61_000; t += 100) {
    clock.set(t);
    await engine.get('k', loader).then(
      () => served++,
      () => failed++,
    );
    await flush();
  }
  return { served, failed, stale: engine.stats().staleServed };
}

describe('stale-while-revalidate during an outage', () => {
  it('serves nothing past expiry when maxStaleMs is 0', async () => {
    const r = await outage(0);
    expect(r).toEqual({ served: 0, failed: 599, stale: 0 });
  });

  it('serves past expiry only within maxStaleMs, each such read counted as stale', async () => {
    const r = await outage(5_000);
    // reads at 100, ..., 5_000 ms past expiry (the bound is inclusive): 50, each counted as stale (the first starts the refresh)
    expect(r.served).toBe(50);
    expect(r.failed).toBe(549);
    expect(r.stale).toBe(50);
  });
});
