/**
 * TLS to MariaDB during rotation: verified against the given CA, no downgrade when the server's
 * certificate is not trusted, and the alternating-users clone gets the TLS requirement
 * (`REQUIRE SSL`) of the user it copies. Users here `REQUIRE SSL`, which proves the rotation used TLS.
 */
import { randomUUID } from 'node:crypto';
import { CreateSecretCommand } from '@aws-sdk/client-secrets-manager';
import mysql from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isSecretkitError } from '../../../src/errors/secretkit-error.js';
import { runRotation } from '../../../src/rotation/index.js';
import { mysqlAlternatingUsers, mysqlSingleUser } from '../../../src/rotation/mysql/index.js';
import { smClient, useEmulator } from '../../support/aws.js';
import { type DatabaseAdmin, mariadbAdmin } from '../../support/databases/admin.js';
import { makeTestCertificates, type TestCertificates, useMariaDb } from '../../support/databases/index.js';
import { readStage, uniqueUser } from '../../support/databases/rotation-suite.js';

let certs: TestCertificates | undefined;
afterAll(() => certs?.remove());
const server = useMariaDb(() => {
  certs = makeTestCertificates();
  return certs;
});

describe('MariaDB rotation over TLS', () => {
  useEmulator();
  let admin: DatabaseAdmin;
  const ca = () => ({ ca: certs?.caPem ?? '' });

  beforeAll(async () => {
    admin = await mariadbAdmin(server());
  });

  async function sslUser(extra: Record<string, unknown> = {}) {
    const user = uniqueUser('tls');
    const password = `initial-${randomUUID()}`;
    await admin.createAppUser(user, password);
    await admin.query('ALTER USER ?@? REQUIRE SSL', [user, '%']);
    const s = server();
    const value = { engine: 'mariadb', host: s.host, port: s.port, username: user, password, ...extra };
    const out = await smClient().send(
      new CreateSecretCommand({ Name: `db/${user}`, SecretString: JSON.stringify(value) }),
    );
    return { id: out.ARN ?? '', user, password };
  }

  it('rotates a user that requires TLS, verified with the given CA', async () => {
    const { id, user, password } = await sslUser();
    await runRotation(smClient(), id, mysqlSingleUser({ tls: ca() }));
    const now = await readStage(id, 'AWSCURRENT');
    expect(now.password).not.toBe(password);
    expect(now.username).toBe(user);
  });

  it('fails without a trusted CA (require) and does not fall back to plain TCP', async () => {
    const { id } = await sslUser();
    const error = await runRotation(smClient(), id, mysqlSingleUser({ tls: 'require' })).catch(
      (e: unknown) => e,
    );
    expect(isSecretkitError(error, 'ROTATION_FAILED')).toBe(true);
    expect(String((error as Error).cause)).toMatch(/certificate/i);
  });

  it('alternating users: the clone requires TLS like the original', async () => {
    const master = uniqueUser('master');
    const masterPassword = `master-${randomUUID()}`;
    await admin.createMasterUser(master, masterPassword);
    const s = server();
    const masterOut = await smClient().send(
      new CreateSecretCommand({
        Name: `db/${master}`,
        SecretString: JSON.stringify({
          engine: 'mariadb',
          host: s.host,
          port: s.port,
          username: master,
          password: masterPassword,
        }),
      }),
    );
    const { id, user } = await sslUser({ masterarn: masterOut.ARN });
    await runRotation(smClient(), id, mysqlAlternatingUsers({ tls: ca() }));
    const now = await readStage(id, 'AWSCURRENT');
    expect(now.username).toBe(`${user}_clone`);
    const rows = await admin.query('SELECT ssl_type FROM mysql.user WHERE User = ? AND Host = ?', [
      now.username,
      '%',
    ]);
    expect(rows[0]?.['ssl_type']).toBe('ANY');
    // Without TLS the clone is refused, with it it reads the data.
    expect(await admin.canLogin(now.username, now.password)).toBe(false);
    const conn = await mysql.createConnection({
      host: s.host,
      port: s.port,
      user: now.username,
      password: now.password,
      ssl: ca(),
    });
    const [items] = await conn.query<mysql.RowDataPacket[]>('SELECT id FROM appdb.items');
    await conn.end();
    expect(items).toHaveLength(3);
  });
});
