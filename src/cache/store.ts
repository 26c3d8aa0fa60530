/**
 * The bounded store of the engine: secret records by identity, the alias map (id → record) and
 * the name index, evicted together. `maxEntries` bounds the slots (values and failure records);
 * `maxBytes`, when set, bounds the estimated bytes of everything: values, failure records,
 * aliases and names. Construction allocates nothing in proportion to either bound.
 *
 * Eviction is a clock (second-chance) over records in insertion order: a hit only sets a flag,
 * so the hit path does no map writes; a record used since the clock last passed it gets one more
 * round. The order is a queue linked through the records themselves (`older`/`newer`), so an
 * eviction is O(1) with no allocation; a `Map` used as the queue would make each eviction skip
 * the holes its earlier deletions left at the table's head (the miss path of a full cache).
 * Freshness is computed on read (entry.ts): no timers.
 */
import type { CacheEntry, FailureRecord } from './entry.js';
import { ALIAS_BYTES, MAX_ALIASES, SecretRecord, SLOT_BYTES, type Slot, stringBytes } from './record.js';

/** The bounds of the store. */
export interface StoreLimits {
  /** Most slots (cached values plus remembered failures). */
  readonly maxEntries: number;
  /** Most estimated bytes of everything kept, when set. */
  readonly maxBytes?: number | undefined;
}

/** Records, aliases and names, bounded as one. */
export class RecordStore<V> {
  readonly #limits: StoreLimits;
  readonly #onEvict: (record: SecretRecord<V>) => void;
  readonly #records = new Map<string, SecretRecord<V>>();
  readonly #ids = new Map<string, SecretRecord<V>>();
  /** Name → its record, or its records when several secrets share a name (rare: one per account). */
  readonly #byName = new Map<string, SecretRecord<V> | SecretRecord<V>[]>();
  /** The eviction queue's head (the clock hand) and tail. */
  #oldest: SecretRecord<V> | undefined = undefined;
  #newest: SecretRecord<V> | undefined = undefined;
  #bytes = 0;
  #slots = 0;
  #values = 0;

  /**
   * @param limits - the bounds
   * @param onEvict - called with each record evicted to respect a bound (before it is dropped)
   */
  constructor(limits: StoreLimits, onEvict: (record: SecretRecord<V>) => void) {
    this.#limits = limits;
    this.#onEvict = onEvict;
  }

  /** Cached values (slots holding one). */
  get values(): number {
    return this.#values;
  }

  /** Estimated bytes of everything kept. */
  get bytes(): number {
    return this.#bytes;
  }

  /** Every record, in eviction order (for `invalidate()` of everything). */
  *records(): IterableIterator<SecretRecord<V>> {
    for (let record = this.#oldest; record !== undefined; ) {
      const next = record.newer;
      yield record;
      record = next;
    }
  }

  /** The record an id was read under (the hit path: one map lookup, no write). */
  byId(id: string): SecretRecord<V> | undefined {
    return this.#ids.get(id);
  }

  /** The record of an identity. */
  byKey(key: string): SecretRecord<V> | undefined {
    return this.#records.get(key);
  }

  /**
   * The records `invalidate(id)` concerns: the one read under `id`, and those found by any of
   * `names` (a name, the name part of an ARN), in the name index or, for a name that is also an
   * id the record was read under, in the alias map. Finding too many only costs reloads.
   */
  related(id: string, names: readonly string[]): Set<SecretRecord<V>> {
    const found = new Set<SecretRecord<V>>();
    const byId = this.#ids.get(id);
    if (byId !== undefined) found.add(byId);
    const byKey = this.#records.get(id);
    if (byKey !== undefined) found.add(byKey);
    for (const name of names) {
      const aliased = this.#ids.get(name);
      if (aliased !== undefined) found.add(aliased);
      const named = this.#byName.get(name);
      if (named === undefined) continue;
      if (Array.isArray(named)) for (const record of named) found.add(record);
      else found.add(named);
    }
    return found;
  }

  /**
   * The record of `key`, created when missing; with `id`, made one of its aliases too.
   *
   * Each of a record's names is found by `related` through the name index, or through the alias
   * map while it is one of the record's aliases. A new record's name that is `id` itself is left
   * out of the index (the usual read is by name: one map entry fewer per miss); the index takes
   * it over if the alias ever leaves the record.
   *
   * @param key - the identity
   * @param names - the names of a new record
   * @param id - the id the record is read under
   */
  ensure(key: string, names: readonly string[], id?: string): SecretRecord<V> {
    let record = this.#records.get(key);
    if (record === undefined) {
      record = new SecretRecord<V>(key, names);
      this.#records.set(key, record);
      this.#append(record);
      this.#bytes += record.bytes;
      for (const name of names) if (name !== id) this.#index(name, record);
    }
    if (id !== undefined) this.alias(record, id);
    return record;
  }

  /** Puts `record` in the name index under `name` (once). */
  #index(name: string, record: SecretRecord<V>): void {
    const named = this.#byName.get(name);
    if (named === undefined) this.#byName.set(name, record);
    else if (Array.isArray(named)) {
      if (!named.includes(record)) named.push(record);
    } else if (named !== record) this.#byName.set(name, [named, record]);
  }

  /** Makes `id` denote `record` (moving it from another record, forgetting the oldest beyond the cap). */
  alias(record: SecretRecord<V>, id: string): void {
    const previous = this.#ids.get(id);
    if (previous === record) return;
    if (previous !== undefined) this.#unalias(previous, id);
    if (record.aliases.length >= MAX_ALIASES) this.#unalias(record, record.aliases[0] as string);
    // `concat` allocates the exact length; a spread into a literal grows it like `push` does.
    record.aliases = record.aliases.length === 0 ? [id] : record.aliases.concat(id);
    this.#ids.set(id, record);
    this.#grow(record, ALIAS_BYTES + stringBytes(id));
  }

  #unalias(record: SecretRecord<V>, id: string): void {
    if (!record.aliases.includes(id)) return;
    record.aliases = record.aliases.filter((alias) => alias !== id);
    if (this.#ids.get(id) === record) this.#ids.delete(id);
    this.#grow(record, -(ALIAS_BYTES + stringBytes(id)));
    // A name found through this alias until now is found through the name index from now on.
    if (record.names.includes(id) && this.#records.get(record.key) === record) this.#index(id, record);
  }

  /** The slot of `selector`, created when missing. */
  #slot(record: SecretRecord<V>, selector: string): Slot<V> {
    let slot = record.slot(selector);
    if (slot === undefined) {
      slot = { entry: undefined, entryBytes: 0, failure: undefined, failureBytes: 0 };
      record.setSlot(selector, slot);
      this.#slots += 1;
      this.#grow(record, SLOT_BYTES + stringBytes(selector));
    }
    return slot;
  }

  /**
   * Stores a value (and clears the slot's failure). A value larger than `maxBytes` is not stored.
   *
   * @returns false when the value was too large to keep
   */
  setEntry(record: SecretRecord<V>, selector: string, entry: CacheEntry<V>, sizeBytes: number): boolean {
    const size = Number.isFinite(sizeBytes) && sizeBytes >= 1 ? Math.ceil(sizeBytes) : 1;
    const { maxBytes } = this.#limits;
    if (maxBytes !== undefined && size > maxBytes) {
      this.deleteSlot(record, selector);
      this.#dropIfEmpty(record);
      return false;
    }
    const slot = this.#slot(record, selector);
    if (slot.entry === undefined) {
      record.values += 1;
      this.#values += 1;
    }
    this.#grow(record, size - slot.entryBytes - slot.failureBytes);
    slot.entry = entry;
    slot.entryBytes = size;
    slot.failure = undefined;
    slot.failureBytes = 0;
    this.#trim();
    return true;
  }

  /**
   * Stores a failure record (the value, if any, stays for stale-if-error).
   *
   * @param bytes - the estimated size of the failure record
   */
  setFailure(record: SecretRecord<V>, selector: string, failure: FailureRecord, bytes: number): void {
    const slot = this.#slot(record, selector);
    this.#grow(record, bytes - slot.failureBytes);
    slot.failure = failure;
    slot.failureBytes = bytes;
    this.#trim();
  }

  /** Drops a slot's value, keeping its failure record. @returns whether there was a value */
  deleteEntry(record: SecretRecord<V>, selector: string): boolean {
    const slot = record.slot(selector);
    if (slot?.entry === undefined) return false;
    slot.entry = undefined;
    record.values -= 1;
    this.#values -= 1;
    this.#grow(record, -slot.entryBytes);
    slot.entryBytes = 0;
    if (slot.failure === undefined) this.deleteSlot(record, selector);
    return true;
  }

  /** Drops a slot's failure record, keeping its value. */
  deleteFailure(record: SecretRecord<V>, selector: string): void {
    const slot = record.slot(selector);
    if (slot?.failure === undefined) return;
    slot.failure = undefined;
    this.#grow(record, -slot.failureBytes);
    slot.failureBytes = 0;
    if (slot.entry === undefined) this.deleteSlot(record, selector);
  }

  /** Drops a slot (value and failure). */
  deleteSlot(record: SecretRecord<V>, selector: string): void {
    const slot = record.slot(selector);
    if (slot === undefined) return;
    record.deleteSlot(selector);
    this.#slots -= 1;
    if (slot.entry !== undefined) {
      record.values -= 1;
      this.#values -= 1;
    }
    this.#grow(record, -(SLOT_BYTES + stringBytes(selector) + slot.entryBytes + slot.failureBytes));
  }

  /** Drops a record that no longer holds a value or failure (its aliases only cost memory). */
  #dropIfEmpty(record: SecretRecord<V>): void {
    if (record.slotCount === 0) this.remove(record);
  }

  /** Drops a record with its slots, aliases and names. */
  remove(record: SecretRecord<V>): void {
    if (this.#records.get(record.key) !== record) return;
    this.#records.delete(record.key);
    this.#unlink(record);
    for (const id of record.aliases) if (this.#ids.get(id) === record) this.#ids.delete(id);
    for (const name of record.names) {
      const named = this.#byName.get(name);
      if (named === record) this.#byName.delete(name);
      else if (Array.isArray(named)) {
        const rest = named.filter((other) => other !== record);
        if (rest.length === 0) this.#byName.delete(name);
        else if (rest.length === 1) this.#byName.set(name, rest[0] as SecretRecord<V>);
        else this.#byName.set(name, rest);
      }
    }
    this.#slots -= record.slotCount;
    this.#values -= record.values;
    this.#bytes -= record.bytes;
  }

  /** Drops a record when a slot was emptied by the engine (after an answer). */
  release(record: SecretRecord<V>): void {
    this.#dropIfEmpty(record);
  }

  /** Drops everything. */
  clear(): void {
    this.#records.clear();
    this.#ids.clear();
    this.#byName.clear();
    this.#oldest = undefined;
    this.#newest = undefined;
    this.#bytes = 0;
    this.#slots = 0;
    this.#values = 0;
  }

  /** Puts a record at the back of the eviction queue. */
  #append(record: SecretRecord<V>): void {
    const newest = this.#newest;
    record.older = newest;
    record.newer = undefined;
    if (newest === undefined) this.#oldest = record;
    else newest.newer = record;
    this.#newest = record;
  }

  /** Takes a record out of the eviction queue. */
  #unlink(record: SecretRecord<V>): void {
    const { older, newer } = record;
    if (older === undefined) this.#oldest = newer;
    else older.newer = newer;
    if (newer === undefined) this.#newest = older;
    else newer.older = older;
    record.older = undefined;
    record.newer = undefined;
  }

  #grow(record: SecretRecord<V>, delta: number): void {
    record.bytes += delta;
    this.#bytes += delta;
  }

  #over(): boolean {
    const { maxEntries, maxBytes } = this.#limits;
    return this.#slots > maxEntries || (maxBytes !== undefined && this.#bytes > maxBytes);
  }

  /** Evicts records until the bounds hold: the clock hand is the head of the queue. */
  #trim(): void {
    while (this.#over()) {
      const head = this.#oldest;
      if (head === undefined) return;
      if (head.referenced) {
        // Its second chance: to the back of the queue (no map write).
        head.referenced = false;
        this.#unlink(head);
        this.#append(head);
        continue;
      }
      this.#onEvict(head);
      this.remove(head);
    }
  }
}
