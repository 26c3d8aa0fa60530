/**
 * The one place that decides whether a failure is a *fault* (the service or the path to it
 * is unhealthy: worth serving a stale value, backing off, or trying another region) or an
 * *answer* (not found, access denied, invalid request, decryption failure: the service
 * answered and another attempt or region would say the same).
 *
 * Used by the cache (stale-if-error, backoff) and by region failover.
 */
import { isSecretkitError } from './secretkit-error.js';

/** How a failure is classified. Everything except `answer` is a fault. */
export type FaultKind = 'throttled' | 'timeout' | 'network' | 'server' | 'answer';

const THROTTLING_NAMES = new Set([
  'ThrottlingException',
  'Throttling',
  'ThrottledException',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'RequestThrottled',
  'RequestThrottledException',
  'LimitExceededException',
  'SlowDown',
]);
const TIMEOUT_NAMES = new Set(['TimeoutError', 'RequestTimeout', 'RequestTimeoutException', 'AbortError']);
const NETWORK_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ECONNABORTED',
  'UND_ERR_SOCKET',
  'ERR_HTTP2_STREAM_ERROR',
]);

interface ErrorShape {
  readonly name?: unknown;
  readonly code?: unknown;
  readonly $fault?: unknown;
  readonly $metadata?: { readonly httpStatusCode?: unknown };
  readonly $retryable?: { readonly throttling?: unknown };
  readonly cause?: unknown;
}

function shapeOf(error: unknown): ErrorShape | undefined {
  return typeof error === 'object' && error !== null ? (error as ErrorShape) : undefined;
}

/**
 * Classifies any thrown value. AWS SDK errors are read by `name`, `$fault`,
 * `$metadata.httpStatusCode` and `$retryable`; Node network errors by `code`;
 * secretkit's own errors by their code. Unknown shapes are `answer` (fail closed:
 * never mask an error we do not understand with a stale value).
 *
 * @param error - the thrown value
 * @returns the fault kind
 */
export function classifyFault(error: unknown, depth = 0): FaultKind {
  const e = shapeOf(error);
  if (!e) return 'answer';
  if (isSecretkitError(error)) {
    switch (error.code) {
      case 'THROTTLED':
        return 'throttled';
      case 'TIMEOUT':
        return 'timeout';
      case 'REGION_UNAVAILABLE':
      case 'ALL_REGIONS_FAILED':
        return 'server';
      default:
        return 'answer';
    }
  }
  const name = typeof e.name === 'string' ? e.name : '';
  const status = typeof e.$metadata?.httpStatusCode === 'number' ? e.$metadata.httpStatusCode : undefined;
  if (THROTTLING_NAMES.has(name) || status === 429 || e.$retryable?.throttling === true) return 'throttled';
  if (TIMEOUT_NAMES.has(name)) return 'timeout';
  if (typeof e.code === 'string' && NETWORK_CODES.has(e.code)) return 'network';
  if (status !== undefined && status >= 500) return 'server';
  if (status === undefined && e.$fault === 'server') return 'server';
  if (status === undefined && e.cause !== undefined && depth < 5) return classifyFault(e.cause, depth + 1);
  return 'answer';
}

/**
 * True when the failure is a fault (throttling, timeout, network, 5xx) rather than an answer.
 *
 * @param error - the thrown value
 */
export function isFault(error: unknown): boolean {
  return classifyFault(error) !== 'answer';
}
