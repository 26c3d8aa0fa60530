/**
 * Parameter Store error mapping (src/ssm/errors.ts), read from the one table in
 * src/errors/aws-codes.ts: every Parameter Store name keeps the code it had when ssm/errors.ts
 * kept its own table, with the classification of each; faults keep the Parameter Store
 * messages; names outside the table keep the generic mapping with the `ssm:` secret id.
 */
import { describe, expect, it } from 'vitest';
import { toSecretkitError } from '../../../src/errors/aws-error.js';
import { classifyFault, isFault } from '../../../src/errors/classify.js';
import { SSM_ERRORS } from '../../../src/errors/ssm-codes.js';
import { parameterNotFound, toParameterError } from '../../../src/ssm/errors.js';

const awsError = (name: string, status = 400, extra: Record<string, unknown> = {}) =>
  Object.assign(new Error(`${name} happened`), { name, $metadata: { httpStatusCode: status }, ...extra });

/** The table src/ssm/errors.ts kept before issue #10 (BY_NAME), copied as it was. */
const BEFORE: Readonly<Record<string, string>> = {
  ParameterNotFound: 'NOT_FOUND',
  ParameterVersionNotFound: 'NOT_FOUND',
  ResourceNotFoundException: 'NOT_FOUND',
  AccessDeniedException: 'ACCESS_DENIED',
  AccessDenied: 'ACCESS_DENIED',
  UnrecognizedClientException: 'ACCESS_DENIED',
  InvalidClientTokenId: 'ACCESS_DENIED',
  ParameterAlreadyExists: 'ALREADY_EXISTS',
  InvalidKeyId: 'DECRYPTION_FAILURE',
  KMSAccessDeniedException: 'ACCESS_DENIED',
  TooManyUpdates: 'THROTTLED',
  ValidationException: 'INVALID_REQUEST',
  ParameterLimitExceeded: 'INVALID_REQUEST',
  ParameterMaxVersionLimitExceeded: 'INVALID_REQUEST',
  HierarchyLevelLimitExceededException: 'INVALID_REQUEST',
  HierarchyTypeMismatchException: 'INVALID_REQUEST',
  UnsupportedParameterType: 'INVALID_REQUEST',
  InvalidAllowedPatternException: 'INVALID_REQUEST',
  ParameterPatternMismatchException: 'INVALID_REQUEST',
  InvalidFilterKey: 'INVALID_REQUEST',
  InvalidFilterValue: 'INVALID_REQUEST',
  InvalidNextToken: 'INVALID_REQUEST',
  InvalidParameterException: 'INVALID_REQUEST',
  InvalidRequestException: 'INVALID_REQUEST',
};

/** The only Parameter Store name that is a fault: a concurrency throttle on one parameter. */
const FAULT_NAMES: Readonly<Record<string, string>> = { TooManyUpdates: 'throttled' };

describe('toParameterError: Parameter Store names', () => {
  it.each(Object.entries(BEFORE))('%s: %s, as before, with the Parameter Store message', (name, code) => {
    const error = awsError(name);
    const mapped = toParameterError(error, 'GetParameter', '/app/x');
    expect(mapped.code).toBe(code);
    expect(mapped.secretId).toBe('/app/x');
    expect(mapped.cause).toBe(error);
    expect(mapped.details).toEqual({ operation: 'GetParameter', awsErrorName: name, store: 'ssm' });
    expect(mapped.message).toMatch(
      new RegExp(`^GetParameter of parameter "/app/x" failed: .+ \\(${name}\\)\\.$`),
    );
    expect(mapped.message).not.toMatch(/Secrets Manager|secret "/);
  });

  it.each(Object.keys(BEFORE))('%s: classified for Parameter Store as the table says', (name) => {
    const kind = FAULT_NAMES[name] ?? 'answer';
    expect(classifyFault(awsError(name), SSM_ERRORS)).toBe(kind);
    // The mapped error classifies the same way: the cache and the router see one decision.
    expect(classifyFault(toParameterError(awsError(name), 'GetParameter', '/app/x'))).toBe(kind);
  });

  it('TooManyUpdates is a throttled fault for Parameter Store, an unknown answer for Secrets Manager', () => {
    expect(isFault(toParameterError(awsError('TooManyUpdates'), 'PutParameter', '/p'))).toBe(true);
    expect(classifyFault(awsError('TooManyUpdates'))).toBe('answer');
    expect(toSecretkitError(awsError('TooManyUpdates'), { operation: 'PutSecretValue' }).code).toBe(
      'AWS_ERROR',
    );
  });

  it('Parameter Store names mean nothing to Secrets Manager (its mapping is unchanged)', () => {
    for (const name of [
      'ParameterNotFound',
      'ValidationException',
      'InvalidKeyId',
      'KMSAccessDeniedException',
    ]) {
      expect(toSecretkitError(awsError(name), { operation: 'GetSecretValue' }).code, name).toBe('AWS_ERROR');
    }
  });

  it('names the operation alone when the call names no parameter', () => {
    const mapped = toParameterError(awsError('InvalidNextToken'), 'GetParametersByPath');
    expect(mapped.message).toBe(
      'GetParametersByPath failed: Parameter Store refused the request as invalid (InvalidNextToken).',
    );
    expect(mapped.secretId).toBeUndefined();
  });
});

describe('toParameterError: faults', () => {
  it.each([
    [
      'ThrottlingException',
      'THROTTLED',
      awsError('ThrottlingException', 400, { $retryable: { throttling: true } }),
    ],
    ['HTTP 429', 'THROTTLED', awsError('SomethingNew', 429)],
    ['TimeoutError', 'TIMEOUT', awsError('TimeoutError', 0)],
    ['HTTP 503', 'REGION_UNAVAILABLE', awsError('SomethingNew', 503)],
    [
      '$fault server, no status',
      'REGION_UNAVAILABLE',
      Object.assign(new Error('x'), { name: 'X', $fault: 'server' }),
    ],
    ['ECONNREFUSED', 'REGION_UNAVAILABLE', Object.assign(new Error('socket'), { code: 'ECONNREFUSED' })],
  ])('%s: %s with the Parameter Store message', (_label, code, error) => {
    const mapped = toParameterError(error, 'GetParameter', '/app/x');
    expect(mapped.code).toBe(code);
    expect(mapped.details).toMatchObject({ operation: 'GetParameter', store: 'ssm' });
    expect(mapped.secretId).toBe('/app/x');
    expect(isFault(mapped)).toBe(true);
  });
});

describe('toParameterError: names outside the table', () => {
  it('an unknown name keeps the generic mapping, the parameter as `ssm:<name>`', () => {
    const mapped = toParameterError(awsError('SomethingNew'), 'GetParameter', '/app/x');
    expect(mapped.code).toBe('AWS_ERROR');
    expect(mapped.secretId).toBe('ssm:/app/x');
    expect(mapped.details).toEqual({ operation: 'GetParameter', awsErrorName: 'SomethingNew' });
    expect(toParameterError(awsError('SomethingNew'), 'GetParameters').secretId).toBeUndefined();
  });

  it('an unparseable 404 or 403 keeps the generic mapping by status', () => {
    expect(toParameterError(awsError('SyntaxError', 404), 'GetParameter', '/x').code).toBe('NOT_FOUND');
    expect(toParameterError(awsError('SyntaxError', 403), 'GetParameter', '/x').code).toBe('ACCESS_DENIED');
  });

  // Before issue #10 the lookup read the prototype chain: a SecretkitError with a function as code.
  it.each(['constructor', 'toString', 'hasOwnProperty', '__proto__'])(
    'does not take %s from the prototype chain',
    (name) => {
      const mapped = toParameterError(awsError(name), 'GetParameter', '/app/x');
      expect(mapped.code).toBe('AWS_ERROR');
      expect(mapped.secretId).toBe('ssm:/app/x');
    },
  );

  // Before issue #10 these names went to the Secrets Manager mapping (same code, but a message
  // about a secret and Secrets Manager, the id as `ssm:<name>`, no `store`): now the one table
  // gives them the Parameter Store message like every other answer it knows.
  it.each([
    ['UnauthorizedOperation', 'ACCESS_DENIED'],
    ['DecryptionFailure', 'DECRYPTION_FAILURE'],
    ['LimitExceededException', 'INVALID_REQUEST'],
  ])('%s (a shared row): %s with the Parameter Store message', (name, code) => {
    const mapped = toParameterError(awsError(name), 'GetParameter', '/app/x');
    expect(mapped.code).toBe(code);
    expect(mapped.secretId).toBe('/app/x');
    expect(mapped.details).toEqual({ operation: 'GetParameter', awsErrorName: name, store: 'ssm' });
    expect(mapped.message).not.toMatch(/Secrets Manager|secretkit doctor/);
  });

  it('passes a SecretkitError through', () => {
    const error = parameterNotFound('/p', 'GetParameters');
    expect(toParameterError(error, 'GetParameter', '/q')).toBe(error);
  });
});

describe('parameterNotFound', () => {
  it('is NOT_FOUND with the Parameter Store message and no cause', () => {
    const error = parameterNotFound('/app/x', 'GetParameters');
    expect(error.code).toBe('NOT_FOUND');
    expect(error.message).toBe(
      'GetParameters of parameter "/app/x" failed: the parameter (or the requested version or label) does not exist.',
    );
    expect(error.details).toEqual({ operation: 'GetParameters', store: 'ssm' });
    expect(error.cause).toBeUndefined();
  });
});
