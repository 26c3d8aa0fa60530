/**
 * The deadline of one attempt: a timer that reports a `TIMEOUT` error at `timeoutMs`, and the
 * signal the operation passes to `send`. The signal is the attempt's own `AbortController`'s
 * (aborted at the deadline, or earlier when a hedged attempt won), or a window's shared signal
 * (shared-signal.ts: the hot path of reads without hedging, where no attempt is aborted alone).
 * The timer is cleared as soon as the attempt settles.
 */
import { SecretkitError } from '../errors/secretkit-error.js';
import type { SharedSignalLease } from './shared-signal.js';

/** One attempt's deadline. Call {@link Deadline.settle} when the attempt is over. */
export interface Deadline {
  /** Passed to `send`: aborts at the deadline (a shared one: within a window after it), or on {@link Deadline.abort}. */
  readonly signal: AbortSignal;
  /** Abandons the attempt: aborts its own signal with `reason` (a shared one is left to its window). */
  abort(reason: unknown): void;
  /** The attempt settled (or was abandoned): clears the timer. Idempotent. */
  settle(): void;
  /**
   * The operation's promise settled: its SDK call is over, so a shared signal need not be
   * aborted for it. (An attempt past its deadline or abandoned keeps its call counted until
   * then, and the window's signal aborts it.) Idempotent.
   */
  ended(): void;
}

/**
 * The `TIMEOUT` of an attempt in `region` that did not answer within `timeoutMs` (the one
 * wording for every router and for the shared signals' abort reason).
 */
export function regionTimeoutError(region: string, timeoutMs: number): SecretkitError {
  return new SecretkitError('TIMEOUT', `region ${region} did not answer within ${timeoutMs} ms`, {
    region,
    details: { timeoutMs },
  });
}

/**
 * Starts a deadline of `timeoutMs` for an attempt in `region`.
 *
 * @param region - the attempt's region (named in the `TIMEOUT` error)
 * @param timeoutMs - the deadline
 * @param onExpired - called once with the `TIMEOUT` error when the deadline passes first
 * @param shared - a shared signal to pass to `send` instead of an own controller's
 */
export function startDeadline(
  region: string,
  timeoutMs: number,
  onExpired: (error: SecretkitError) => void,
  shared?: SharedSignalLease,
): Deadline {
  const controller = shared === undefined ? new AbortController() : undefined;
  let timer: ReturnType<typeof setTimeout> | undefined = setTimeout(() => {
    timer = undefined;
    const error = regionTimeoutError(region, timeoutMs);
    controller?.abort(error);
    onExpired(error);
  }, timeoutMs);
  const settle = (): void => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };
  return {
    signal: controller === undefined ? (shared as SharedSignalLease).signal : controller.signal,
    abort(reason: unknown) {
      settle();
      controller?.abort(reason);
    },
    settle,
    ended: () => shared?.release(),
  };
}
