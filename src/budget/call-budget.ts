/**
 * The call budget (`maxCallsPerMinute`): a {@link SecretsManagerClientLike} in front of the SDK
 * client that lets at most that many AWS calls through in any 60 s window (shared by every
 * region of the client). A call past the budget is refused at once with a throttling
 * fault, so the cache does what it does for AWS throttling: serve the cached value within
 * `maxStaleMs` and back off; past that bound the read fails closed with `THROTTLED`. A cold miss
 * (nothing cached) gets that `THROTTLED` error at once, naming the budget: never a silent wait.
 */
import type { Clock } from '../cache/clock.js';
import { numberOption } from '../options/checks.js';
import type { SecretsManagerClientLike } from '../sdk/client-like.js';
import type { TransportCounters } from '../transport/counters.js';
import { CallWindow } from './call-window.js';

/** The error a refused call throws (classified as throttling: a fault, so stale-if-error applies). */
export class CallBudgetExceeded extends Error {
  /** SDK-style fault marker read by the fault classifier. */
  readonly $fault = 'client';
  /** SDK-style retry hint read by the fault classifier. */
  readonly $retryable = { throttling: true };
  /** SDK-style metadata. */
  readonly $metadata = { httpStatusCode: 429 };

  /**
   * @param perMinute - the budget
   * @param retryAfterMs - when the next call would be allowed
   */
  constructor(
    perMinute: number,
    readonly retryAfterMs: number,
  ) {
    super(
      `secretkit's call budget (${perMinute} calls per minute) is spent; next call in ${retryAfterMs} ms.`,
    );
    this.name = 'ThrottlingException';
  }
}

/**
 * Checks `maxCallsPerMinute`.
 *
 * @throws SecretkitError `INVALID_ARGUMENT` naming the option unless an integer from 1 to 1,000,000
 */
export function checkBudget(perMinute: unknown): void {
  numberOption('SecretsClient', 'maxCallsPerMinute', perMinute, undefined, {
    min: 1,
    max: 1_000_000,
    integer: true,
  });
}

/** A budget shared by the clients of one SecretsClient. */
export interface CallBudget {
  /** Wraps a client so its calls spend the budget. */
  wrap(client: SecretsManagerClientLike): SecretsManagerClientLike;
}

/**
 * Creates a call budget.
 *
 * @param perMinute - calls allowed per minute
 * @param clock - time source (the client's)
 * @param counters - counts refusals
 */
export function createCallBudget(perMinute: number, clock: Clock, counters: TransportCounters): CallBudget {
  const bucket = new CallWindow(perMinute, 60_000, clock);
  return {
    wrap(client) {
      const send = ((command: unknown, options?: unknown) => {
        if (!bucket.tryTake()) {
          counters.budgetRefused += 1;
          const operation = (command as { constructor?: { name?: string } })?.constructor?.name ?? 'unknown';
          counters.emit({ type: 'budget-refused', operation: operation.replace(/Command$/, '') });
          return Promise.reject(new CallBudgetExceeded(perMinute, bucket.msUntilNext()));
        }
        return (client.send as (c: unknown, o?: unknown) => Promise<unknown>)(command, options);
      }) as unknown as SecretsManagerClientLike['send'];
      return { send };
    },
  };
}
