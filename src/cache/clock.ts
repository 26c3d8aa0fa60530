/** A source of the current time in milliseconds since the epoch. Injected so tests use fake time. */
export interface Clock {
  /** Current time in milliseconds. */
  now(): number;
}

/** The real clock (`Date.now`). */
export const systemClock: Clock = { now: () => Date.now() };
