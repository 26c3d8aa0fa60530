/**
 * Maps Parameter Store errors to {@link SecretkitError} codes. Messages name the parameter and
 * the operation, never a value; the SDK error is kept as `cause`. Codes and fault/answer come
 * from the one table (errors/aws-codes.ts) read with Parameter Store's rows (errors/ssm-codes.ts); this file only words the messages.
 */
import { awsErrorRow, FAULT_CODES } from '../errors/aws-codes.js';
import { toSecretkitError } from '../errors/aws-error.js';
import { classifyFault } from '../errors/classify.js';
import { isSecretkitError, SecretkitError, type SecretkitErrorCode } from '../errors/secretkit-error.js';
import { SSM_ERRORS } from '../errors/ssm-codes.js';

const WHAT: Partial<Record<SecretkitErrorCode, string>> = {
  NOT_FOUND: 'the parameter (or the requested version or label) does not exist',
  ACCESS_DENIED: 'access denied (ssm:GetParameter*, and kms:Decrypt for a SecureString)',
  ALREADY_EXISTS: 'the parameter exists; pass overwrite: true to replace it',
  DECRYPTION_FAILURE: 'the KMS key of the SecureString is invalid or not usable',
  THROTTLED: 'throttled by Parameter Store beyond the SDK retries',
  TIMEOUT: 'no answer before the deadline',
  REGION_UNAVAILABLE: 'Parameter Store did not answer',
  INVALID_REQUEST: 'Parameter Store refused the request as invalid',
};

function nameOf(error: unknown): string {
  const name = (error as { name?: unknown } | null)?.name;
  return typeof name === 'string' ? name : '';
}

/**
 * Converts what a Parameter Store call threw into a {@link SecretkitError}.
 *
 * @param error - what the SDK threw
 * @param operation - e.g. `GetParameter`
 * @param name - the parameter, when the call names one
 */
export function toParameterError(error: unknown, operation: string, name?: string): SecretkitError {
  if (isSecretkitError(error)) return error;
  const awsName = nameOf(error);
  const kind = classifyFault(error, SSM_ERRORS);
  const code = kind === 'answer' ? awsErrorRow(awsName, SSM_ERRORS)?.code : FAULT_CODES[kind];
  if (code === undefined) {
    return toSecretkitError(error, { operation, secretId: name === undefined ? undefined : `ssm:${name}` });
  }
  const target = name === undefined ? operation : `${operation} of parameter "${name}"`;
  return new SecretkitError(code, `${target} failed: ${WHAT[code] ?? awsName} (${awsName}).`, {
    cause: error,
    secretId: name,
    details: { operation, awsErrorName: awsName, store: 'ssm' },
  });
}

/** `NOT_FOUND` for a name GetParameters listed in `InvalidParameters`. */
export function parameterNotFound(name: string, operation: string): SecretkitError {
  return new SecretkitError('NOT_FOUND', `${operation} of parameter "${name}" failed: ${WHAT.NOT_FOUND}.`, {
    secretId: name,
    details: { operation, store: 'ssm' },
  });
}
