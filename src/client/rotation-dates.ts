/**
 * Known next rotation dates by secret name (learned by the admin client from DescribeSecret or
 * ListSecrets): they cap the freshness of cached values. Bounded: beyond the bound the oldest
 * date is forgotten, which only makes a value as fresh as its TTL says.
 */
export class RotationDates {
  readonly #dates = new Map<string, number>();
  readonly #max: number;

  /** @param max - most names remembered */
  constructor(max: number) {
    this.#max = max;
  }

  /** Records a secret's next rotation date, or forgets it (`undefined`). */
  note(name: string, date: Date | undefined): void {
    this.#dates.delete(name);
    if (date === undefined) return;
    if (this.#dates.size >= this.#max) {
      const oldest = this.#dates.keys().next().value;
      if (oldest !== undefined) this.#dates.delete(oldest);
    }
    this.#dates.set(name, date.getTime());
  }

  /** The secret's next rotation date (epoch ms), when known. */
  nextMs(name: string): number | undefined {
    return this.#dates.get(name);
  }
}
