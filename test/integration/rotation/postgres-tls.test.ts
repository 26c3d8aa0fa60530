/**
 * TLS to PostgreSQL during rotation: verified against the given CA, no downgrade to plain TCP
 * when the server's certificate is not trusted, plain TCP (`prefer`) only when the server has no TLS.
 * Members of `tls_only` may log in over TLS only (pg_hba), which proves the rotation used TLS.
 */
import { randomUUID } from 'node:crypto';
import { CreateSecretCommand } from '@aws-sdk/client-secrets-manager';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isSecretkitError } from '../../../src/errors/secretkit-error.js';
import { runRotation } from '../../../src/rotation/index.js';
import { postgresSingleUser } from '../../../src/rotation/postgres/index.js';
import { smClient, useEmulator } from '../../support/aws.js';
import { type DatabaseAdmin, postgresAdmin } from '../../support/databases/admin.js';
import { makeTestCertificates, type TestCertificates, usePostgres } from '../../support/databases/index.js';
import { readStage, uniqueUser } from '../../support/databases/rotation-suite.js';

let certs: TestCertificates | undefined;
afterAll(() => certs?.remove());
const server = usePostgres({
  tls: () => {
    certs = makeTestCertificates();
    return certs;
  },
  hba: ['hostnossl all +tls_only 127.0.0.1/32 reject'],
});

describe('PostgreSQL rotation over TLS', () => {
  useEmulator();
  let admin: DatabaseAdmin;

  beforeAll(async () => {
    admin = await postgresAdmin(server());
    await admin.query('CREATE ROLE tls_only NOLOGIN');
  });

  async function tlsOnlyUser(extra: Record<string, unknown> = {}) {
    const user = uniqueUser('tls');
    const password = `initial-${randomUUID()}`;
    await admin.createAppUser(user, password);
    await admin.query(`GRANT tls_only TO "${user}"`);
    const s = server();
    const value = { engine: 'postgres', host: s.host, port: s.port, username: user, password, ...extra };
    const out = await smClient().send(
      new CreateSecretCommand({ Name: `db/${user}`, SecretString: JSON.stringify(value) }),
    );
    return { id: out.ARN ?? '', user, password };
  }

  it('rotates over TLS verified with the given CA', async () => {
    const { id, user, password } = await tlsOnlyUser();
    await runRotation(smClient(), id, postgresSingleUser({ tls: { ca: certs?.caPem ?? '' } }));
    const now = await readStage(id, 'AWSCURRENT');
    expect(now.password).not.toBe(password);
    expect(now.username).toBe(user);
  });

  it.each([
    ['require', { tls: 'require' as const }, {}],
    ['prefer (default, no ssl key)', {}, {}],
    ['ssl: true in the secret', {}, { ssl: true }],
  ])('fails without a trusted CA (%s) and does not fall back to plain TCP', async (_, options, extra) => {
    const { id, user, password } = await tlsOnlyUser(extra);
    const error = await runRotation(smClient(), id, postgresSingleUser(options)).catch((e: unknown) => e);
    expect(isSecretkitError(error, 'ROTATION_FAILED')).toBe(true);
    expect(String((error as Error).cause)).toMatch(/certificate/i);
    const s = server();
    // Nothing changed: the old password still logs in (over TLS, as tls_only requires).
    const check = new pg.Client({
      host: s.host,
      port: s.port,
      user,
      password,
      database: 'postgres',
      ssl: { ca: certs?.caPem ?? '' },
    });
    await check.connect();
    await check.end();
  });
});
