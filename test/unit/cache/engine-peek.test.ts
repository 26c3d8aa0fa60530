import { describe, expect, it } from 'vitest';
import { scripted, setup, types } from './fakes.js';

const take = (value: string, suffix: string): string => `${value}${suffix}`;
const refuse = (): undefined => undefined;

describe('createCacheEngine', () => {
  describe('peekFresh (the synchronous hit path)', () => {
    it('returns what take makes of a fresh current value, counted once as a hit', async () => {
      const { engine, events } = setup();
      await engine.get('k', scripted({ value: 'v1' }));
      expect(engine.peekFresh('k', take, '!')).toBe('v1!');
      expect(engine.stats()).toMatchObject({ hits: 1, misses: 1 });
      expect(types(events)).toEqual(['miss', 'loaded', 'hit']);
    });

    it('counts nothing when take refuses the value, so the full path can count it once', async () => {
      const { engine, events } = setup();
      await engine.get('k', scripted({ value: 'v1' }));
      expect(engine.peekFresh('k', refuse, undefined)).toBeUndefined();
      expect(engine.stats()).toMatchObject({ hits: 0, misses: 1 });
      expect(types(events)).toEqual(['miss', 'loaded']);
    });

    it('finds nothing for a value of another selector, an unknown id, or inside the refresh-ahead window', async () => {
      const { engine, clock } = setup({ ttlMs: 10_000, refreshAheadRatio: 0.2 });
      await engine.get('k', scripted({ value: 'old' }), { selector: 'stage:AWSPREVIOUS' });
      expect(engine.peekFresh('k', take, '')).toBeUndefined();
      expect(engine.peekFresh('other', take, '')).toBeUndefined();
      await engine.get('k', scripted({ value: 'v1' }));
      expect(engine.peekFresh('k', take, '')).toBe('v1');
      clock.advance(8_000); // refresh-ahead from 8 s: the full path must start the refresh
      expect(engine.peekFresh('k', take, '')).toBeUndefined();
    });

    it('finds nothing once the current value is invalidated or evicted, and after close()', async () => {
      const { engine } = setup({ maxEntries: 1 });
      await engine.get('k', scripted({ value: 'v1' }));
      engine.invalidate('k');
      expect(engine.peekFresh('k', take, '')).toBeUndefined();
      await engine.get('k', scripted({ value: 'v2' }));
      await engine.get('j', scripted({ value: 'other' })); // evicts k
      expect(engine.peekFresh('k', take, '')).toBeUndefined();
      expect(engine.peekFresh('j', take, '')).toBe('other');
      engine.close();
      expect(engine.peekFresh('j', take, '')).toBeUndefined();
    });

    it('forgets the current value a too-large reload replaced, while the secret keeps other selectors', async () => {
      const { engine } = setup({ maxBytes: 5_000 });
      await engine.get('k', scripted({ value: 'previous' }), { selector: 'stage:AWSPREVIOUS' });
      await engine.get('k', scripted({ value: 'v1' }));
      const big = scripted({ result: { value: 'v2', sizeBytes: 6_000 } });
      expect(await engine.get('k', big, { forceRefresh: true })).toBe('v2');
      expect(engine.peekFresh('k', take, '')).toBeUndefined();
    });
  });

  describe('listens', () => {
    it('builds no hit, miss or loaded event while it says nobody listens, and counts all the same', async () => {
      let listening = false;
      const { engine, events } = setup({ listens: () => listening });
      const loader = scripted({ value: 'v1' });
      await engine.get('k', loader);
      await engine.get('k', loader);
      engine.peekFresh('k', take, '');
      expect(types(events)).toEqual([]);
      listening = true;
      await engine.get('k', loader);
      engine.peekFresh('k', take, '');
      await engine.get('j', loader);
      expect(types(events)).toEqual(['hit', 'hit', 'miss', 'loaded']);
      expect(engine.stats()).toMatchObject({ hits: 4, misses: 2 });
    });
  });
});

describe('identityOf', () => {
  it('is the identity the loader named, under every id it was read by, until the value goes', async () => {
    const { engine } = setup();
    const named = { value: 'v1', sizeBytes: 1, identity: 'arn:x::1:secret:a-AbCdEf', name: 'a' };
    expect(engine.identityOf('a')).toBeUndefined();
    await engine.get('a', scripted({ result: named }));
    expect(engine.identityOf('a')).toBe('arn:x::1:secret:a-AbCdEf');
    await engine.get('b', scripted({ value: 'unnamed' }));
    expect(engine.identityOf('b')).toBeUndefined(); // keyed by the id itself: nothing learned
    engine.invalidate('a');
    expect(engine.identityOf('a')).toBeUndefined();
  });
});
