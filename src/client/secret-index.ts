/**
 * What a {@link SecretsClient} remembers about secrets besides their values: the AWSCURRENT
 * cache key of each id (so the hit path builds no string), the ids callers used for each secret
 * name (so a write or `invalidate` under one id drops values cached under the others), and known
 * rotation dates (which cap freshness). Every map is bounded.
 */
import { cacheKey, possibleNames, secretIdOfKey } from './cache-key.js';

/** Bookkeeping by secret id and name. */
export class SecretIndex {
  readonly #currentKeys = new Map<string, string>();
  readonly #idsByName = new Map<string, Set<string>>();
  readonly #nextRotationByName = new Map<string, number>();
  readonly #max: number;

  /** @param maxEntries - bound of each map (cleared when reached: it only holds shortcuts) */
  constructor(maxEntries: number) {
    this.#max = maxEntries;
  }

  /** The memoised AWSCURRENT cache key of an id already read, if any. */
  currentKey(secretId: string): string | undefined {
    return this.#currentKeys.get(secretId);
  }

  /** The AWSCURRENT cache key of an id (memoised for the hit path). */
  rememberCurrentKey(secretId: string): string {
    let key = this.#currentKeys.get(secretId);
    if (key === undefined) {
      key = cacheKey(secretId, { versionStage: 'AWSCURRENT' });
      if (this.#currentKeys.size >= this.#max) this.#currentKeys.clear();
      this.#currentKeys.set(secretId, key);
    }
    return key;
  }

  /** Records that `secretId` named the secret called `name`. */
  rememberId(secretId: string, name: string): void {
    let ids = this.#idsByName.get(name);
    if (!ids) {
      if (this.#idsByName.size >= this.#max) this.#idsByName.clear();
      ids = new Set();
      this.#idsByName.set(name, ids);
    }
    ids.add(secretId);
  }

  /** Records a secret's next rotation date (or its absence). */
  noteRotation(name: string, date: Date | undefined): void {
    if (date === undefined) {
      this.#nextRotationByName.delete(name);
      return;
    }
    if (this.#nextRotationByName.size >= this.#max) this.#nextRotationByName.clear();
    this.#nextRotationByName.set(name, date.getTime());
  }

  /** The secret's next rotation date (epoch ms), when known. */
  nextRotationMs(name: string): number | undefined {
    return this.#nextRotationByName.get(name);
  }

  /**
   * A predicate over cache keys that matches every value of the secret `secretId` denotes: under
   * the id itself, under every id callers used for the same name, and under any id that may
   * denote one of those names (so a load in flight under an id not seen yet, such as a partial
   * ARN, is matched too). Matching too much only costs a reload. Forgets the ids it matched.
   */
  matcherFor(secretId: string): (key: string) => boolean {
    const names = new Set(possibleNames(secretId));
    for (const [name, known] of this.#idsByName) if (known.has(secretId)) names.add(name);
    const ids = new Set([secretId]);
    for (const name of names) {
      for (const id of this.#idsByName.get(name) ?? []) ids.add(id);
      this.#idsByName.delete(name);
    }
    return (key) => {
      const id = secretIdOfKey(key);
      return ids.has(id) || possibleNames(id).some((name) => names.has(name));
    };
  }

  /** Forgets every id (the whole cache was dropped). */
  clearIds(): void {
    this.#idsByName.clear();
  }
}
