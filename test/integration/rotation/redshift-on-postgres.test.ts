/**
 * The Redshift strategies, run on the local PostgreSQL with the SQL both accept. What this file
 * proves: the four steps, idempotency, resume, AWSPREVIOUS recovery, the safety checks, md5
 * password hashes (the server authenticates with md5 here, so a wrong hash would not log in),
 * AWS's template's grant copy (database, schema, table privileges), and the preflight. What it
 * cannot prove: anything Redshift-only (its own password checks, identifier case folding,
 * pg_user on a real cluster). Every test name says "on PostgreSQL".
 */
import { randomUUID } from 'node:crypto';
import { CreateSecretCommand } from '@aws-sdk/client-secrets-manager';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkRotation } from '../../../src/rotation/index.js';
import { redshiftAlternatingUsers, redshiftSingleUser } from '../../../src/rotation/redshift/index.js';
import { smClient, useEmulator } from '../../support/aws.js';
import { type DatabaseAdmin, postgresAdmin } from '../../support/databases/admin.js';
import { usePostgres } from '../../support/databases/index.js';
import { preflightSuite } from '../../support/databases/preflight-suite.js';
import { rotationSuite, uniqueUser } from '../../support/databases/rotation-suite.js';

const server = usePostgres({ hba: ['host all all 127.0.0.1/32 md5'] });
let admin: DatabaseAdmin | undefined;
beforeAll(async () => {
  admin = await postgresAdmin(server());
});
const ident = (n: string) => `"${n.replace(/"/g, '""')}"`;
const superMaster = async (name: string, password: string) => {
  await admin!.query(`CREATE ROLE ${ident(name)} LOGIN SUPERUSER PASSWORD '${password}'`);
};

rotationSuite({
  name: 'Redshift strategies on PostgreSQL (shared SQL only)',
  server,
  admin: () => admin!,
  engineName: 'redshift',
  createMasterUser: superMaster,
  singleUser: () => redshiftSingleUser({ tls: 'disable' }),
  singleUserDefaults: () => redshiftSingleUser(),
  alternatingUsers: () => redshiftAlternatingUsers({ tls: 'disable' }),
});

preflightSuite({
  name: 'Redshift preflight on PostgreSQL (shared SQL only)',
  server,
  admin: () => admin!,
  engineName: 'redshift',
  createMasterUser: superMaster,
  singleUser: () => redshiftSingleUser({ tls: 'disable' }),
  alternatingUsers: () => redshiftAlternatingUsers({ tls: 'disable' }),
  maxUsernameLength: 128,
  passwordHashes: async () =>
    JSON.stringify(await admin!.query('SELECT rolname, rolpassword FROM pg_authid ORDER BY rolname')),
  createMasterWithoutCreate: (name, password) => admin!.createMasterUser(name, password),
});

describe('Redshift rules, checked on PostgreSQL', () => {
  useEmulator();

  async function secretFor(user: string, password: string): Promise<string> {
    const s = server();
    const out = await smClient().send(
      new CreateSecretCommand({
        Name: `db/${user}`,
        SecretString: JSON.stringify({
          engine: 'redshift',
          host: s.host,
          port: s.port,
          username: user,
          password,
          dbname: 'postgres',
        }),
      }),
    );
    return out.ARN as string;
  }

  it("on PostgreSQL: the rotated password is stored as Redshift's md5 hash (md5 + md5(password + user))", async () => {
    const user = uniqueUser('rs');
    const password = `initial-${randomUUID()}`;
    await admin!.createAppUser(user, password);
    const id = await secretFor(user, password);
    const { runRotation } = await import('../../../src/rotation/index.js');
    await runRotation(smClient(), id, redshiftSingleUser({ tls: 'disable' }));
    const rows = await admin!.query('SELECT rolpassword FROM pg_authid WHERE rolname = $1', [user]);
    expect(String(rows[0]?.['rolpassword'])).toMatch(/^md5[0-9a-f]{32}$/);
  });

  it('PASSWORD_POLICY_REJECTED (Redshift rule, evaluated locally): a policy without digits', async () => {
    const user = uniqueUser('rs');
    const password = `initial-${randomUUID()}`;
    await admin!.createAppUser(user, password);
    const id = await secretFor(user, password);
    const result = await checkRotation(smClient(), id, redshiftSingleUser({ tls: 'disable' }), {
      requireRotationEnabled: false,
      password: { excludeNumbers: true, length: 80 },
    });
    const messages = result.findings
      .filter((f) => f.code === 'PASSWORD_POLICY_REJECTED')
      .map((f) => f.message);
    expect(messages.some((m) => m.includes('a digit'))).toBe(true);
    expect(messages.some((m) => m.includes('maximum of 64'))).toBe(true);
  });

  it('CLONE_NAME_INVALID (Redshift rule, evaluated locally): an uppercase user name', async () => {
    const user = `Rs${uniqueUser('u')}`;
    const password = `initial-${randomUUID()}`;
    await admin!.createAppUser(user, password);
    const id = await secretFor(user, password);
    const result = await checkRotation(smClient(), id, redshiftSingleUser({ tls: 'disable' }), {
      requireRotationEnabled: false,
    });
    expect(result.findings.map((f) => f.code)).toContain('CLONE_NAME_INVALID');
  });
});
