/**
 * The engine-agnostic flows behind postgres* and mysql* strategies (src/rotation/sql), driven
 * with an in-memory engine: username toggling, secret validation, the login order of setSecret,
 * the safety checks, TLS fallback and error sanitising.
 */
import { describe, expect, it } from 'vitest';
import { isSecretkitError, type SecretkitError } from '../../../src/errors/secretkit-error.js';
import { createAlternatingUsersStrategy } from '../../../src/rotation/sql/alternating-users.js';
import type { ConnectTarget, SqlEngine, SqlSession } from '../../../src/rotation/sql/engine.js';
import { sanitizeCause } from '../../../src/rotation/sql/errors.js';
import { parseDbCredentials } from '../../../src/rotation/sql/secret.js';
import { createSingleUserStrategy } from '../../../src/rotation/sql/single-user.js';
import { resolveTls } from '../../../src/rotation/sql/tls.js';
import { alternateUsername } from '../../../src/rotation/sql/usernames.js';
import type { RotationStepContext } from '../../../src/rotation/strategy.js';

interface FakeSession extends SqlSession {
  readonly user: string;
}

function fakeEngine(options: { tlsSupported?: boolean } = {}) {
  const users = new Map<string, string>();
  const logins: { user: string; tls: boolean; ok: boolean }[] = [];
  const calls: string[] = [];
  const engine: SqlEngine<FakeSession> = {
    label: 'FakeDB',
    engines: ['fake'],
    defaultPort: 1234,
    maxUsernameLength: 16,
    async connect(target: ConnectTarget) {
      if (target.tls !== false && options.tlsSupported === false) {
        const error = new Error('server does not do TLS') as Error & { code: string };
        error.code = 'NO_TLS';
        throw error;
      }
      const ok = users.get(target.user) === target.password;
      logins.push({ user: target.user, tls: target.tls !== false, ok });
      if (!ok) {
        const error = new Error(`password authentication failed for user "${target.user}"`) as Error & {
          code: string;
        };
        error.code = '28P01';
        throw error;
      }
      return { user: target.user, ping: async () => {}, close: async () => {} };
    },
    isTlsUnsupported: (error) => (error as { code?: string }).code === 'NO_TLS',
    async setOwnPassword(session, username, password) {
      calls.push(`setOwnPassword as ${session.user} for ${username}`);
      users.set(username, password);
    },
    async upsertClone(session, current, clone, password) {
      calls.push(`upsertClone as ${session.user}: ${current} -> ${clone}`);
      users.set(clone, password);
    },
  };
  return { engine, users, logins, calls };
}

function context(secrets: Record<string, string> = {}): RotationStepContext {
  return {
    client: { send: async () => ({}) } as unknown as RotationStepContext['client'],
    secretId: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf',
    token: 'token-1',
    generatePassword: async () => 'generated-password',
    getSecretString: async (id) => {
      const value = secrets[id];
      if (value === undefined) throw new Error(`no secret ${id}`);
      return value;
    },
  };
}

const value = (fields: Record<string, unknown>) =>
  JSON.stringify({ engine: 'fake', host: 'db.local', port: 1234, dbname: 'app', ...fields });

describe('alternateUsername', () => {
  it('toggles name <-> name_clone', () => {
    expect(alternateUsername('app', 63)).toBe('app_clone');
    expect(alternateUsername('app_clone', 63)).toBe('app');
    expect(alternateUsername('_clone', 63)).toBe('_clone_clone');
  });

  it("enforces the engine's length limit on the clone only", () => {
    expect(alternateUsername('a'.repeat(57), 63)).toHaveLength(63);
    expect(() => alternateUsername('a'.repeat(58), 63)).toThrow(/exceed 63/);
    expect(() => alternateUsername('abcdefghijk', 16)).toThrow(/exceed 16/);
    expect(alternateUsername(`${'a'.repeat(60)}_clone`, 63)).toBe('a'.repeat(60));
  });
});

describe('parseDbCredentials', () => {
  const opts = { engines: ['postgres'], secretId: 's', role: 'AWSCURRENT' } as const;
  const good = { engine: 'postgres', host: 'h', username: 'u', password: 'p4ss-w0rd' };

  it('accepts the RDS shape, numeric-string ports, and keeps unknown keys', () => {
    const parsed = parseDbCredentials(
      JSON.stringify({ ...good, port: '5433', dbInstanceIdentifier: 'x' }),
      opts,
    );
    expect(parsed).toMatchObject({ port: 5433, username: 'u', dbname: undefined });
    expect(parsed.fields['dbInstanceIdentifier']).toBe('x');
  });

  it.each([
    ['not JSON', '{nope', undefined],
    ['an array', '[]', undefined],
    ['missing host', JSON.stringify({ ...good, host: undefined }), 'host'],
    ['empty password', JSON.stringify({ ...good, password: '' }), 'password'],
    ['wrong engine', JSON.stringify({ ...good, engine: 'mysql' }), 'engine'],
    ['bad port', JSON.stringify({ ...good, port: 70000 }), 'port'],
    ['non-string dbname', JSON.stringify({ ...good, dbname: 5 }), 'dbname'],
  ])('rejects %s with ROTATION_FAILED and no value in the message', (_, text, field) => {
    let error: unknown;
    try {
      parseDbCredentials(text, opts);
    } catch (e) {
      error = e;
    }
    expect(isSecretkitError(error, 'ROTATION_FAILED')).toBe(true);
    expect((error as SecretkitError).details).toMatchObject(field ? { stage: 'AWSCURRENT', field } : {});
    expect((error as Error).message).not.toContain('p4ss-w0rd');
  });
});

describe('resolveTls', () => {
  it("follows the secret's ssl key unless the option is set", () => {
    expect(resolveTls(undefined, undefined)).toEqual({
      tls: { rejectUnauthorized: true },
      fallbackToPlain: true,
    });
    expect(resolveTls(undefined, true).fallbackToPlain).toBe(false);
    expect(resolveTls(undefined, 'TRUE').tls).not.toBe(false);
    expect(resolveTls(undefined, 'false').tls).toBe(false);
    expect(resolveTls('disable', true).tls).toBe(false);
    expect(resolveTls({ ca: 'PEM' }, false)).toEqual({ tls: { ca: 'PEM' }, fallbackToPlain: false });
  });
});

describe('single-user flow', () => {
  const current = value({ username: 'app', password: 'current-pw', extra: 'kept' });
  const pending = value({ username: 'app', password: 'pending-pw', extra: 'kept' });
  const previous = value({ username: 'app', password: 'previous-pw' });

  it('createPendingValue copies AWSCURRENT with a new password', async () => {
    const { engine } = fakeEngine();
    const strategy = createSingleUserStrategy('t', engine, { tls: 'disable' });
    const out = JSON.parse(await strategy.createPendingValue({ current }, context()));
    expect(out).toEqual({ ...JSON.parse(current), password: 'generated-password' });
  });

  it('does nothing when AWSPENDING already logs in', async () => {
    const fake = fakeEngine();
    fake.users.set('app', 'pending-pw');
    await createSingleUserStrategy('t', fake.engine, { tls: 'disable' }).setSecret(
      { current, pending },
      context(),
    );
    expect(fake.calls).toEqual([]);
  });

  it('logs in with AWSCURRENT, else AWSPREVIOUS, and sets the pending password', async () => {
    const fake = fakeEngine();
    fake.users.set('app', 'previous-pw');
    await createSingleUserStrategy('t', fake.engine, { tls: 'disable' }).setSecret(
      { current, pending, previous },
      context(),
    );
    expect(fake.logins.map((l) => [l.user, l.ok])).toEqual([
      ['app', false],
      ['app', false],
      ['app', true],
    ]);
    expect(fake.calls).toEqual(['setOwnPassword as app for app']);
    expect(fake.users.get('app')).toBe('pending-pw');
  });

  it('refuses a pending value for another user or host before logging in with current', async () => {
    const fake = fakeEngine();
    fake.users.set('app', 'current-pw');
    const strategy = createSingleUserStrategy('t', fake.engine, { tls: 'disable' });
    const otherUser = value({ username: 'admin', password: 'pending-pw' });
    await expect(strategy.setSecret({ current, pending: otherUser }, context())).rejects.toMatchObject({
      code: 'ROTATION_FAILED',
      details: { check: 'username' },
    });
    const otherHost = JSON.stringify({ ...JSON.parse(pending), host: 'evil.example' });
    await expect(strategy.setSecret({ current, pending: otherHost }, context())).rejects.toMatchObject({
      details: { check: 'host' },
    });
    expect(fake.calls).toEqual([]);
    expect(fake.logins.map((l) => l.user)).toEqual(['admin', 'app']);
  });

  it('fails with a sanitised cause when nothing logs in', async () => {
    const fake = fakeEngine();
    const error = await createSingleUserStrategy('t', fake.engine, { tls: 'disable' })
      .setSecret({ current, pending, previous }, context())
      .catch((e: unknown) => e);
    expect(isSecretkitError(error, 'ROTATION_FAILED')).toBe(true);
    const cause = (error as Error).cause as Error & { code?: string };
    expect(cause.code).toBe('28P01');
    expect(cause.message).toContain('"app"');
  });

  it('testSecret logs in with pending, and fails when it cannot', async () => {
    const fake = fakeEngine();
    const strategy = createSingleUserStrategy('t', fake.engine, { tls: 'disable' });
    await expect(strategy.testSecret({ current, pending }, context())).rejects.toMatchObject({
      code: 'ROTATION_FAILED',
      details: { step: 'testSecret' },
    });
    fake.users.set('app', 'pending-pw');
    await expect(strategy.testSecret({ current, pending }, context())).resolves.toBeUndefined();
  });

  it('falls back to plain TCP only when the server has no TLS (prefer)', async () => {
    const fake = fakeEngine({ tlsSupported: false });
    fake.users.set('app', 'pending-pw');
    await createSingleUserStrategy('t', fake.engine, {}).testSecret({ current, pending }, context());
    expect(fake.logins).toEqual([{ user: 'app', tls: false, ok: true }]);
    const strict = createSingleUserStrategy('t', fake.engine, { tls: 'require' });
    await expect(strict.testSecret({ current, pending }, context())).rejects.toMatchObject({
      code: 'ROTATION_FAILED',
    });
  });
});

describe('alternating-users flow', () => {
  const masterArn = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:master-XyZ123';
  const current = value({ username: 'app', password: 'current-pw', masterarn: masterArn });
  const pending = value({ username: 'app_clone', password: 'pending-pw', masterarn: masterArn });

  it('createPendingValue toggles the user and requires masterarn', async () => {
    const { engine } = fakeEngine();
    const strategy = createAlternatingUsersStrategy('t', engine, { tls: 'disable' });
    expect(JSON.parse(await strategy.createPendingValue({ current }, context()))).toMatchObject({
      username: 'app_clone',
      password: 'generated-password',
      masterarn: masterArn,
    });
    const noMaster = value({ username: 'app', password: 'x' });
    await expect(strategy.createPendingValue({ current: noMaster }, context())).rejects.toMatchObject({
      details: { field: 'masterarn' },
    });
    const tooLong = value({ username: 'a_very_long_name', password: 'x', masterarn: masterArn });
    await expect(strategy.createPendingValue({ current: tooLong }, context())).rejects.toMatchObject({
      code: 'ROTATION_FAILED',
      details: { check: 'username-length' },
    });
  });

  it('checks current, then creates the clone as the master user (master secret with only username/password)', async () => {
    const fake = fakeEngine();
    fake.users.set('app', 'current-pw');
    fake.users.set('admin', 'master-pw');
    const ctx = context({ [masterArn]: JSON.stringify({ username: 'admin', password: 'master-pw' }) });
    await createAlternatingUsersStrategy('t', fake.engine, { tls: 'disable' }).setSecret(
      { current, pending },
      ctx,
    );
    expect(fake.logins.map((l) => [l.user, l.ok])).toEqual([
      ['app_clone', false],
      ['app', true],
      ['admin', true],
    ]);
    expect(fake.calls).toEqual(['upsertClone as admin: app -> app_clone']);
  });

  it('refuses when current does not log in, or the master is on another host', async () => {
    const fake = fakeEngine();
    fake.users.set('admin', 'master-pw');
    const strategy = createAlternatingUsersStrategy('t', fake.engine, { tls: 'disable' });
    const elsewhere = value({ username: 'admin', password: 'master-pw', host: 'other.local' });
    await expect(
      strategy.setSecret({ current, pending }, context({ [masterArn]: elsewhere })),
    ).rejects.toMatchObject({ code: 'ROTATION_FAILED', message: expect.stringContaining('AWSCURRENT') });
    fake.users.set('app', 'current-pw');
    await expect(
      strategy.setSecret({ current, pending }, context({ [masterArn]: elsewhere })),
    ).rejects.toMatchObject({ details: { check: 'host' } });
    expect(fake.calls).toEqual([]);
  });

  it('refuses a pending user that is not the alternate of the current one', async () => {
    const fake = fakeEngine();
    const wrong = value({ username: 'root', password: 'pending-pw', masterarn: masterArn });
    await expect(
      createAlternatingUsersStrategy('t', fake.engine, { tls: 'disable' }).setSecret(
        { current, pending: wrong },
        context(),
      ),
    ).rejects.toMatchObject({ details: { check: 'username' } });
  });
});

describe('sanitizeCause', () => {
  it('keeps diagnostics, drops SQL text and redacts passwords', () => {
    const driverError = Object.assign(new Error("syntax error near 'hunter2'"), {
      code: 'ER_PARSE_ERROR',
      errno: 1064,
      sqlState: '42000',
      sql: "ALTER USER 'app'@'%' IDENTIFIED BY 'hunter2'",
      sqlMessage: "near 'hunter2'",
    });
    const safe = sanitizeCause(driverError, ['hunter2', undefined]) as Error & Record<string, unknown>;
    expect(safe.message).toBe("syntax error near '[redacted]'");
    expect(safe).toMatchObject({ code: 'ER_PARSE_ERROR', errno: 1064, sqlState: '42000' });
    expect(safe['sql']).toBeUndefined();
    expect(JSON.stringify(safe) + safe.message + String(safe['sqlMessage'])).not.toContain('hunter2');
  });

  it('keeps the messages of an AggregateError (connect to every address of a host)', () => {
    const aggregate = new AggregateError([
      new Error('connect ECONNREFUSED ::1:5432'),
      new Error('connect ECONNREFUSED 127.0.0.1:5432'),
    ]);
    Object.assign(aggregate, { code: 'ECONNREFUSED' });
    const safe = sanitizeCause(aggregate, []) as Error & Record<string, unknown>;
    expect(safe.message).toBe('connect ECONNREFUSED ::1:5432; connect ECONNREFUSED 127.0.0.1:5432');
    expect(safe['code']).toBe('ECONNREFUSED');
  });
});
