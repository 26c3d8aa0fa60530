/**
 * Decides whether a failure is a *fault* (the service or the path to it is unhealthy: worth
 * serving a stale value, backing off, or trying another region) or an *answer* (not found,
 * access denied, invalid request, decryption failure: another attempt or region would say the
 * same). The decision for AWS error names comes from the one table in aws-codes.ts.
 *
 * Used by the SDK boundary (sdk/send.ts), the cache (stale-if-error, backoff) and failover.
 */
import { type AwsErrorRows, awsErrorRow, type FaultKind, NETWORK_CODES } from './aws-codes.js';
import { isSecretkitError } from './secretkit-error.js';

export type { AwsErrorRows, FaultKind } from './aws-codes.js';

interface ErrorShape {
  readonly name?: unknown;
  readonly code?: unknown;
  readonly $fault?: unknown;
  readonly $metadata?: { readonly httpStatusCode?: unknown };
  readonly $retryable?: { readonly throttling?: unknown };
  readonly cause?: unknown;
}

/**
 * Classifies any thrown value. AWS SDK errors are read by `name` (the table), then
 * `$metadata.httpStatusCode`, `$retryable` and `$fault`; Node network errors by `code`;
 * secretkit's own errors by their code. Unknown shapes are `answer` (fail closed: never mask an
 * error we do not understand with a stale value).
 *
 * @param error - the thrown value
 * @param serviceRows - the rows of the service that answered, read before the shared ones
 *   (Parameter Store's SSM_ERRORS, errors/ssm-codes.ts, where `TooManyUpdates` is a throttle);
 *   none for Secrets Manager
 * @returns the fault kind
 */
export function classifyFault(error: unknown, serviceRows?: AwsErrorRows): FaultKind {
  return classify(error, serviceRows, 0);
}

function classify(error: unknown, serviceRows: AwsErrorRows | undefined, depth: number): FaultKind {
  if (typeof error !== 'object' || error === null) return 'answer';
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
  const e = error as ErrorShape;
  const name = typeof e.name === 'string' ? e.name : '';
  const row = awsErrorRow(name, serviceRows);
  if (row !== undefined) return row.kind;
  const status = typeof e.$metadata?.httpStatusCode === 'number' ? e.$metadata.httpStatusCode : undefined;
  // A garbled or truncated success body: the SDK's parser throws SyntaxError. That response
  // was no answer: handled like a 5xx. (An unparseable 403/404 body is still decided by status.)
  if (name === 'SyntaxError' && (status === undefined || status < 300)) return 'server';
  if (status === 429 || e.$retryable?.throttling === true) return 'throttled';
  if (typeof e.code === 'string' && NETWORK_CODES.has(e.code)) return 'network';
  if (status !== undefined && status >= 500) return 'server';
  if (status === undefined && e.$fault === 'server') return 'server';
  if (status === undefined && e.cause !== undefined && depth < 5)
    return classify(e.cause, serviceRows, depth + 1);
  return 'answer';
}

/**
 * True when the failure is a fault (throttling, timeout, network, 5xx, garbled body) rather
 * than an answer.
 *
 * @param error - the thrown value
 */
export function isFault(error: unknown): boolean {
  return classifyFault(error) !== 'answer';
}
