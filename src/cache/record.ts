/**
 * What the cache keeps for one secret: its values and failures by version selector (slots), the
 * ids it was read under (aliases), and the names it may be invalidated by. The byte estimate of
 * each part is kept here, so `maxBytes` bounds all of it, not only the values.
 */
import type { CacheEntry, FailureRecord } from './entry.js';

/*
 * The estimates are calibrated against V8's heap (test/support/memory-probe.ts, Node 20): with
 * them, the heap growth over 100k distinct ids stays within `maxBytes`. They err high.
 */
/** Estimated bytes of a record without its parts: the object, its alias array (and a slot map, when it has selectors besides the current one), its entries in the record and name maps. */
export const RECORD_BYTES = 640;
/** Estimated bytes of a slot without its value or failure: the slot, its entry object, its map entry. */
export const SLOT_BYTES = 192;
/** Estimated bytes of an alias without its characters: the id map entry (with its slack) and the array slot. */
export const ALIAS_BYTES = 128;
/**
 * At most this many ids are remembered per secret (the oldest is forgotten first). Forgetting
 * an alias only costs a reload under that id, never a wrong value.
 */
export const MAX_ALIASES = 8;

/** The alias list of a record read under no id yet (shared: a record's lists are replaced, never changed). */
const NO_ALIASES: readonly string[] = Object.freeze([]);

/** The selector of a secret's current value (AWSCURRENT read with no options). */
export const CURRENT_SELECTOR = '';

/** Bytes of a string kept in memory (UTF-16 estimate). */
export const stringBytes = (value: string): number => 2 * value.length;

/** One version selector of a secret: its cached value and/or its failure record. */
export interface Slot<V> {
  /** The cached value, if any. */
  entry: CacheEntry<V> | undefined;
  /** Bytes of the entry (0 without one). */
  entryBytes: number;
  /** The last failed load (fault backoff or remembered not-found), if any. */
  failure: FailureRecord | undefined;
  /** Bytes of the failure record (0 without one). */
  failureBytes: number;
}

/** The cache's record of one secret, keyed by its identity (the region-free ARN). */
export class SecretRecord<V> {
  /** The identity: the canonical key of the secret, or the id itself before AWS named it. */
  readonly key: string;
  /** Names under which `invalidate(name)` finds the record. */
  readonly names: readonly string[];
  /**
   * The slot of the current value (selector {@link CURRENT_SELECTOR}): the hit path reads this
   * field, with no map lookup.
   */
  current: Slot<V> | undefined = undefined;
  /**
   * Slots of the other selectors (stages, version ids), made on the first one: most secrets are
   * only read at AWSCURRENT, so a record is one object, not an object and a map (the miss path).
   */
  #others: Map<string, Slot<V>> | undefined = undefined;
  /**
   * Ids this secret was read under, oldest first (at most {@link MAX_ALIASES}). The store
   * replaces the array rather than changing it: each is allocated at its exact length (a `push`
   * would grow a one-id array to 17 slots, kept for the record's life: the miss path).
   */
  aliases: readonly string[] = NO_ALIASES;
  /**
   * Set on every read; the eviction clock clears it once before evicting the record. A new
   * record starts unset: it enters at the back, so it has a full round to be read.
   */
  referenced = false;
  /** The store's eviction queue (store.ts): the record before this one, oldest first. */
  older: SecretRecord<V> | undefined = undefined;
  /** The store's eviction queue: the record after this one. */
  newer: SecretRecord<V> | undefined = undefined;
  /** Estimated bytes of everything in the record. */
  bytes: number;
  /** Slots that hold a value. */
  values = 0;

  /**
   * @param key - the identity
   * @param names - names the record is found by in `invalidate`
   */
  constructor(key: string, names: readonly string[]) {
    this.key = key;
    this.names = names;
    let bytes = RECORD_BYTES + stringBytes(key);
    for (const name of names) bytes += stringBytes(name);
    this.bytes = bytes;
  }

  /** The slot of `selector`, if any. */
  slot(selector: string): Slot<V> | undefined {
    return selector === CURRENT_SELECTOR ? this.current : this.#others?.get(selector);
  }

  /** Sets the slot of `selector` (the store keeps the counts). */
  setSlot(selector: string, slot: Slot<V>): void {
    if (selector === CURRENT_SELECTOR) {
      this.current = slot;
      return;
    }
    if (this.#others === undefined) this.#others = new Map();
    this.#others.set(selector, slot);
  }

  /** Drops the slot of `selector` (the store keeps the counts). */
  deleteSlot(selector: string): void {
    if (selector === CURRENT_SELECTOR) this.current = undefined;
    else this.#others?.delete(selector);
  }

  /** How many slots the record holds. */
  get slotCount(): number {
    return (this.current === undefined ? 0 : 1) + (this.#others?.size ?? 0);
  }

  /** Every slot with its selector. */
  *slots(): IterableIterator<[string, Slot<V>]> {
    if (this.current !== undefined) yield [CURRENT_SELECTOR, this.current];
    if (this.#others !== undefined) yield* this.#others;
  }
}
