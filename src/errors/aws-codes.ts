/**
 * The one table that decides, for an AWS error name, both the {@link SecretkitErrorCode} and
 * whether the failure is a *fault* (the service or the path to it is unhealthy: worth a stale
 * value, backoff, another region) or an *answer* (another attempt would say the same).
 *
 * It is read per service ({@link awsErrorRow}): {@link AWS_ERRORS} holds the names of Secrets
 * Manager and the names every AWS service shares (they mean the same for Parameter Store);
 * {@link SSM_ERRORS} adds the names only Parameter Store answers, read before AWS_ERRORS for
 * `'ssm'` and never for Secrets Manager.
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

const answer = (code: SecretkitErrorCode): AwsErrorRow => ({ code, kind: 'answer' });
const THROTTLED: AwsErrorRow = { code: 'THROTTLED', kind: 'throttled' };
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

/**
 * Parameter Store's own names (the SSM model's exceptions), for `'ssm'` only. They are not rows
 * of AWS_ERRORS: Secrets Manager never answers them, and a Secrets Manager call failing with one
 * (`ValidationException`, `InvalidKeyId`...) keeps `AWS_ERROR` as it always did. A name here
 * overrides AWS_ERRORS for Parameter Store; none needs to today (the shared names such as
 * `ResourceNotFoundException`, `AccessDeniedException`, `InvalidParameterException` mean the
 * same in both services and live in AWS_ERRORS only).
 */
export const SSM_ERRORS: Readonly<Record<string, AwsErrorRow>> = Object.freeze({
  // answers
  ParameterNotFound: answer('NOT_FOUND'),
  ParameterVersionNotFound: answer('NOT_FOUND'),
  ParameterAlreadyExists: answer('ALREADY_EXISTS'),
  InvalidKeyId: answer('DECRYPTION_FAILURE'),
  KMSAccessDeniedException: answer('ACCESS_DENIED'),
  ValidationException: answer('INVALID_REQUEST'),
  ParameterLimitExceeded: answer('INVALID_REQUEST'),
  ParameterMaxVersionLimitExceeded: answer('INVALID_REQUEST'),
  HierarchyLevelLimitExceededException: answer('INVALID_REQUEST'),
  HierarchyTypeMismatchException: answer('INVALID_REQUEST'),
  UnsupportedParameterType: answer('INVALID_REQUEST'),
  InvalidAllowedPatternException: answer('INVALID_REQUEST'),
  ParameterPatternMismatchException: answer('INVALID_REQUEST'),
  InvalidFilterKey: answer('INVALID_REQUEST'),
  InvalidFilterValue: answer('INVALID_REQUEST'),
  InvalidNextToken: answer('INVALID_REQUEST'),
  // TooManyUpdates (HTTP 400, not in smithy's lists, so the SDK does not retry it): concurrent
  // updates of one parameter, which supports one at a time. Another attempt a little later
  // succeeds, so it is a throttle: THROTTLED, as ssm/errors.ts always mapped it, and a fault of
  // kind 'throttled', which the raw error now is for the classifier too (before, only the
  // mapped THROTTLED error was a fault; the SDK error itself classified as an answer).
  TooManyUpdates: THROTTLED,
});

/** The service an AWS error came from: which rows of the table apply. */
export type AwsService = 'secretsmanager' | 'ssm';

/**
 * The row for an AWS error name, for one service. Own properties only: `constructor` or
 * `toString` are not rows.
 *
 * @param name - the error's `name`
 * @param service - where it came from; anything but `'ssm'` reads Secrets Manager's rows
 * @returns the row, or `undefined` for a name the table does not know
 */
export function awsErrorRow(name: string, service: AwsService = 'secretsmanager'): AwsErrorRow | undefined {
  if (service === 'ssm' && Object.hasOwn(SSM_ERRORS, name)) return SSM_ERRORS[name];
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
