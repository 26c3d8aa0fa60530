/**
 * The one table (src/errors/aws-codes.ts) that decides code and fault/answer, pinned against
 * smithy's own lists of throttling and transient errors (the lists the SDK's retry strategy
 * uses), read from the installed @smithy/core; and how it is read per service (the Parameter
 * Store names themselves are pinned in test/unit/ssm/errors.test.ts).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { isThrottlingError, isTransientError } from '@smithy/core/retry';
import { describe, expect, it } from 'vitest';
import { AWS_ERRORS, awsErrorRow, FAULT_CODES } from '../../../src/errors/aws-codes.js';
import { toSecretkitError } from '../../../src/errors/aws-error.js';
import { classifyFault, isFault } from '../../../src/errors/classify.js';
import { SSM_ERRORS } from '../../../src/errors/ssm-codes.js';

/** Reads `export const NAME = [...]` from smithy's constants file. */
function smithyList(name: string): string[] {
  const require = createRequire(import.meta.url);
  const root = dirname(require.resolve('@smithy/core/package.json'));
  const text = readFileSync(
    join(root, 'dist-es/submodules/retry/service-error-classification/constants.js'),
    'utf8',
  );
  const body = new RegExp(`${name} = \\[([^\\]]*)\\]`).exec(text)?.[1];
  if (body === undefined) throw new Error(`${name} not found in smithy's constants`);
  return [...body.matchAll(/["']([^"']+)["']/g)].map((m) => m[1] as string);
}

const awsError = (name: string, status = 400) =>
  Object.assign(new Error(`${name} happened`), { name, $metadata: { httpStatusCode: status } });

/** Where secretkit deliberately disagrees with smithy, and why. */
const DEVIATIONS: Readonly<Record<string, string>> = {
  // Secrets Manager's quota error (too many versions, secrets, tags...): asking again, or in
  // another region, gets the same answer.
  LimitExceededException: 'INVALID_REQUEST',
};

describe('AWS error table', () => {
  const throttling = smithyList('THROTTLING_ERROR_CODES');
  const transient = smithyList('TRANSIENT_ERROR_CODES');

  it('reads non-empty lists from smithy', () => {
    expect(throttling).toContain('ThrottlingException');
    expect(transient).toContain('TimeoutError');
  });

  it.each(throttling)('%s: THROTTLED and a fault, as smithy says (or a documented deviation)', (name) => {
    expect(isThrottlingError(awsError(name) as never)).toBe(true);
    const mapped = toSecretkitError(awsError(name), { operation: 'GetSecretValue' });
    const deviation = DEVIATIONS[name];
    if (deviation !== undefined) {
      expect(mapped.code).toBe(deviation);
      expect(isFault(awsError(name))).toBe(false);
      return;
    }
    expect(AWS_ERRORS[name]).toEqual({ code: 'THROTTLED', kind: 'throttled' });
    expect(mapped.code).toBe('THROTTLED');
    expect(classifyFault(awsError(name))).toBe('throttled');
  });

  it.each(transient)('%s: TIMEOUT and a fault', (name) => {
    expect(isTransientError(awsError(name) as never)).toBe(true);
    expect(toSecretkitError(awsError(name), { operation: 'GetSecretValue' }).code).toBe('TIMEOUT');
    expect(isFault(awsError(name))).toBe(true);
  });

  it.each(smithyList('TRANSIENT_ERROR_STATUS_CODES').map(Number))('HTTP %i: a fault', (status) => {
    expect(isFault(awsError('SomethingNew', status))).toBe(true);
    expect(toSecretkitError(awsError('SomethingNew', status), { operation: 'x' }).code).toBe(
      'REGION_UNAVAILABLE',
    );
  });

  it.each([...smithyList('NODEJS_TIMEOUT_ERROR_CODES'), ...smithyList('NODEJS_NETWORK_ERROR_CODES')])(
    'Node error code %s: REGION_UNAVAILABLE, a fault',
    (code) => {
      const error = Object.assign(new Error('socket'), { code });
      expect(classifyFault(error)).toBe('network');
      expect(toSecretkitError(error, { operation: 'x' }).code).toBe('REGION_UNAVAILABLE');
    },
  );

  it('has one row per name: every answer row is an answer for the classifier too', () => {
    for (const [name, row] of Object.entries(AWS_ERRORS)) {
      expect(classifyFault(awsError(name)), name).toBe(row.kind);
      const code = toSecretkitError(awsError(name), { operation: 'x' }).code;
      expect(code, name).toBe(row.code);
    }
  });

  it('does not take names from the prototype chain (constructor, toString)', () => {
    expect(toSecretkitError(awsError('constructor'), { operation: 'x' }).code).toBe('AWS_ERROR');
    expect(toSecretkitError(awsError('toString'), { operation: 'x' }).code).toBe('AWS_ERROR');
  });

  it('treats a garbled success body (SyntaxError) as a fault and an unparseable 403 as a denial', () => {
    expect(isFault(awsError('SyntaxError', 200))).toBe(true);
    expect(toSecretkitError(awsError('SyntaxError', 200), { operation: 'x' }).code).toBe(
      'REGION_UNAVAILABLE',
    );
    expect(isFault(awsError('SyntaxError', 403))).toBe(false);
    expect(toSecretkitError(awsError('SyntaxError', 403), { operation: 'x' }).code).toBe('ACCESS_DENIED');
  });

  it('gives every fault row the code FAULT_CODES gives its kind, in both services', () => {
    for (const [name, row] of [...Object.entries(AWS_ERRORS), ...Object.entries(SSM_ERRORS)]) {
      if (row.kind !== 'answer') expect(row.code, name).toBe(FAULT_CODES[row.kind]);
    }
  });

  it('reads Parameter Store rows for ssm only, then the shared rows', () => {
    for (const [name, row] of Object.entries(SSM_ERRORS)) {
      expect(awsErrorRow(name, SSM_ERRORS), name).toBe(row);
      // A row here is one Secrets Manager does not have (or an override): no copies of shared rows.
      expect(AWS_ERRORS[name], name).not.toEqual(row);
      expect(awsErrorRow(name), name).toBe(Object.hasOwn(AWS_ERRORS, name) ? AWS_ERRORS[name] : undefined);
      expect(classifyFault(awsError(name), SSM_ERRORS), name).toBe(row.kind);
    }
    for (const [name, row] of Object.entries(AWS_ERRORS)) {
      if (!Object.hasOwn(SSM_ERRORS, name)) expect(awsErrorRow(name, SSM_ERRORS), name).toBe(row);
    }
    expect(awsErrorRow('constructor', SSM_ERRORS)).toBeUndefined();
    expect(awsErrorRow('toString')).toBeUndefined();
  });

  it('classifies a wrapped error by its cause for the same service', () => {
    const wrapped = Object.assign(new Error('wrapped'), {
      name: 'Wrapper',
      cause: awsError('TooManyUpdates'),
    });
    expect(classifyFault(wrapped, SSM_ERRORS)).toBe('throttled');
    expect(classifyFault(wrapped)).toBe('answer');
  });
});
