/**
 * The bounded stores of the engine, on lru-cache without its TTL features or timers
 * (freshness is computed on read, in entry.ts).
 */
import { LRUCache } from 'lru-cache';
import { type CacheEntry, createEntry, entrySize, type FailureRecord } from './entry.js';
import type { CacheEngineOptions, LoadResult } from './types.js';

/**
 * The value store: at most `maxEntries` entries and, when set, `maxBytes` in total.
 *
 * @param options - engine options (bounds)
 * @param onLruEvict - called with the key of each entry evicted to respect a bound
 */
export function createValueStore<V>(
  options: Pick<CacheEngineOptions, 'maxEntries' | 'maxBytes'>,
  onLruEvict: (key: string) => void,
): LRUCache<string, CacheEntry<V>> {
  return new LRUCache<string, CacheEntry<V>>({
    max: options.maxEntries,
    ...(options.maxBytes === undefined ? {} : { maxSize: options.maxBytes }),
    dispose: (_entry, key, reason) => {
      if (reason === 'evict') onLruEvict(key);
    },
  });
}

/**
 * The failure records of faulted keys (with or without a value), bounded like the values.
 *
 * @param options - engine options (bounds)
 */
export function createFailureStore(
  options: Pick<CacheEngineOptions, 'maxEntries'>,
): LRUCache<string, FailureRecord> {
  return new LRUCache<string, FailureRecord>({ max: options.maxEntries });
}

/**
 * Stores a loaded value with fresh deadlines (and its size when bytes are bounded). A value
 * larger than `maxBytes` is not stored (lru-cache refuses it).
 *
 * @param store - the value store
 * @param key - cache key
 * @param result - what the loader or `set` returned
 * @param nowMs - load time
 * @param options - engine options
 */
export function putEntry<V>(
  store: LRUCache<string, CacheEntry<V>>,
  key: string,
  result: LoadResult<V>,
  nowMs: number,
  options: CacheEngineOptions,
): void {
  const entry = createEntry(result, nowMs, options);
  if (options.maxBytes === undefined) store.set(key, entry);
  else store.set(key, entry, { size: entrySize(result.sizeBytes) });
}
