import { describe, expect, it, vi } from 'vitest';
import { isSecretkitError } from '../../../src/errors/secretkit-error.js';
import { databaseCredentialsSchema, withSecret } from '../../../src/rotation/index.js';
import { createFakeReader } from './fake-reader.js';

const authError = () => Object.assign(new Error('password authentication failed'), { code: '28P01' });

describe('withSecret', () => {
  it('runs fn once with the cached value when it succeeds', async () => {
    // Prepare
    const reader = createFakeReader({ AWSCURRENT: 'pw1' });
    // Act
    const out = await withSecret(reader, 'db', async (pw) => `used ${pw}`);
    // Assess
    expect(out).toBe('used pw1');
    expect(reader.calls).toEqual([{ secretId: 'db', stage: 'AWSCURRENT', forceRefresh: false }]);
  });

  it('force-refreshes and retries after an auth error, with the new value', async () => {
    const reader = createFakeReader({ AWSCURRENT: 'old' });
    const seen: string[] = [];
    const out = await withSecret(reader, 'db', async (pw, { retry }) => {
      seen.push(`${retry}:${pw}`);
      if (pw === 'old') {
        reader.values.set('AWSCURRENT', 'new');
        throw authError();
      }
      return 'ok';
    });
    expect(out).toBe('ok');
    expect(seen).toEqual(['0:old', '1:new']);
    expect(reader.calls.map((c) => c.forceRefresh)).toEqual([false, true]);
  });

  it('throws AUTH_RETRIES_EXHAUSTED with the last error as cause after maxRetries refreshes', async () => {
    const reader = createFakeReader({ AWSCURRENT: 'bad' });
    const last = authError();
    const fn = vi.fn(async () => {
      throw last;
    });
    const error = await withSecret(reader, 'db', fn, { maxRetries: 2 }).catch((e: unknown) => e);
    expect(isSecretkitError(error, 'AUTH_RETRIES_EXHAUSTED')).toBe(true);
    expect((error as Error).cause).toBe(last);
    expect((error as Error).message).not.toContain('bad');
    expect(fn).toHaveBeenCalledTimes(3);
    expect(reader.calls.filter((c) => c.forceRefresh)).toHaveLength(2);
  });

  it('defaults to 5 retries', async () => {
    const reader = createFakeReader({ AWSCURRENT: 'x' });
    const fn = vi.fn(async () => {
      throw { errno: 1045 };
    });
    await expect(withSecret(reader, 'db', fn)).rejects.toMatchObject({ code: 'AUTH_RETRIES_EXHAUSTED' });
    expect(fn).toHaveBeenCalledTimes(6);
  });

  it('rethrows other errors at once without refreshing', async () => {
    const reader = createFakeReader({ AWSCURRENT: 'x' });
    const boom = new Error('syntax error');
    await expect(withSecret(reader, 'db', async () => Promise.reject(boom))).rejects.toBe(boom);
    expect(reader.calls).toHaveLength(1);
  });

  it('uses a custom classifier and calls onAuthError before refreshing', async () => {
    const reader = createFakeReader({ AWSCURRENT: 'k1' });
    const onAuthError = vi.fn();
    let n = 0;
    const out = await withSecret(
      reader,
      'api',
      async (key) => {
        if (n++ === 0) throw Object.assign(new Error('401'), { status: 401 });
        return key;
      },
      { isAuthError: (e) => (e as { status?: number }).status === 401, onAuthError },
    );
    expect(out).toBe('k1');
    expect(onAuthError).toHaveBeenCalledWith(expect.objectContaining({ status: 401 }), 1);
  });

  it('parses and validates with a schema, typed by it', async () => {
    const reader = createFakeReader({ AWSCURRENT: JSON.stringify({ username: 'app', password: 'p' }) });
    const user = await withSecret(reader, 'db', async (creds) => creds.username, {
      schema: databaseCredentialsSchema,
    });
    expect(user).toBe('app');
  });

  it('propagates read errors (e.g. NOT_FOUND) without calling fn', async () => {
    const reader = createFakeReader({});
    const fn = vi.fn(async () => 1);
    await expect(withSecret(reader, 'db', fn)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(fn).not.toHaveBeenCalled();
  });

  it('rejects a negative or fractional maxRetries', async () => {
    const reader = createFakeReader({ AWSCURRENT: 'x' });
    await expect(withSecret(reader, 'db', async () => 1, { maxRetries: -1 })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
    });
    await expect(withSecret(reader, 'db', async () => 1, { maxRetries: 1.5 })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
    });
  });

  it('with maxRetries 0 fails on the first auth error', async () => {
    const reader = createFakeReader({ AWSCURRENT: 'x' });
    await expect(
      withSecret(reader, 'db', async () => Promise.reject(authError()), { maxRetries: 0 }),
    ).rejects.toMatchObject({
      code: 'AUTH_RETRIES_EXHAUSTED',
    });
    expect(reader.calls).toHaveLength(1);
  });
});
