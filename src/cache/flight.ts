/**
 * One load in flight for one key, shared by every caller that waits for it (single-flight).
 */

const ignore = (): void => {};

/**
 * A load in flight. Its promise settles once: with the loaded value, with what the loader
 * threw, or with `CLIENT_CLOSED` when the engine closes first. A load nobody waits on (a
 * background refresh) is marked {@link Flight.unwaited}, so it never causes an unhandled
 * rejection.
 */
export class Flight<V> {
  /** Settles with the loaded value or the load's error. */
  readonly promise: Promise<V>;
  /** The load failed with a fault (not an answer): waiting callers may get a stale value. */
  fault = false;
  /**
   * The key was invalidated or overwritten while this load ran: its result must not be stored
   * (it may predate a write), though callers already waiting still get it.
   */
  discarded = false;
  /** The promise has settled; later results are ignored. */
  settled = false;
  #resolve!: (value: V) => void;
  #reject!: (error: unknown) => void;

  constructor() {
    this.promise = new Promise<V>((resolve, reject) => {
      this.#resolve = resolve;
      this.#reject = reject;
    });
  }

  /**
   * Marks the promise handled for a load nobody waits on yet (a background refresh): its
   * failure is recorded by the engine, not an unhandled rejection. A waited-on load needs no
   * such handler (the waiter's is enough): one promise fewer per miss.
   */
  unwaited(): this {
    this.promise.catch(ignore);
    return this;
  }

  /**
   * Settles the promise with a value (no-op when already settled).
   *
   * @param value - the loaded value
   */
  succeed(value: V): void {
    if (this.settled) return;
    this.settled = true;
    this.#resolve(value);
  }

  /**
   * Settles the promise with an error (no-op when already settled).
   *
   * @param error - what the loader threw, or CLIENT_CLOSED
   */
  fail(error: unknown): void {
    if (this.settled) return;
    this.settled = true;
    this.#reject(error);
  }
}
