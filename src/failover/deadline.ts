/**
 * The deadline of one attempt: an `AbortController` whose signal the operation passes to
 * `send`, aborted at `timeoutMs` with a `TIMEOUT` error, or earlier by the router (a hedged
 * attempt won, the router closed). The timer is cleared as soon as the attempt settles.
 */
import { SecretkitError } from '../errors/secretkit-error.js';

/** One attempt's deadline. Call {@link Deadline.settle} when the attempt is over. */
export interface Deadline {
  /** Aborts at the deadline or on {@link Deadline.abort}. */
  readonly signal: AbortSignal;
  /** Rejects with the `TIMEOUT` error when the deadline passes (never resolves). */
  readonly expired: Promise<never>;
  /** Aborts now with `reason` (the attempt is abandoned). */
  abort(reason: unknown): void;
  /** The attempt settled: clears the timer. Idempotent. */
  settle(): void;
}

/**
 * Starts a deadline of `timeoutMs` for an attempt in `region`.
 *
 * @param region - the attempt's region (named in the `TIMEOUT` error)
 * @param timeoutMs - the deadline
 */
export function startDeadline(region: string, timeoutMs: number): Deadline {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      timer = undefined;
      const error = new SecretkitError('TIMEOUT', `region ${region} did not answer within ${timeoutMs} ms`, {
        region,
        details: { timeoutMs },
      });
      reject(error);
      controller.abort(error);
    }, timeoutMs);
  });
  expired.catch(() => undefined);
  const settle = (): void => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };
  return {
    signal: controller.signal,
    expired,
    abort(reason: unknown) {
      settle();
      controller.abort(reason);
    },
    settle,
  };
}
