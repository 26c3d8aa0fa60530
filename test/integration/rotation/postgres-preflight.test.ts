import { beforeAll } from 'vitest';
import { postgresAlternatingUsers, postgresSingleUser } from '../../../src/rotation/postgres/index.js';
import { type DatabaseAdmin, postgresAdmin } from '../../support/databases/admin.js';
import { usePostgres } from '../../support/databases/index.js';
import { preflightSuite } from '../../support/databases/preflight-suite.js';

const server = usePostgres();
let admin: DatabaseAdmin | undefined;
beforeAll(async () => {
  admin = await postgresAdmin(server());
});
const ident = (n: string) => `"${n.replace(/"/g, '""')}"`;

preflightSuite({
  name: 'PostgreSQL',
  server,
  admin: () => admin!,
  singleUser: () => postgresSingleUser({ tls: 'disable' }),
  alternatingUsers: () => postgresAlternatingUsers({ tls: 'disable' }),
  maxUsernameLength: 63,
  passwordHashes: async () =>
    JSON.stringify(await admin!.query('SELECT rolname, rolpassword FROM pg_authid ORDER BY rolname')),
  createMasterWithoutCreate: async (name, password) => {
    await admin!.query(`CREATE ROLE ${ident(name)} LOGIN PASSWORD '${password}'`);
  },
  createMasterWithoutGrant: (name, password) => admin!.createMasterUser(name, password),
  // PostgreSQL 15: CREATEROLE may grant any role but a superuser one.
  makeUngrantable: async (name) => {
    await admin!.query(`ALTER ROLE ${ident(name)} SUPERUSER`);
  },
});
