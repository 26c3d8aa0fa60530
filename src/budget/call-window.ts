/**
 * The budget's limiter: at most `limit` calls in any window of `windowMs` (a sliding-window
 * log: the times of the last `limit` calls, in a ring). Stricter than a token bucket, whose burst
 * can let through twice the limit in one window. Taking never waits.
 */
import type { Clock } from '../cache/clock.js';

/** A sliding-window call limiter on an injectable clock. */
export class CallWindow {
  readonly #times: Float64Array;
  readonly #windowMs: number;
  readonly #clock: Clock;
  #next = 0;

  /**
   * @param limit - calls allowed per window
   * @param windowMs - the window
   * @param clock - time source
   */
  constructor(limit: number, windowMs: number, clock: Clock) {
    this.#times = new Float64Array(Math.floor(limit)).fill(Number.NEGATIVE_INFINITY);
    this.#windowMs = windowMs;
    this.#clock = clock;
  }

  /** Takes a slot if one is free in the current window. */
  tryTake(): boolean {
    const now = this.#clock.now();
    // The oldest of the last `limit` calls is the next slot of the ring.
    if (now - (this.#times[this.#next] as number) < this.#windowMs) return false;
    this.#times[this.#next] = now;
    this.#next = (this.#next + 1) % this.#times.length;
    return true;
  }

  /** Milliseconds until a slot frees (0 when one is free). */
  msUntilNext(): number {
    const oldest = this.#times[this.#next] as number;
    return Math.max(0, Math.ceil(oldest + this.#windowMs - this.#clock.now()));
  }
}
