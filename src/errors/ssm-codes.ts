/**
 * The Parameter Store part of the one error table (errors/aws-codes.ts): the names only
 * Parameter Store answers. In a file of its own so that a Secrets Manager reader does not
 * bundle it; ssm/errors.ts passes it to `awsErrorRow` and `classifyFault`.
 */
import { type AwsErrorRow, type AwsErrorRows, answerRow, THROTTLED_ROW } from './aws-codes.js';

const answer = answerRow;
const THROTTLED: AwsErrorRow = THROTTLED_ROW;

/**
 * Parameter Store's own names (the SSM model's exceptions), for `'ssm'` only. They are not rows
 * of AWS_ERRORS: Secrets Manager never answers them, and a Secrets Manager call failing with one
 * (`ValidationException`, `InvalidKeyId`...) keeps `AWS_ERROR` as it always did. A name here
 * overrides AWS_ERRORS for Parameter Store; none needs to today (the shared names such as
 * `ResourceNotFoundException`, `AccessDeniedException`, `InvalidParameterException` mean the
 * same in both services and live in AWS_ERRORS only).
 */
export const SSM_ERRORS: AwsErrorRows = Object.freeze({
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
