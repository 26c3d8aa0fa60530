/**
 * A token bucket on an injectable clock: `capacity` tokens, refilled continuously at
 * `capacity` per `periodMs`. Taking never waits: it succeeds or says when the next token comes.
 */
import type { Clock } from '../cache/clock.js';

/** A token bucket. */
export class TokenBucket {
  readonly #capacity: number;
  readonly #ratePerMs: number;
  readonly #clock: Clock;
  #tokens: number;
  #at: number;

  /**
   * @param capacity - tokens per period (and the burst)
   * @param periodMs - refill period
   * @param clock - time source
   */
  constructor(capacity: number, periodMs: number, clock: Clock) {
    this.#capacity = capacity;
    this.#ratePerMs = capacity / periodMs;
    this.#clock = clock;
    this.#tokens = capacity;
    this.#at = clock.now();
  }

  #refill(): void {
    const now = this.#clock.now();
    if (now > this.#at) {
      this.#tokens = Math.min(this.#capacity, this.#tokens + (now - this.#at) * this.#ratePerMs);
      this.#at = now;
    }
  }

  /** Takes one token if there is one. */
  tryTake(): boolean {
    this.#refill();
    if (this.#tokens < 1) return false;
    this.#tokens -= 1;
    return true;
  }

  /** Milliseconds until a token is available (0 when one is). */
  msUntilNext(): number {
    this.#refill();
    return this.#tokens >= 1 ? 0 : Math.ceil((1 - this.#tokens) / this.#ratePerMs);
  }
}
