/**
 * Injected failures: `failNext` (the next N matching calls fail) and outages (every call to a
 * region, or to all regions, fails until cleared). Failures are shaped like what the SDK
 * throws, so secretkit's fault classification treats them as it would in production.
 */
import type { ServiceErrors } from './errors.js';

/**
 * A kind of simulated failure:
 * - `throttle`: `ThrottlingException` (HTTP 400, `$retryable.throttling`);
 * - `network`: a Node network error (`code: 'ECONNREFUSED'`);
 * - `timeout`: a `TimeoutError` (`code: 'ETIMEDOUT'`);
 * - `server`: `InternalServiceError` (HTTP 500, `$fault: 'server'`);
 * - `accessDenied`: `AccessDeniedException` (HTTP 400).
 */
export type FailureKind = 'throttle' | 'network' | 'timeout' | 'server' | 'accessDenied';

/** What a failing call throws: a kind, an error instance (thrown as is), or a factory of errors. */
export type Failure = FailureKind | Error | (() => unknown);

/** Which calls an injected failure applies to. Both fields are optional; absent means any. */
export interface FailureFilter {
  /** Operation name(s), e.g. `'GetSecretValue'`. */
  readonly operation?: string | readonly string[] | undefined;
  /** Region the call goes to. */
  readonly region?: string | undefined;
}

interface PendingFailure {
  remaining: number;
  readonly failure: Failure;
  readonly filter: FailureFilter;
}

function matches(filter: FailureFilter, operation: string, region: string): boolean {
  if (filter.region !== undefined && filter.region !== region) return false;
  const ops = filter.operation;
  if (ops === undefined) return true;
  return typeof ops === 'string' ? ops === operation : ops.includes(operation);
}

const ALL_REGIONS = '*';

/** The failure schedule of one fake. */
export class Faults {
  private pending: PendingFailure[] = [];
  private readonly outages = new Map<string, FailureKind | Error>();

  /** The next `count` calls matching `filter` fail with `failure`. */
  failNext(count: number, failure: Failure, filter: FailureFilter = {}): void {
    if (!Number.isInteger(count) || count < 0)
      throw new RangeError('failNext: count must be a non-negative integer');
    if (count > 0) this.pending.push({ remaining: count, failure, filter });
  }

  /** Every call to `region` (or to any region when undefined) fails with `kind` until cleared. */
  setOutage(region: string | undefined, kind: FailureKind | Error): void {
    this.outages.set(region ?? ALL_REGIONS, kind);
  }

  /** Ends the outage of `region`, or every outage when undefined. */
  clearOutage(region?: string): void {
    if (region === undefined) this.outages.clear();
    else this.outages.delete(region);
  }

  /** The failure this call must throw, if any (consumes one `failNext` slot). */
  take(operation: string, region: string): Failure | undefined {
    const outage = this.outages.get(region) ?? this.outages.get(ALL_REGIONS);
    if (outage !== undefined) return outage;
    const next = this.pending.find((p) => matches(p.filter, operation, region));
    if (!next) return undefined;
    next.remaining -= 1;
    if (next.remaining === 0) this.pending = this.pending.filter((p) => p !== next);
    return next.failure;
  }

  /** Clears every scheduled failure and outage. */
  reset(): void {
    this.pending = [];
    this.outages.clear();
  }
}

const networkMetadata = () => ({ attempts: 1, totalRetryDelay: 0 });

/** Builds the error a failure throws. */
export function failureError(
  failure: Failure,
  errors: ServiceErrors,
  operation: string,
  accountId: string,
): unknown {
  if (typeof failure === 'function') return failure();
  if (failure instanceof Error) return failure;
  switch (failure) {
    case 'throttle':
      return errors.throttling();
    case 'server':
      return errors.internal();
    case 'accessDenied':
      return errors.accessDenied(operation, accountId);
    case 'timeout':
      return Object.assign(new Error('Connection timed out (simulated by secretkit/testing)'), {
        name: 'TimeoutError',
        code: 'ETIMEDOUT',
        $metadata: networkMetadata(),
      });
    case 'network':
      return Object.assign(new Error('connect ECONNREFUSED (simulated by secretkit/testing)'), {
        code: 'ECONNREFUSED',
        $metadata: networkMetadata(),
      });
  }
}

/** The error an aborted call rejects with (as the SDK's HTTP handler does). */
export function abortError(): Error {
  return Object.assign(new Error('Request aborted'), { name: 'AbortError', $metadata: networkMetadata() });
}
