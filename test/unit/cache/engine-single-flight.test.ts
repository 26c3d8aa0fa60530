import { describe, expect, it } from 'vitest';
import { fault, flush, manual, scripted, setup } from './fakes.js';

describe('createCacheEngine', () => {
  describe('get', () => {
    describe('single flight', () => {
      it('calls the loader once for 1,000 concurrent misses', async () => {
        // Prepare
        const { engine } = setup();
        const loader = manual<string>();
        // Act
        const reads = Array.from({ length: 1_000 }, () => engine.get('k', loader));
        const inFlight = engine.stats().inFlight;
        loader.resolve('v1');
        const values = await Promise.all(reads);
        // Assess
        expect(loader.calls).toBe(1);
        expect(inFlight).toBe(1);
        expect(new Set(values)).toEqual(new Set(['v1']));
        expect(values).toHaveLength(1_000);
        expect(engine.stats()).toMatchObject({ misses: 1_000, inFlight: 0, entries: 1 });
      });

      it('shares one failure among every concurrent caller', async () => {
        // Prepare
        const { engine } = setup();
        const loader = manual<string>();
        const error = fault();
        // Act
        const reads = Array.from({ length: 1_000 }, () => engine.get('k', loader).catch((e: unknown) => e));
        loader.reject(error);
        const outcomes = await Promise.all(reads);
        // Assess
        expect(loader.calls).toBe(1);
        expect(outcomes.every((o) => o === error)).toBe(true);
        expect(engine.stats().loadErrors).toBe(1);
      });

      it('makes callers past the stale window join a background refresh already running', async () => {
        // Prepare
        const { engine, clock } = setup({ ttlMs: 100_000, staleWhileRevalidateMs: 10_000 });
        const loader = manual<string>();
        const first = engine.get('k', loader);
        loader.resolve('v1');
        await first;
        clock.set(105_000);
        expect(await engine.get('k', loader)).toBe('v1');
        // Act
        clock.set(200_000);
        const reads = Array.from({ length: 100 }, () => engine.get('k', loader));
        loader.resolve('v2');
        // Assess
        expect(new Set(await Promise.all(reads))).toEqual(new Set(['v2']));
        expect(loader.calls).toBe(2);
      });

      it('runs separate loads for separate keys', async () => {
        const { engine } = setup();
        const loader = scripted({ value: 'v' });
        await Promise.all([engine.get('a', loader), engine.get('b', loader), engine.get('a', loader)]);
        expect(loader.calls).toBe(2);
      });

      it('starts a new load after the previous one settled', async () => {
        const { engine } = setup();
        const loader = scripted<string>({ error: new Error('boom') }, { value: 'v1' });
        await expect(engine.get('k', loader)).rejects.toThrow('boom');
        await flush();
        expect(await engine.get('k', loader)).toBe('v1');
        expect(loader.calls).toBe(2);
      });

      it('rejects its callers, instead of leaving them pending, when the result cannot be stored', async () => {
        // Prepare
        const { engine } = setup({
          random: () => {
            throw new Error('random failed');
          },
        });
        const loader = scripted({ value: 'v' });
        // Act
        const read = engine.get('k', loader);
        // Assess
        await expect(read).rejects.toThrow('random failed');
        expect(engine.stats().inFlight).toBe(0);
      });

      it('handles a loader that throws synchronously', async () => {
        const { engine } = setup();
        const boom = new Error('sync boom');
        const loader = () => {
          throw boom;
        };
        await expect(engine.get('k', loader)).rejects.toBe(boom);
        expect(engine.stats()).toMatchObject({ loadErrors: 1, inFlight: 0 });
      });
    });
  });
});
