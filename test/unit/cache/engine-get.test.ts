import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fault, flush, isSettled, manual, scripted, setup, types } from './fakes.js';

describe('createCacheEngine', () => {
  describe('get', () => {
    it('loads on a miss, then serves hits without calling the loader', async () => {
      // Prepare
      const { engine, clock, events } = setup();
      const loader = scripted({ value: 'v1' });
      // Act
      const first = await engine.get('k', loader);
      clock.advance(1_000);
      const second = await engine.get('k', loader);
      // Assess
      expect([first, second]).toEqual(['v1', 'v1']);
      expect(loader.calls).toBe(1);
      expect(types(events)).toEqual(['miss', 'loaded', 'hit']);
      expect(engine.stats()).toMatchObject({ hits: 1, misses: 1, refreshes: 0, entries: 1, inFlight: 0 });
    });

    it('passes an AbortSignal to the loader', async () => {
      const { engine } = setup();
      const loader = scripted({ value: 'v1' });
      await engine.get('k', loader);
      expect(loader.signals[0]).toBeInstanceOf(AbortSignal);
      expect(loader.signals[0]?.aborted).toBe(false);
    });

    it('keeps keys apart', async () => {
      const { engine } = setup();
      await engine.get('a', scripted({ value: 'A' }));
      expect(await engine.get('b', scripted({ value: 'B' }))).toBe('B');
      expect(await engine.get('a', scripted({ value: 'other' }))).toBe('A');
    });

    it('reloads (and waits) once the TTL and the stale-while-revalidate window have passed', async () => {
      // Prepare
      const { engine, clock } = setup({ ttlMs: 10_000, staleWhileRevalidateMs: 5_000 });
      const loader = manual<string>();
      const first = engine.get('k', loader);
      loader.resolve('v1');
      await first;
      // Act
      clock.set(15_000);
      const read = engine.get('k', loader);
      // Assess: the caller waits for the load
      expect(await isSettled(read)).toBe(false);
      loader.resolve('v2');
      expect(await read).toBe('v2');
      expect(loader.calls).toBe(2);
    });

    it('jitters expiry earlier by random() * jitterRatio * ttl', async () => {
      // Prepare
      const { engine, clock } = setup({ ttlMs: 100_000, jitterRatio: 0.1, random: () => 0.5 });
      await engine.get('k', scripted({ value: 'v1' }));
      // Act + Assess: fresh until 100_000 - 5_000
      clock.set(94_999);
      expect(engine.hasFresh('k')).toBe(true);
      clock.set(95_000);
      expect(engine.hasFresh('k')).toBe(false);
    });

    it('spreads the expiry of entries loaded together', async () => {
      // Prepare
      const randoms = [0, 0.99];
      const { engine, clock } = setup({
        ttlMs: 100_000,
        jitterRatio: 0.1,
        random: () => randoms.shift() ?? 0,
      });
      await engine.get('a', scripted({ value: 'A' }));
      await engine.get('b', scripted({ value: 'B' }));
      // Act
      clock.set(95_000);
      // Assess
      expect(engine.hasFresh('a')).toBe(true);
      expect(engine.hasFresh('b')).toBe(false);
    });

    it('caps freshness at notAfterMs', async () => {
      // Prepare
      const { engine, clock } = setup({ ttlMs: 100_000, staleWhileRevalidateMs: 0 });
      const loader = scripted<string>(
        { result: { value: 'v1', sizeBytes: 1, notAfterMs: 30_000 } },
        { value: 'v2' },
      );
      await engine.get('k', loader);
      // Act
      clock.set(29_999);
      const before = await engine.get('k', loader);
      clock.set(30_000);
      const after = await engine.get('k', loader);
      // Assess: no refresh ahead of the rotation date; reload at it
      expect([before, after]).toEqual(['v1', 'v2']);
      expect(loader.calls).toBe(2);
    });

    it('never expires an immutable value', async () => {
      // Prepare
      const { engine, clock, events } = setup();
      const loader = scripted<string>(
        { result: { value: 'v1', sizeBytes: 1, immutable: true } },
        { value: 'v2' },
      );
      await engine.get('k', loader);
      // Act
      clock.advance(10 * 365 * 24 * 3_600_000);
      const value = await engine.get('k', loader);
      await flush();
      // Assess
      expect(value).toBe('v1');
      expect(loader.calls).toBe(1);
      expect(engine.hasFresh('k')).toBe(true);
      expect(types(events)).toEqual(['miss', 'loaded', 'hit']);
    });

    describe('refresh ahead', () => {
      it('does not refresh before the last refreshAheadRatio of the TTL', async () => {
        const { engine, clock } = setup({ ttlMs: 100_000, refreshAheadRatio: 0.2 });
        const loader = scripted({ value: 'v1' }, { value: 'v2' });
        await engine.get('k', loader);
        clock.set(79_999);
        await engine.get('k', loader);
        await flush();
        expect(loader.calls).toBe(1);
      });

      it('returns the cached value at once and starts exactly one background refresh', async () => {
        // Prepare
        const { engine, clock, events } = setup({ ttlMs: 100_000, refreshAheadRatio: 0.2 });
        const loader = manual<string>();
        const first = engine.get('k', loader);
        loader.resolve('v1');
        await first;
        events.length = 0;
        // Act
        clock.set(80_000);
        const during = await Promise.all([
          engine.get('k', loader),
          engine.get('k', loader),
          engine.get('k', loader),
        ]);
        // Assess: old value served while the refresh is still pending
        expect(during).toEqual(['v1', 'v1', 'v1']);
        expect(loader.calls).toBe(2);
        expect(engine.stats()).toMatchObject({ backgroundRefreshes: 1, refreshes: 1, inFlight: 1 });
        expect(events).toEqual([
          { type: 'hit', secretId: 'k', selector: '' },
          { type: 'refresh', secretId: 'k', selector: '', background: true },
          { type: 'hit', secretId: 'k', selector: '' },
          { type: 'hit', secretId: 'k', selector: '' },
        ]);
        loader.resolve('v2');
        await flush();
        expect(await engine.get('k', loader)).toBe('v2');
        expect(loader.calls).toBe(2);
        expect(engine.stats().inFlight).toBe(0);
      });

      it('renews freshness from the refresh time', async () => {
        const { engine, clock } = setup({ ttlMs: 100_000, refreshAheadRatio: 0.2 });
        const loader = scripted({ value: 'v1' }, { value: 'v2' });
        await engine.get('k', loader);
        clock.set(90_000);
        await engine.get('k', loader);
        await flush();
        clock.set(169_999);
        expect(await engine.get('k', loader)).toBe('v2');
        await flush();
        expect(loader.calls).toBe(2);
      });

      it('never causes an unhandled rejection when the background refresh fails', async () => {
        // Prepare
        const unhandled: unknown[] = [];
        const onUnhandled = (reason: unknown) => unhandled.push(reason);
        process.on('unhandledRejection', onUnhandled);
        try {
          const { engine, clock, events } = setup({ ttlMs: 100_000 });
          const loader = scripted<string>({ value: 'v1' }, { error: fault() });
          await engine.get('k', loader);
          clock.set(85_000);
          // Act
          const value = await engine.get('k', loader);
          await flush();
          // Assess
          expect(value).toBe('v1');
          expect(loader.calls).toBe(2);
          expect(unhandled).toEqual([]);
          expect(engine.stats().loadErrors).toBe(1);
          expect(types(events)).toContain('load-error');
        } finally {
          process.off('unhandledRejection', onUnhandled);
        }
      });

      it('does not refresh ahead while the key is backing off after a fault', async () => {
        // Prepare: random 0 -> first backoff is 500 ms
        const { engine, clock } = setup({ ttlMs: 100_000, backoffBaseMs: 1_000 });
        const loader = scripted<string>({ value: 'v1' }, { error: fault() }, { value: 'v2' });
        await engine.get('k', loader);
        clock.set(85_000);
        await engine.get('k', loader);
        await flush();
        // Act
        clock.set(85_499);
        const inBackoff = await engine.get('k', loader);
        await flush();
        const callsInBackoff = loader.calls;
        clock.set(85_500);
        await engine.get('k', loader);
        await flush();
        // Assess
        expect(inBackoff).toBe('v1');
        expect(callsInBackoff).toBe(2);
        expect(loader.calls).toBe(3);
        expect(await engine.get('k', loader)).toBe('v2');
      });
    });

    describe('stale while revalidate', () => {
      it('returns the expired value at once and refreshes once in the background', async () => {
        // Prepare
        const { engine, clock, events } = setup({ ttlMs: 100_000, staleWhileRevalidateMs: 60_000 });
        const loader = manual<string>();
        const first = engine.get('k', loader);
        loader.resolve('v1');
        await first;
        events.length = 0;
        // Act
        clock.set(159_999);
        const values = await Promise.all([engine.get('k', loader), engine.get('k', loader)]);
        // Assess
        expect(values).toEqual(['v1', 'v1']);
        expect(loader.calls).toBe(2);
        expect(types(events)).toEqual(['stale', 'refresh', 'stale']);
        expect(events[1]).toEqual({ type: 'refresh', secretId: 'k', selector: '', background: true });
        loader.resolve('v2');
        await flush();
        expect(await engine.get('k', loader)).toBe('v2');
      });

      it('makes the caller wait once the window has passed', async () => {
        // Prepare
        const { engine, clock, events } = setup({ ttlMs: 100_000, staleWhileRevalidateMs: 60_000 });
        const loader = manual<string>();
        const first = engine.get('k', loader);
        loader.resolve('v1');
        await first;
        events.length = 0;
        // Act
        clock.set(160_000);
        const read = engine.get('k', loader);
        // Assess
        expect(await isSettled(read)).toBe(false);
        expect(events).toEqual([
          { type: 'miss', secretId: 'k', selector: '' },
          { type: 'refresh', secretId: 'k', selector: '', background: false },
        ]);
        loader.resolve('v2');
        expect(await read).toBe('v2');
        expect(engine.stats()).toMatchObject({ refreshes: 1, backgroundRefreshes: 0 });
      });

      it('is off when staleWhileRevalidateMs is 0', async () => {
        const { engine, clock } = setup({ ttlMs: 100_000, staleWhileRevalidateMs: 0 });
        const loader = manual<string>();
        const first = engine.get('k', loader);
        loader.resolve('v1');
        await first;
        clock.set(100_000);
        const read = engine.get('k', loader);
        expect(await isSettled(read)).toBe(false);
        loader.resolve('v2');
        expect(await read).toBe('v2');
      });
    });

    describe('forceRefresh', () => {
      let unhandled: unknown[];
      const onUnhandled = (reason: unknown) => unhandled.push(reason);
      beforeEach(() => {
        unhandled = [];
        process.on('unhandledRejection', onUnhandled);
      });
      afterEach(() => {
        process.off('unhandledRejection', onUnhandled);
        expect(unhandled).toEqual([]);
      });

      it('loads even when the value is fresh', async () => {
        const { engine, clock } = setup();
        const loader = scripted({ value: 'v1' }, { value: 'v2' });
        await engine.get('k', loader);
        clock.advance(1);
        expect(await engine.get('k', loader, { forceRefresh: true })).toBe('v2');
        expect(loader.calls).toBe(2);
        expect(await engine.get('k', loader)).toBe('v2');
      });

      it('joins a load already in flight', async () => {
        // Prepare
        const { engine } = setup();
        const loader = manual<string>();
        const miss = engine.get('k', loader);
        // Act
        const forced = engine.get('k', loader, { forceRefresh: true });
        loader.resolve('v1');
        // Assess
        expect(await Promise.all([miss, forced])).toEqual(['v1', 'v1']);
        expect(loader.calls).toBe(1);
      });

      it('ignores the backoff of a key with no value', async () => {
        const { engine } = setup();
        const loader = scripted<string>({ error: fault() }, { value: 'v1' });
        await expect(engine.get('k', loader)).rejects.toThrow('Rate exceeded');
        await expect(engine.get('k', loader)).rejects.toThrow('Rate exceeded');
        expect(loader.calls).toBe(1);
        expect(await engine.get('k', loader, { forceRefresh: true })).toBe('v1');
        expect(loader.calls).toBe(2);
      });

      it('ignores the backoff of a key with a stale value', async () => {
        // Prepare
        const { engine, clock } = setup({ ttlMs: 1_000, staleWhileRevalidateMs: 0 });
        const loader = scripted<string>({ value: 'v1' }, { error: fault() }, { value: 'v2' });
        await engine.get('k', loader);
        clock.set(1_000);
        expect(await engine.get('k', loader)).toBe('v1');
        // Act
        const forced = await engine.get('k', loader, { forceRefresh: true });
        // Assess
        expect(forced).toBe('v2');
        expect(loader.calls).toBe(3);
      });
    });
  });
});
