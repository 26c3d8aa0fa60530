import { describe, expect, it } from 'vitest';
import { answer, fault, flush, scripted, setup, types } from './fakes.js';

/** ttl 1 s, no jitter, no stale-while-revalidate: every read after 1 s needs a load. */
const base = { ttlMs: 1_000, staleWhileRevalidateMs: 0, maxStaleMs: 60_000, backoffBaseMs: 1_000 } as const;

describe('createCacheEngine', () => {
  describe('get', () => {
    describe('on a fault', () => {
      it('serves the last good value, reports it and records the failure', async () => {
        // Prepare
        const { engine, clock, events } = setup(base);
        const error = fault();
        const loader = scripted<string>({ value: 'v1' }, { error });
        await engine.get('k', loader);
        events.length = 0;
        // Act
        clock.set(3_000);
        const value = await engine.get('k', loader);
        // Assess
        expect(value).toBe('v1');
        expect(loader.calls).toBe(2);
        expect(events).toEqual([
          { type: 'miss', secretId: 'k', selector: '' },
          { type: 'refresh', secretId: 'k', selector: '', background: false },
          { type: 'load-error', secretId: 'k', selector: '', error, failures: 1, durationMs: 0 },
          { type: 'stale', secretId: 'k', selector: '', ageMs: 2_000, error },
        ]);
        expect(engine.stats()).toMatchObject({ staleServed: 1, loadErrors: 1, entries: 1 });
      });

      it('does not call the loader during the backoff, serving the stale value', async () => {
        // Prepare: random 0 -> backoff after n failures is 1000 * 2^(n-1) / 2
        const { engine, clock } = setup(base);
        const loader = scripted<string>({ value: 'v1' }, { error: fault() });
        await engine.get('k', loader);
        clock.set(2_000);
        await engine.get('k', loader); // failure 1 -> retry at 2_500
        // Act + Assess
        clock.set(2_499);
        expect(await engine.get('k', loader)).toBe('v1');
        expect(loader.calls).toBe(2);
        clock.set(2_500);
        expect(await engine.get('k', loader)).toBe('v1'); // failure 2 -> retry at 3_500
        expect(loader.calls).toBe(3);
        clock.set(3_499);
        expect(await engine.get('k', loader)).toBe('v1');
        expect(loader.calls).toBe(3);
        clock.set(3_500);
        await engine.get('k', loader); // failure 3 -> retry at 5_500
        clock.set(5_499);
        await engine.get('k', loader);
        expect(loader.calls).toBe(4);
        expect(engine.stats().staleServed).toBe(6);
      });

      it('backs off exponentially with jitter, capped at backoffMaxMs', async () => {
        // Prepare
        const { engine, clock, events } = setup({
          ...base,
          maxStaleMs: 900_000,
          backoffMaxMs: 4_000,
          random: () => 0.5,
          jitterRatio: 0,
        });
        const loader = scripted<string>({ value: 'v1' }, { error: fault() });
        await engine.get('k', loader);
        const attempts: number[] = [];
        // Act: read every 10 ms for 30 s
        for (let t = 1_000; t <= 31_000; t += 10) {
          clock.set(t);
          const before = loader.calls;
          await engine.get('k', loader);
          if (loader.calls > before) attempts.push(t);
        }
        // Assess: waits of 0.75 * (1000, 2000, 4000, 4000, ...)
        const gaps = attempts.slice(1).map((t, i) => t - (attempts[i] ?? 0));
        expect(gaps.slice(0, 5)).toEqual([750, 1_500, 3_000, 3_000, 3_000]);
        const failures = events.flatMap((e) => (e.type === 'load-error' ? [e.failures] : []));
        expect(failures.slice(0, 4)).toEqual([1, 2, 3, 4]);
      });

      it('resets the failure count after a success', async () => {
        // Prepare
        const { engine, clock } = setup(base);
        const loader = scripted<string>(
          { value: 'v1' },
          { error: fault() },
          { error: fault() },
          { value: 'v2' },
          {
            error: fault(),
          },
        );
        await engine.get('k', loader);
        clock.set(1_000);
        await engine.get('k', loader); // failure 1, retry at 1_500
        clock.set(1_500);
        await engine.get('k', loader); // failure 2, retry at 2_500
        clock.set(2_500);
        expect(await engine.get('k', loader)).toBe('v2'); // fresh until 3_500
        // Act
        clock.set(3_500);
        await engine.get('k', loader); // failure 1 again, retry at 4_000
        clock.set(4_000);
        await engine.get('k', loader);
        // Assess
        expect(loader.calls).toBe(6);
      });

      it('fails closed past maxStaleMs', async () => {
        // Prepare
        const { engine, clock } = setup({ ...base, maxStaleMs: 5_000 });
        const error = fault();
        const loader = scripted<string>({ value: 'v1' }, { error });
        await engine.get('k', loader);
        // Act + Assess: expired at 1_000; stale allowed up to 6_000
        clock.set(6_000);
        expect(await engine.get('k', loader)).toBe('v1');
        clock.set(6_001);
        await expect(engine.get('k', loader)).rejects.toBe(error); // in backoff
        clock.set(60_000);
        await expect(engine.get('k', loader)).rejects.toBe(error); // after a new failed load
        expect(loader.calls).toBe(3);
      });

      it('never serves stale when maxStaleMs is 0', async () => {
        const { engine, clock } = setup({ ...base, maxStaleMs: 0 });
        const error = fault();
        const loader = scripted<string>({ value: 'v1' }, { error });
        await engine.get('k', loader);
        clock.set(1_001);
        await expect(engine.get('k', loader)).rejects.toBe(error);
        await expect(engine.get('k', loader)).rejects.toBe(error);
        expect(loader.calls).toBe(2);
      });

      it('rethrows the last fault at once during the backoff of a key with no value', async () => {
        // Prepare
        const { engine, clock } = setup(base);
        const error = fault();
        const loader = scripted<string>({ error }, { value: 'v1' });
        await expect(engine.get('k', loader)).rejects.toBe(error); // retry at 500
        // Act + Assess
        clock.set(499);
        await expect(engine.get('k', loader)).rejects.toBe(error);
        expect(loader.calls).toBe(1);
        clock.set(500);
        expect(await engine.get('k', loader)).toBe('v1');
        expect(loader.calls).toBe(2);
      });

      it('keeps serving a fresh value after a failed background refresh', async () => {
        const { engine, clock } = setup({ ttlMs: 100_000 });
        const loader = scripted<string>({ value: 'v1' }, { error: fault() });
        await engine.get('k', loader);
        clock.set(90_000);
        await engine.get('k', loader);
        await flush();
        expect(await engine.get('k', loader)).toBe('v1');
        expect(engine.stats()).toMatchObject({ staleServed: 0, loadErrors: 1, entries: 1 });
      });
    });

    describe('on an answer', () => {
      it('evicts the entry and throws, never serving the stale value', async () => {
        // Prepare
        const { engine, clock, events } = setup(base);
        const error = answer();
        const loader = scripted<string>({ value: 'v1' }, { error }, { value: 'v2' });
        await engine.get('k', loader);
        events.length = 0;
        // Act
        clock.set(2_000);
        await expect(engine.get('k', loader)).rejects.toBe(error);
        // Assess
        expect(events).toContainEqual({ type: 'evict', secretId: 'k', selector: '', reason: 'answer' });
        expect(events).toContainEqual({
          type: 'load-error',
          secretId: 'k',
          selector: '',
          error,
          failures: 0,
          durationMs: 0,
        });
        expect(types(events)).not.toContain('stale');
        expect(engine.stats()).toMatchObject({ entries: 0, staleServed: 0 });
        expect(await engine.get('k', loader)).toBe('v2'); // no backoff after an answer
        expect(loader.calls).toBe(3);
      });

      it('evicts on an answer from a background refresh', async () => {
        const { engine, clock } = setup({ ttlMs: 100_000 });
        const error = answer();
        const loader = scripted<string>({ value: 'v1' }, { error });
        await engine.get('k', loader);
        clock.set(90_000);
        expect(await engine.get('k', loader)).toBe('v1');
        await flush();
        expect(engine.hasFresh('k')).toBe(false);
        await expect(engine.get('k', loader)).rejects.toBe(error);
      });

      it('treats an error it cannot classify as an answer (fail closed)', async () => {
        const { engine, clock } = setup(base);
        const error = new Error('weird');
        const loader = scripted<string>({ value: 'v1' }, { error });
        await engine.get('k', loader);
        clock.set(2_000);
        await expect(engine.get('k', loader)).rejects.toBe(error);
      });

      it('uses the injected isFault', async () => {
        const { engine, clock } = setup({ ...base, isFault: () => true });
        const loader = scripted<string>({ value: 'v1' }, { error: answer() });
        await engine.get('k', loader);
        clock.set(2_000);
        expect(await engine.get('k', loader)).toBe('v1');
      });
    });
  });
});
