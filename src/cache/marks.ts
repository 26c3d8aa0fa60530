/**
 * Invalidation marks: which ids were invalidated when, so a load that started before an
 * invalidation of its secret (under any id) does not store what it read. A load records the
 * sequence number at its start and asks {@link InvalidationMarks.changedSince} when it ends.
 * The marks are bounded: forgetting one raises the floor, so every older load counts as
 * invalidated (a reload, never a stale value).
 */

/** Most marks kept; older ones fold into the floor. */
export const MAX_MARKS = 256;

/** Sequence numbers of invalidations, by id. */
export class InvalidationMarks {
  #seq = 0;
  /** Loads that started before this number count as invalidated, whatever their ids. */
  #floor = 0;
  readonly #marks = new Map<string, number>();

  /** The current sequence number (what a load records at its start). */
  get seq(): number {
    return this.#seq;
  }

  /** Everything was invalidated. */
  markAll(): void {
    this.#seq += 1;
    this.#floor = this.#seq;
    this.#marks.clear();
  }

  /**
   * These ids (names, ARNs, identities of one secret) were invalidated now.
   *
   * @param ids - every id the invalidation concerns
   */
  mark(ids: Iterable<string>): void {
    this.#seq += 1;
    for (const id of ids) {
      this.#marks.delete(id);
      this.#marks.set(id, this.#seq);
    }
    while (this.#marks.size > MAX_MARKS) {
      const [oldest, seq] = this.#marks.entries().next().value as [string, number];
      this.#marks.delete(oldest);
      this.#floor = Math.max(this.#floor, seq);
    }
  }

  /**
   * True when any of the ids of a load (or everything) was invalidated after `since`.
   *
   * @param since - the sequence number the load recorded at its start
   * @param id - the id the load was asked under
   * @param identity - the identity of what it read
   * @param name - the secret's name, when known
   */
  changedSince(since: number, id: string, identity: string, name: string | undefined): boolean {
    if (this.#floor > since) return true;
    // Deliberately cheap (once per load): no array of the ids, and no lookup while nothing is marked.
    if (this.#marks.size === 0) return false;
    const marks = this.#marks;
    return (
      (marks.get(id) ?? 0) > since ||
      (marks.get(identity) ?? 0) > since ||
      (name !== undefined && (marks.get(name) ?? 0) > since)
    );
  }
}
