/**
 * The client side of a rotation on MariaDB (scenarios in support/databases/with-secret-suite):
 * a mysql2 pool per credential, rotated by the MySQL strategies.
 */
import mysql from 'mysql2/promise';
import { beforeAll } from 'vitest';
import { mysqlSecretSchema } from '../../../src/rotation/index.js';
import { mysqlAlternatingUsers, mysqlSingleUser } from '../../../src/rotation/mysql/index.js';
import { type DatabaseAdmin, mariadbAdmin } from '../../support/databases/admin.js';
import { useMariaDb } from '../../support/databases/index.js';
import { withSecretSuite } from '../../support/databases/with-secret-suite.js';

const server = useMariaDb();
let admin: DatabaseAdmin | undefined;
beforeAll(async () => {
  admin = await mariadbAdmin(server());
});

withSecretSuite({
  name: 'mysql2 pool across MariaDB',
  server,
  admin: () => admin!,
  schema: mysqlSecretSchema,
  createPool(db, idleTimeoutMs) {
    const pool = mysql.createPool({
      host: db.host,
      port: db.port ?? 3306,
      user: db.username,
      password: db.password,
      ...(db.dbname ? { database: db.dbname } : {}),
      connectionLimit: 4,
      maxIdle: 0,
      idleTimeout: idleTimeoutMs,
      connectTimeout: 3000,
    });
    return {
      async countItems() {
        const [rows] = await pool.query<mysql.RowDataPacket[]>('SELECT COUNT(*) AS n FROM items');
        return Number(rows[0]?.['n']);
      },
      end: () => pool.end(),
    };
  },
  singleUser: () => mysqlSingleUser({ tls: 'disable' }),
  alternatingUsers: () => mysqlAlternatingUsers({ tls: 'disable' }),
  // mysql2 drops idle connections (maxIdle: 0) on a 1 s timer: wait for new ones.
  pauseAfterRotationMs: 1100,
  singleUserIdleTimeoutMs: 60_000,
});
