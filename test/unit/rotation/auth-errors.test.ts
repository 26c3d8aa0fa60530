import { describe, expect, it } from 'vitest';
import { isDatabaseAuthError, isMysqlAuthError, isPgAuthError } from '../../../src/rotation/index.js';

describe('isPgAuthError', () => {
  it.each(['28P01', '28000'])('recognises SQLSTATE %s in code', (code) => {
    expect(isPgAuthError(Object.assign(new Error('password authentication failed'), { code }))).toBe(true);
  });

  it('recognises a wrapped error through its cause chain', () => {
    const inner = Object.assign(new Error('denied'), { code: '28P01' });
    expect(isPgAuthError(new Error('query failed', { cause: new Error('connect', { cause: inner }) }))).toBe(
      true,
    );
  });

  it('rejects other SQLSTATEs, non-objects and network errors', () => {
    expect(isPgAuthError(Object.assign(new Error('x'), { code: '42P01' }))).toBe(false);
    expect(isPgAuthError(Object.assign(new Error('x'), { code: 'ECONNREFUSED' }))).toBe(false);
    expect(isPgAuthError('28P01')).toBe(false);
    expect(isPgAuthError(null)).toBe(false);
  });

  it('stops at a cyclic cause chain', () => {
    const a: { code: string; cause?: unknown } = { code: 'X' };
    a.cause = a;
    expect(isPgAuthError(a)).toBe(false);
  });
});

describe('isMysqlAuthError', () => {
  it('recognises errno 1045 and ER_ACCESS_DENIED_ERROR', () => {
    expect(isMysqlAuthError({ errno: 1045, code: 'ER_ACCESS_DENIED_ERROR', sqlState: '28000' })).toBe(true);
    expect(isMysqlAuthError({ errno: 1045 })).toBe(true);
    expect(isMysqlAuthError({ code: 'ER_ACCESS_DENIED_ERROR' })).toBe(true);
  });

  it('rejects other errors', () => {
    expect(isMysqlAuthError({ errno: 1146, code: 'ER_NO_SUCH_TABLE' })).toBe(false);
    expect(isMysqlAuthError(new Error('boom'))).toBe(false);
  });
});

describe('isDatabaseAuthError', () => {
  it('accepts either engine', () => {
    expect(isDatabaseAuthError({ code: '28P01' })).toBe(true);
    expect(isDatabaseAuthError({ errno: 1045 })).toBe(true);
    expect(isDatabaseAuthError({ code: 'ETIMEDOUT' })).toBe(false);
  });
});
