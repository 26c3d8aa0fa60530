import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { isSecretkitError } from '../../../src/errors/secretkit-error.js';
import { answer, fault, flush, isSettled, manual, scripted, setup, types } from './fakes.js';

describe('createCacheEngine', () => {
  describe('set', () => {
    it('stores a value loaded elsewhere, served as a hit', async () => {
      const { engine } = setup();
      const loader = scripted({ value: 'loaded' });
      engine.set('k', { value: 'preloaded', sizeBytes: 9 });
      expect(await engine.get('k', loader)).toBe('preloaded');
      expect(loader.calls).toBe(0);
    });

    it('keeps a load that was in flight from overwriting the newer value', async () => {
      // Prepare
      const { engine } = setup();
      const loader = manual<string>();
      const read = engine.get('k', loader);
      // Act
      engine.set('k', { value: 'written', sizeBytes: 1 });
      loader.resolve('old');
      // Assess: the waiting caller gets its load's result, the cache keeps the write
      expect(await read).toBe('old');
      expect(await engine.get('k', loader)).toBe('written');
    });

    it('clears the backoff of the key', async () => {
      const { engine } = setup();
      const loader = scripted<string>({ error: fault() });
      await expect(engine.get('k', loader)).rejects.toThrow();
      engine.set('k', { value: 'v', sizeBytes: 1 });
      expect(await engine.get('k', loader)).toBe('v');
    });
  });

  describe('hasFresh', () => {
    it('is true only for a present, unexpired value', async () => {
      const { engine, clock } = setup({ ttlMs: 1_000 });
      expect(engine.hasFresh('k')).toBe(false);
      engine.set('k', { value: 'v', sizeBytes: 1 });
      clock.set(999);
      expect(engine.hasFresh('k')).toBe(true);
      clock.set(1_000);
      expect(engine.hasFresh('k')).toBe(false);
    });
  });

  describe('invalidate', () => {
    it('drops every selector of the secret, reports them and returns how many', async () => {
      // Prepare
      const { engine, events } = setup();
      engine.set('a', { value: 'a1', sizeBytes: 1 }, { selector: '1' });
      engine.set('a', { value: 'a2', sizeBytes: 1 }, { selector: '2' });
      engine.set('b', { value: 'b1', sizeBytes: 1 }, { selector: '1' });
      const loader = scripted({ value: 'reloaded' });
      // Act
      const dropped = engine.invalidate('a');
      // Assess
      expect(dropped).toBe(2);
      expect(events).toHaveLength(2);
      expect(events).toEqual(
        expect.arrayContaining([
          { type: 'evict', secretId: 'a', selector: '1', reason: 'invalidate' },
          { type: 'evict', secretId: 'a', selector: '2', reason: 'invalidate' },
        ]),
      );
      expect(await engine.get('a', loader, { selector: '1' })).toBe('reloaded');
      expect(await engine.get('b', loader, { selector: '1' })).toBe('b1');
      expect(loader.calls).toBe(1);
    });

    it('finds the secret under every id it was read by, and by its name', async () => {
      // Prepare: one secret read by name and by ARN (the loader names it), another by name
      const { engine } = setup({ namesOf: (id) => [id.replace(/^arn:/, '')] });
      const loader = scripted<string>(
        { result: { value: 'v', sizeBytes: 1, identity: 'arn:app', name: 'app', ids: ['arn:app'] } },
        { result: { value: 'w', sizeBytes: 1, identity: 'arn:other', name: 'other' } },
        { value: 'reloaded' },
      );
      await engine.get('app', loader);
      await engine.get('other', loader);
      // Assess: the ARN is an alias of the name's record: a hit, no load
      expect(await engine.get('arn:app', loader)).toBe('v');
      expect(loader.calls).toBe(2);
      // Act: invalidate by an id never read, whose name is the secret's
      expect(engine.invalidate('arn:app')).toBe(1);
      // Assess
      expect(engine.hasFresh('app')).toBe(false);
      expect(engine.hasFresh('other')).toBe(true);
      expect(await engine.get('app', loader)).toBe('reloaded');
    });

    it('does not store a load that was in flight, and later reads load again', async () => {
      // Prepare
      const { engine } = setup();
      const loader = manual<string>();
      const read = engine.get('k', loader);
      // Act
      engine.invalidate();
      const after = engine.get('k', loader);
      loader.resolve('before-invalidate');
      loader.resolve('after-invalidate');
      // Assess
      expect(await read).toBe('before-invalidate');
      expect(await after).toBe('after-invalidate');
      expect(await engine.get('k', loader)).toBe('after-invalidate');
      expect(loader.calls).toBe(2);
    });

    it('does not back off on a fault from a load that was invalidated meanwhile', async () => {
      // Prepare
      const { engine } = setup();
      const loader = manual<string>();
      const read = engine.get('k', loader).catch((e: unknown) => e);
      const other = engine.get('other', loader).catch((e: unknown) => e);
      // Act
      engine.invalidate('k');
      loader.reject(fault());
      loader.reject(fault());
      await Promise.all([read, other]);
      const next = engine.get('k', loader);
      loader.resolve('v');
      // Assess: 'k' loads again at once, 'other' is backing off
      expect(await next).toBe('v');
      await expect(engine.get('other', loader)).rejects.toThrow('Rate exceeded');
      expect(loader.calls).toBe(3);
    });

    it('clears the backoff of matching keys only', async () => {
      const { engine } = setup();
      const loader = scripted<string>({ error: fault() }, { error: fault() }, { value: 'v' });
      await expect(engine.get('k', loader)).rejects.toThrow();
      await expect(engine.get('other', loader)).rejects.toThrow();
      expect(engine.invalidate('k')).toBe(0);
      expect(await engine.get('k', loader)).toBe('v');
      await expect(engine.get('other', loader)).rejects.toThrow('Rate exceeded');
      expect(loader.calls).toBe(3);
    });
  });

  describe('LRU bound', () => {
    it('evicts the least recently used entry beyond maxEntries', async () => {
      // Prepare
      const { engine, events } = setup({ maxEntries: 2 });
      const loader = scripted({ value: 'new' });
      engine.set('a', { value: 'A', sizeBytes: 1 });
      engine.set('b', { value: 'B', sizeBytes: 1 });
      await engine.get('a', loader); // a is now the most recent
      // Act
      engine.set('c', { value: 'C', sizeBytes: 1 });
      // Assess
      expect(events).toContainEqual({ type: 'evict', secretId: 'b', selector: '', reason: 'lru' });
      expect(engine.stats().entries).toBe(2);
      expect(await engine.get('a', loader)).toBe('A');
      expect(await engine.get('b', loader)).toBe('new');
    });

    it('bounds an immutable entry too', async () => {
      const { engine } = setup({ maxEntries: 1 });
      engine.set('v1', { value: 'A', sizeBytes: 1, immutable: true });
      engine.set('v2', { value: 'B', sizeBytes: 1, immutable: true });
      expect(engine.hasFresh('v1')).toBe(false);
      expect(engine.hasFresh('v2')).toBe(true);
    });

    it('bounds the total sizeBytes when maxBytes is set', async () => {
      // Prepare
      // (each record also costs about 1 KB of bookkeeping: record, slot, alias; see record.ts)
      const { engine, events } = setup({ maxBytes: 3_000 });
      engine.set('a', { value: 'A', sizeBytes: 1_500 });
      // Act
      engine.set('b', { value: 'B', sizeBytes: 1_200 });
      engine.set('huge', { value: 'H', sizeBytes: 3_001 });
      // Assess
      expect(events).toEqual([{ type: 'evict', secretId: 'a', selector: '', reason: 'lru' }]);
      expect(engine.hasFresh('a')).toBe(false);
      expect(engine.hasFresh('b')).toBe(true);
      expect(engine.hasFresh('huge')).toBe(false);
    });

    it('still returns a value too large to cache', async () => {
      const { engine } = setup({ maxBytes: 10 });
      const loader = scripted<string>({ result: { value: 'big', sizeBytes: 11 } });
      expect(await engine.get('k', loader)).toBe('big');
      expect(await engine.get('k', loader)).toBe('big');
      expect(loader.calls).toBe(2);
    });
  });

  describe('stats', () => {
    it('counts hits, misses, refreshes, stale serves, errors, entries and loads in flight', async () => {
      // Prepare
      const { engine, clock } = setup({ ttlMs: 1_000, staleWhileRevalidateMs: 0 });
      const loader = scripted<string>({ value: 'v1' }, { value: 'v2' }, { error: fault() });
      // Act
      await engine.get('k', loader); // miss
      await engine.get('k', loader); // hit
      clock.set(850);
      await engine.get('k', loader); // hit + background refresh (v2, fresh until 1_850)
      await flush();
      clock.set(2_000);
      await engine.get('k', loader); // miss + refresh -> fault -> stale
      await expect(engine.get('x', scripted<string>({ error: answer() }))).rejects.toThrow(); // miss + error
      // Assess
      expect(engine.stats()).toEqual({
        hits: 2,
        misses: 3,
        staleServed: 1,
        refreshes: 2,
        backgroundRefreshes: 1,
        loadErrors: 2,
        entries: 1,
        inFlight: 0,
      });
    });
  });

  describe('close', () => {
    it('aborts loads in flight and rejects their callers with CLIENT_CLOSED', async () => {
      // Prepare
      const { engine } = setup();
      const loader = manual<string>(); // never settles by itself
      const read = engine.get('k', loader).catch((e: unknown) => e);
      // Act
      engine.close();
      // Assess
      expect(loader.signals[0]?.aborted).toBe(true);
      expect(isSecretkitError(await read, 'CLIENT_CLOSED')).toBe(true);
      expect(engine.stats()).toMatchObject({ entries: 0, inFlight: 0 });
    });

    it('ignores what an aborted loader throws after the close', async () => {
      // Prepare
      const { engine, events } = setup();
      const loader = (signal: AbortSignal) =>
        new Promise<never>((_, reject) => signal.addEventListener('abort', () => reject(fault('aborted'))));
      const read = engine.get('k', loader).catch((e: unknown) => e);
      events.length = 0;
      // Act
      engine.close();
      await flush();
      // Assess
      expect(isSecretkitError(await read, 'CLIENT_CLOSED')).toBe(true);
      expect(events).toEqual([]);
      expect(engine.stats().loadErrors).toBe(0);
    });

    it('leaves nothing pending and rejects later reads', async () => {
      // Prepare
      const { engine, clock } = setup({ ttlMs: 100_000 });
      const loader = manual<string>();
      engine.set('k', { value: 'v', sizeBytes: 1 });
      clock.set(90_000);
      await engine.get('k', loader); // starts a background refresh
      // Act
      engine.close();
      engine.close();
      const later = engine.get('k', loader).catch((e: unknown) => e);
      engine.set('k', { value: 'v', sizeBytes: 1 });
      loader.resolve('late');
      await flush();
      // Assess
      expect(await isSettled(later)).toBe(true);
      expect(isSecretkitError(await later, 'CLIENT_CLOSED')).toBe(true);
      expect(loader.calls).toBe(1);
      expect(engine.hasFresh('k')).toBe(false);
      expect(engine.stats().entries).toBe(0);
    });
  });

  describe('events', () => {
    it('never carry values, nor do inspect or JSON of the engine', async () => {
      // Prepare
      const marker = 'MARKER-s3cr3t-value';
      const { engine, clock, events } = setup({ ttlMs: 1_000, staleWhileRevalidateMs: 0, maxEntries: 1 });
      const loader = scripted<string>({ value: marker }, { error: fault() }, { error: answer() });
      // Act
      await engine.get('k', loader);
      await engine.get('k', loader);
      clock.set(1_000);
      await engine.get('k', loader); // stale
      clock.set(10_000);
      await engine.get('k', loader).catch(() => {}); // answer -> evict
      engine.set('k', { value: marker, sizeBytes: 1 });
      engine.set('other', { value: marker, sizeBytes: 1 }); // lru evict
      const outputs = [
        inspect(events, { depth: 10, showHidden: true }),
        JSON.stringify(events),
        inspect(engine, { depth: 10, showHidden: true }),
        JSON.stringify(engine),
      ];
      // Assess
      expect(types(events)).toEqual(expect.arrayContaining(['miss', 'hit', 'stale', 'load-error', 'evict']));
      for (const output of outputs) expect(output).not.toContain(marker);
    });

    it('are optional', async () => {
      const { engine } = setup({ onEvent: undefined });
      const loader = scripted({ value: 'v' });
      expect(await engine.get('k', loader)).toBe('v');
      expect(await engine.get('k', loader)).toBe('v');
      expect(engine.stats()).toMatchObject({ hits: 1, misses: 1 });
    });

    it('keeps reads working when the listener throws', async () => {
      const { engine } = setup({
        onEvent: () => {
          throw new Error('listener bug');
        },
      });
      const loader = scripted({ value: 'v' });
      expect(await engine.get('k', loader)).toBe('v');
      expect(await engine.get('k', loader)).toBe('v');
    });
  });
});
