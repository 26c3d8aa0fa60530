import mysql from 'mysql2/promise';
import pg from 'pg';
import { beforeAll } from 'vitest';
import { mysqlAlternatingUsers, mysqlSingleUser } from '../../../src/rotation/mysql/index.js';
import { postgresAlternatingUsers, postgresSingleUser } from '../../../src/rotation/postgres/index.js';
import { type DatabaseAdmin, mariadbAdmin, postgresAdmin } from '../../support/databases/admin.js';
import { useMariaDb, usePostgres } from '../../support/databases/index.js';
import { poolSuite } from '../../support/databases/pool-suite.js';

const pgServer = usePostgres();
const mariaServer = useMariaDb();
let pgAdmin: DatabaseAdmin | undefined;
let mariaAdmin: DatabaseAdmin | undefined;
beforeAll(async () => {
  pgAdmin = await postgresAdmin(pgServer());
  mariaAdmin = await mariadbAdmin(mariaServer());
});

poolSuite({
  name: 'PostgreSQL pg.Pool',
  server: pgServer,
  admin: () => pgAdmin!,
  singleUser: () => postgresSingleUser({ tls: 'disable' }),
  alternatingUsers: () => postgresAlternatingUsers({ tls: 'disable' }),
  create: (c) => {
    const pool = new pg.Pool({
      host: c.host,
      port: c.port,
      user: c.username,
      password: c.password,
      database: c.dbname,
      max: 4,
    });
    pool.on('error', () => {});
    return pool;
  },
  query: (pool) => pool.query('SELECT count(*) FROM items'),
  connections: async (users) =>
    Number(
      (
        await pgAdmin!.query('SELECT count(*)::int AS n FROM pg_stat_activity WHERE usename = ANY($1)', [
          users,
        ])
      )[0]?.['n'],
    ),
});

poolSuite({
  name: 'MariaDB mysql2 pool',
  server: mariaServer,
  admin: () => mariaAdmin!,
  singleUser: () => mysqlSingleUser({ tls: 'disable' }),
  alternatingUsers: () => mysqlAlternatingUsers({ tls: 'disable' }),
  create: (c) =>
    mysql.createPool({
      host: c.host,
      port: c.port ?? 3306,
      user: c.username,
      password: c.password,
      database: c.dbname ?? 'appdb',
      connectionLimit: 4,
    }),
  query: (pool) => pool.query('SELECT count(*) FROM items'),
  connections: async (users) =>
    Number(
      (
        await mariaAdmin!.query(
          'SELECT count(*) AS n FROM information_schema.processlist WHERE user IN (?)',
          [users],
        )
      )[0]?.['n'],
    ),
});
