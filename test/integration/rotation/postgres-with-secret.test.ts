/**
 * The client side of a rotation on PostgreSQL (scenarios in support/databases/with-secret-suite):
 * a pg.Pool per credential.
 */
import pg from 'pg';
import { beforeAll } from 'vitest';
import { postgresSecretSchema } from '../../../src/rotation/index.js';
import { postgresAlternatingUsers, postgresSingleUser } from '../../../src/rotation/postgres/index.js';
import { type DatabaseAdmin, postgresAdmin } from '../../support/databases/admin.js';
import { usePostgres } from '../../support/databases/index.js';
import { withSecretSuite } from '../../support/databases/with-secret-suite.js';

const server = usePostgres();
let admin: DatabaseAdmin | undefined;
beforeAll(async () => {
  admin = await postgresAdmin(server());
});

withSecretSuite({
  name: 'pg.Pool across PostgreSQL',
  server,
  admin: () => admin!,
  schema: postgresSecretSchema,
  createPool(db, idleTimeoutMs) {
    const pool = new pg.Pool({
      host: db.host,
      port: db.port ?? 5432,
      user: db.username,
      password: db.password,
      database: db.dbname ?? 'postgres',
      max: 4,
      idleTimeoutMillis: idleTimeoutMs,
      connectionTimeoutMillis: 3000,
    });
    pool.on('error', () => {});
    return {
      countItems: async () => (await pool.query('SELECT count(*)::int AS n FROM items')).rows[0].n as number,
      end: () => pool.end(),
    };
  },
  singleUser: () => postgresSingleUser({ tls: 'disable' }),
  alternatingUsers: () => postgresAlternatingUsers({ tls: 'disable' }),
  pauseAfterRotationMs: 100,
  singleUserIdleTimeoutMs: 10_000,
});
