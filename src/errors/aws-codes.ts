/**
 * The one table that decides, for an AWS error name, both the {@link SecretkitErrorCode} and
 * whether the failure is a *fault* (the service or the path to it is unhealthy: worth a stale
 * value, backoff, another region) or an *answer* (another attempt would say the same).
 *
 * It is read per service ({@link awsErrorRow}): {@link AWS_ERRORS} holds the names of Secrets
 * Manager and the names every AWS service shares (they mean the same for Parameter Store);
 * SSM_ERRORS (errors/ssm-codes.ts, the same table's Parameter Store part) adds the names only
 * Parameter Store answers, read before AWS_ERRORS for Parameter Store calls only.
 *
 * `test/unit/errors/aws-codes.test.ts` pins it against smithy's own throttling and transient
 * lists. One deliberate deviation: smithy lists `LimitExceededException` as throttling, but
 * Secrets Manager uses it for quotas (too many versions, secrets, tags): an answer.
 * `test/unit/ssm/errors.test.ts` pins the Parameter Store names.
 */
import type { SecretkitErrorCode } from './secretkit-error.js';

/** How a failure is classified. Everything except `answer` is a fault. */
export type FaultKind = 'throttled' | 'timeout' | 'network' | 'server' | 'answer';

/** One row of the table. */
export interface AwsErrorRow {
  /** The code the error maps to. */
  readonly code: SecretkitErrorCode;
  /** Fault or answer. */
  readonly kind: FaultKind;
}

/** An answer row of `code` (also used by errors/ssm-codes.ts). */
export const answerRow = (code: SecretkitErrorCode): AwsErrorRow => ({ code, kind: 'answer' });
/** The throttling row (also used by errors/ssm-codes.ts). */
export const THROTTLED_ROW: AwsErrorRow = { code: 'THROTTLED', kind: 'throttled' };
const answer = answerRow;
const THROTTLED = THROTTLED_ROW;
const TIMEOUT: AwsErrorRow = { code: 'TIMEOUT', kind: 'timeout' };
const SERVER: AwsErrorRow = { code: 'REGION_UNAVAILABLE', kind: 'server' };

/** By AWS error name (`error.name`, the `__type` of the response). */
export const AWS_ERRORS: Readonly<Record<string, AwsErrorRow>> = Object.freeze({
  // answers
  ResourceNotFoundException: answer('NOT_FOUND'),
  SecretStageVersionMismatchException: answer('NOT_FOUND'),
  AccessDeniedException: answer('ACCESS_DENIED'),
  AccessDenied: answer('ACCESS_DENIED'),
  UnauthorizedOperation: answer('ACCESS_DENIED'),
  UnrecognizedClientException: answer('ACCESS_DENIED'),
  InvalidClientTokenId: answer('ACCESS_DENIED'),
  DecryptionFailure: answer('DECRYPTION_FAILURE'),
  ResourceExistsException: answer('ALREADY_EXISTS'),
  InvalidParameterException: answer('INVALID_REQUEST'),
  InvalidRequestException: answer('INVALID_REQUEST'),
  MalformedPolicyDocumentException: answer('INVALID_REQUEST'),
  LimitExceededException: answer('INVALID_REQUEST'),
  PreconditionNotMetException: answer('INVALID_REQUEST'),
  EncryptionFailure: answer('INVALID_REQUEST'),
  // throttling (smithy's THROTTLING_ERROR_CODES, less LimitExceededException)
  BandwidthLimitExceeded: THROTTLED,
  EC2ThrottledException: THROTTLED,
  PriorRequestNotComplete: THROTTLED,
  ProvisionedThroughputExceededException: THROTTLED,
  RequestLimitExceeded: THROTTLED,
  RequestThrottled: THROTTLED,
  RequestThrottledException: THROTTLED,
  SlowDown: THROTTLED,
  ThrottledException: THROTTLED,
  Throttling: THROTTLED,
  ThrottlingException: THROTTLED,
  TooManyRequestsException: THROTTLED,
  TransactionInProgressException: THROTTLED,
  // transient (smithy's TRANSIENT_ERROR_CODES) and aborts
  TimeoutError: TIMEOUT,
  RequestTimeout: TIMEOUT,
  RequestTimeoutException: TIMEOUT,
  AbortError: TIMEOUT,
  // server side
  InternalServiceError: SERVER,
  InternalFailure: SERVER,
  ServiceUnavailable: SERVER,
  ServiceUnavailableException: SERVER,
});

/** Rows a service adds to {@link AWS_ERRORS} (Parameter Store's: errors/ssm-codes.ts). */
export type AwsErrorRows = Readonly<Record<string, AwsErrorRow>>;

/**
 * The row for an AWS error name, for one service. Own properties only: `constructor` or
 * `toString` are not rows.
 *
 * @param name - the error's `name`
 * @param serviceRows - the rows of the service that answered, read first (Parameter Store's
 *   {@link SSM_ERRORS}); none for Secrets Manager. Passed by reference, so a reader that never
 *   talks to Parameter Store does not bundle its rows.
 * @returns the row, or `undefined` for a name the table does not know
 */
export function awsErrorRow(name: string, serviceRows?: AwsErrorRows): AwsErrorRow | undefined {
  if (serviceRows !== undefined && Object.hasOwn(serviceRows, name)) return serviceRows[name];
  return Object.hasOwn(AWS_ERRORS, name) ? AWS_ERRORS[name] : undefined;
}

/** Node network error codes (`error.code`): the region is unreachable. */
export const NETWORK_CODES: ReadonlySet<string> = new Set([
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

/** The code of each fault kind when the name is not in the table. */
export const FAULT_CODES: Readonly<Record<Exclude<FaultKind, 'answer'>, SecretkitErrorCode>> = Object.freeze({
  throttled: 'THROTTLED',
  timeout: 'TIMEOUT',
  network: 'REGION_UNAVAILABLE',
  server: 'REGION_UNAVAILABLE',
});
