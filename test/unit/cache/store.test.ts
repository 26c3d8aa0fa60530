import { describe, expect, it } from 'vitest';
import type { CacheEntry } from '../../../src/cache/entry.js';
import { MAX_ALIASES, RECORD_BYTES } from '../../../src/cache/record.js';
import { RecordStore } from '../../../src/cache/store.js';

const entry = (value: string): CacheEntry<string> =>
  ({ value, freshUntilMs: 1, refreshFromMs: 1, immutable: false }) as unknown as CacheEntry<string>;

describe('RecordStore', () => {
  it('gives a read record a second chance: the clock evicts the unread one first', () => {
    const evicted: string[] = [];
    const store = new RecordStore<string>({ maxEntries: 2 }, (r) => evicted.push(r.key));
    const a = store.ensure('a', ['a']);
    store.setEntry(a, '', entry('A'), 1);
    const b = store.ensure('b', ['b']);
    store.setEntry(b, '', entry('B'), 1);
    a.referenced = true; // a read
    store.setEntry(store.ensure('c', ['c']), '', entry('C'), 1);
    expect(evicted).toEqual(['b']);
    expect(store.byKey('a')).toBe(a);
    expect(a.referenced).toBe(false); // its second chance is spent
  });

  it('keeps at most MAX_ALIASES ids per secret, forgetting the oldest, and counts their bytes', () => {
    const store = new RecordStore<string>({ maxEntries: 10 }, () => undefined);
    const r = store.ensure('arn', ['name']);
    const before = store.bytes;
    for (let i = 0; i < MAX_ALIASES + 3; i++) store.alias(r, `id-${i}`);
    expect(r.aliases).toHaveLength(MAX_ALIASES);
    expect(store.byId('id-0')).toBeUndefined();
    expect(store.byId(`id-${MAX_ALIASES + 2}`)).toBe(r);
    expect(store.bytes).toBeGreaterThan(before);
    store.remove(r);
    expect(store.bytes).toBe(0);
    expect(store.byId(`id-${MAX_ALIASES + 2}`)).toBeUndefined();
  });

  it('bounds failure records by maxBytes like values, and refuses a value larger than maxBytes', () => {
    const evicted: string[] = [];
    const maxBytes = 4 * RECORD_BYTES;
    const store = new RecordStore<string>({ maxEntries: 1_000, maxBytes }, (r) => evicted.push(r.key));
    for (let i = 0; i < 20; i++) {
      const r = store.ensure(`k${i}`, [`k${i}`]);
      store.alias(r, `k${i}`);
      store.setFailure(r, '', { error: new Error('x'), count: 1, retryAtMs: 1 }, 512);
      expect(store.bytes).toBeLessThanOrEqual(maxBytes);
    }
    expect(evicted.length).toBeGreaterThan(10);
    const big = store.ensure('big', ['big']);
    expect(store.setEntry(big, '', entry('B'), maxBytes + 1)).toBe(false);
    expect(store.byKey('big')).toBeUndefined();
  });

  it('finds every record of a name shared by two secrets, and forgets the name with them', () => {
    const store = new RecordStore<string>({ maxEntries: 10 }, () => undefined);
    const one = store.ensure('arn:1', ['db']);
    const two = store.ensure('arn:2', ['db']);
    expect(store.related('db', ['db'])).toEqual(new Set([one, two]));
    store.remove(one);
    expect(store.related('db', ['db'])).toEqual(new Set([two]));
    store.remove(two);
    expect(store.related('db', ['db']).size).toBe(0);
  });

  it('finds a record by its name after the id that named it moved to another secret', () => {
    // Read by name, the name is found through the alias map (no name-index entry); when a new
    // secret of that name takes the id over, the old record must still be found by the name.
    const store = new RecordStore<string>({ maxEntries: 10 }, () => undefined);
    const old = store.ensure('arn:old', ['db'], 'db');
    expect(store.related('db', ['db'])).toEqual(new Set([old]));
    const recreated = store.ensure('arn:new', ['db'], 'db');
    expect(store.byId('db')).toBe(recreated);
    expect(store.related('db', ['db'])).toEqual(new Set([old, recreated]));
    store.remove(recreated);
    expect(store.related('db', ['db'])).toEqual(new Set([old]));
    store.remove(old);
    expect(store.related('db', ['db']).size).toBe(0);
  });

  it('keeps the name of a secret whose aliases were capped out findable', () => {
    const store = new RecordStore<string>({ maxEntries: 10 }, () => undefined);
    const r = store.ensure('arn:1', ['db'], 'db');
    for (let i = 0; i < MAX_ALIASES; i++) store.alias(r, `arn-variant-${i}`);
    expect(r.aliases).not.toContain('db');
    expect(store.related('db', ['db'])).toEqual(new Set([r]));
  });

  it('evicts in O(1) through its queue: oldest first, a second chance to the back, none left over', () => {
    const evicted: string[] = [];
    const store = new RecordStore<string>({ maxEntries: 3 }, (r) => evicted.push(r.key));
    const records = ['a', 'b', 'c'].map((k) => store.ensure(k, [k], k));
    for (const r of records) store.setEntry(r, '', entry(r.key), 1);
    (records[0] as { referenced: boolean }).referenced = true;
    store.remove(records[1] as never);
    store.setEntry(store.ensure('d', ['d'], 'd'), '', entry('D'), 1);
    store.setEntry(store.ensure('e', ['e'], 'e'), '', entry('E'), 1);
    expect(evicted).toEqual(['c']);
    expect([...store.records()].map((r) => r.key)).toEqual(['d', 'e', 'a']); // a had its second chance
    store.clear();
    expect([...store.records()]).toEqual([]);
  });
});
