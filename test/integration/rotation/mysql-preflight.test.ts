import { randomUUID } from 'node:crypto';
import { CreateSecretCommand } from '@aws-sdk/client-secrets-manager';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkRotation } from '../../../src/rotation/index.js';
import { mysqlAlternatingUsers, mysqlSingleUser } from '../../../src/rotation/mysql/index.js';
import { smClient, useEmulator } from '../../support/aws.js';
import { type DatabaseAdmin, mariadbAdmin } from '../../support/databases/admin.js';
import { useMariaDb } from '../../support/databases/index.js';
import { emulatorSnapshot, preflightSuite } from '../../support/databases/preflight-suite.js';
import { uniqueUser } from '../../support/databases/rotation-suite.js';

const server = useMariaDb();
let admin: DatabaseAdmin | undefined;
beforeAll(async () => {
  admin = await mariadbAdmin(server());
});
const hashes = async () =>
  JSON.stringify(
    await admin!.query('SELECT User, Host, authentication_string FROM mysql.user ORDER BY User, Host'),
  );

preflightSuite({
  name: 'MariaDB',
  server,
  admin: () => admin!,
  singleUser: () => mysqlSingleUser({ tls: 'disable' }),
  alternatingUsers: () => mysqlAlternatingUsers({ tls: 'disable' }),
  maxUsernameLength: 32,
  passwordHashes: hashes,
  createMasterWithoutCreate: async (name, password) => {
    await admin!.query('CREATE USER ?@? IDENTIFIED BY ?', [name, '%', password]);
    await admin!.query('GRANT SELECT ON mysql.* TO ?@?', [name, '%']);
    await admin!.query('GRANT ALL PRIVILEGES ON appdb.* TO ?@? WITH GRANT OPTION', [name, '%']);
  },
  createMasterWithoutGrant: async (name, password) => {
    await admin!.query('CREATE USER ?@? IDENTIFIED BY ?', [name, '%', password]);
    await admin!.query('GRANT CREATE USER ON *.* TO ?@?', [name, '%']);
    await admin!.query('GRANT SELECT ON mysql.* TO ?@?', [name, '%']);
    // It may use appdb (so it logs into it) but not grant on it.
    await admin!.query('GRANT SELECT ON appdb.* TO ?@?', [name, '%']);
  },
});

describe('MariaDB: checkRotation and the server password policy', () => {
  useEmulator();

  it('PASSWORD_POLICY_REJECTED: simple_password_check wants longer passwords than the policy makes', async () => {
    const user = uniqueUser('pw');
    const password = `initial-${randomUUID()}`;
    await admin!.createAppUser(user, password);
    const s = server();
    const id = (
      await smClient().send(
        new CreateSecretCommand({
          Name: `db/${user}`,
          SecretString: JSON.stringify({
            engine: 'mariadb',
            host: s.host,
            port: s.port,
            username: user,
            password,
            dbname: 'appdb',
          }),
        }),
      )
    ).ARN as string;
    await admin!.query("INSTALL SONAME 'simple_password_check'");
    try {
      await admin!.query('SET GLOBAL simple_password_check_minimal_length = 40');
      const before = [await hashes(), await emulatorSnapshot()];
      const result = await checkRotation(smClient(), id, mysqlSingleUser({ tls: 'disable' }), {
        requireRotationEnabled: false,
        password: { length: 32 },
      });
      expect([await hashes(), await emulatorSnapshot()]).toEqual(before);
      const f = result.findings.find((x) => x.code === 'PASSWORD_POLICY_REJECTED');
      expect(f?.message).toContain('simple_password_check');
      expect(f?.message).toContain('minimum of 40');
      const ok = await checkRotation(smClient(), id, mysqlSingleUser({ tls: 'disable' }), {
        requireRotationEnabled: false,
        password: { length: 48 },
      });
      expect(ok.findings.map((x) => x.code)).not.toContain('PASSWORD_POLICY_REJECTED');
    } finally {
      await admin!.query("UNINSTALL SONAME 'simple_password_check'");
    }
  });
});
