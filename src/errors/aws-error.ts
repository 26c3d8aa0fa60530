/**
 * Maps whatever an SDK call threw (AWS service exceptions, network errors, aborts) to a
 * {@link SecretkitError} with a stable code. Messages name the secret and the operation and
 * never carry a value; the original error is kept as `cause`.
 */
import { awsErrorRow, FAULT_CODES } from './aws-codes.js';
import { classifyFault } from './classify.js';
import { isSecretkitError, SecretkitError, type SecretkitErrorCode } from './secretkit-error.js';

/** What the failing call was about. */
export interface AwsErrorContext {
  /** The operation, e.g. `GetSecretValue`. */
  readonly operation: string;
  /** The secret id or ARN, when the call names one. */
  readonly secretId?: string | undefined;
  /** The region the call went to. */
  readonly region?: string | undefined;
}

interface NamedError {
  readonly name?: unknown;
  readonly message?: unknown;
}

const DIAGNOSE_HINT =
  'Run `npx secretkit doctor <id>` (or diagnoseSecretAccess) to see which permission or key is at fault.';

function describeTarget(ctx: AwsErrorContext): string {
  const where = ctx.region ? ` in ${ctx.region}` : '';
  return ctx.secretId ? `${ctx.operation} of secret "${ctx.secretId}"${where}` : `${ctx.operation}${where}`;
}

function textOf(error: unknown): { name: string; message: string } {
  const e = (typeof error === 'object' && error !== null ? error : {}) as NamedError;
  return {
    name: typeof e.name === 'string' ? e.name : '',
    message: typeof e.message === 'string' ? e.message : '',
  };
}

function httpStatus(error: unknown): number | undefined {
  const meta = (error as { $metadata?: { httpStatusCode?: unknown } } | null)?.$metadata;
  return typeof meta?.httpStatusCode === 'number' ? meta.httpStatusCode : undefined;
}

/** The code for an error the service answered with (not a fault). */
function answerCode(error: unknown): SecretkitErrorCode {
  const { name, message } = textOf(error);
  if (
    name === 'InvalidRequestException' &&
    /marked for deletion|scheduled for deletion|deleted/i.test(message)
  ) {
    return 'DELETED';
  }
  if (
    (name === 'InvalidParameterException' || name === 'InvalidRequestException') &&
    /not permitted on a replica/i.test(message)
  ) {
    return 'REPLICA_WRITE';
  }
  const row = awsErrorRow(name);
  if (row) return row.code;
  // A 403 that the SDK could not parse (e.g. an XML body where JSON was expected) is still a denial.
  if (httpStatus(error) === 403) return 'ACCESS_DENIED';
  if (httpStatus(error) === 404) return 'NOT_FOUND';
  return 'AWS_ERROR';
}

/** Names of errors the SDK raises on the client side (configuration, credentials). */
const CLIENT_SIDE_NAMES = new Set([
  'Error',
  'CredentialsProviderError',
  'ProviderError',
  'TokenProviderError',
]);

/**
 * The message of an error raised before any request was sent ("Region is missing", "Could not
 * load credentials from any providers"): it carries no value, and without it the user only
 * sees `failed with Error.`. Errors that came back from AWS (`$metadata`) or carry a response
 * body are never quoted.
 */
function clientSideMessage(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const e = error as { $metadata?: unknown; $response?: unknown; $responseBodyText?: unknown };
  if (e.$metadata !== undefined || e.$response !== undefined || e.$responseBodyText !== undefined)
    return undefined;
  const { name, message } = textOf(error);
  if (!CLIENT_SIDE_NAMES.has(name) || message.length === 0) return undefined;
  return message.length > 300 ? `${message.slice(0, 300)}...` : message;
}

/**
 * What may be kept as `cause`: the SDK error, except a body the SDK could not parse (its
 * `$responseBodyText` may hold a secret value): that becomes a bare error naming the failure.
 */
function safeCause(error: unknown): unknown {
  if (textOf(error).name !== 'SyntaxError') return error;
  const bare = new Error('the response body could not be parsed');
  bare.name = 'SyntaxError';
  const metadata = (error as { $metadata?: unknown }).$metadata;
  return metadata === undefined ? bare : Object.assign(bare, { $metadata: metadata });
}

function messageFor(code: SecretkitErrorCode, ctx: AwsErrorContext, error: unknown): string {
  const target = describeTarget(ctx);
  switch (code) {
    case 'NOT_FOUND':
      return `${target} failed: the secret (or the requested version) does not exist.`;
    case 'DELETED':
      return `${target} failed: the secret is scheduled for deletion. Restore it (RestoreSecret) to use it.`;
    case 'ACCESS_DENIED':
      return `${target} failed: access denied. ${DIAGNOSE_HINT}`;
    case 'DECRYPTION_FAILURE':
      return `${target} failed: Secrets Manager could not decrypt the value with its KMS key. ${DIAGNOSE_HINT}`;
    case 'ALREADY_EXISTS':
      return `${target} failed: a secret with this name, or a version with this token and another value, already exists.`;
    case 'REPLICA_WRITE':
      return `${target} failed: the secret in this region is a replica; write to the primary region.`;
    case 'INVALID_REQUEST':
      return `${target} failed: AWS refused the request as invalid (${textOf(error).name || 'invalid request'}).`;
    case 'THROTTLED':
      return `${target} was throttled by AWS beyond the SDK's own retries.`;
    case 'TIMEOUT':
      return `${target} did not complete before its deadline.`;
    case 'REGION_UNAVAILABLE':
      return `${target} failed: the region did not answer (${textOf(error).name || 'network error'}).`;
    default: {
      const clientSide = clientSideMessage(error);
      if (clientSide !== undefined) return `${target} failed before reaching AWS: ${clientSide}`;
      return `${target} failed with ${textOf(error).name || 'an unknown error'}.`;
    }
  }
}

/**
 * Converts anything an SDK call threw into a {@link SecretkitError}. A SecretkitError passes
 * through unchanged. Faults (throttling, timeouts, network, 5xx) get `THROTTLED`, `TIMEOUT` or
 * `REGION_UNAVAILABLE`; service answers get the specific code (`NOT_FOUND`, `DELETED`,
 * `ACCESS_DENIED`, `DECRYPTION_FAILURE`, ...), else `AWS_ERROR`.
 *
 * @param error - what the SDK threw
 * @param ctx - the operation, secret and region, used for the message
 * @returns a SecretkitError with `cause` set to `error`
 */
export function toSecretkitError(error: unknown, ctx: AwsErrorContext): SecretkitError {
  if (isSecretkitError(error)) return error;
  const kind = classifyFault(error);
  const code = kind === 'answer' ? answerCode(error) : FAULT_CODES[kind];
  return new SecretkitError(code, messageFor(code, ctx, error), {
    cause: safeCause(error),
    secretId: ctx.secretId,
    region: ctx.region,
    details: { operation: ctx.operation, awsErrorName: textOf(error).name || undefined },
  });
}
