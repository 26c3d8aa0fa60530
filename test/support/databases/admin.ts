/**
 * Test-side administration of the throw-away servers: create users with some privileges, and
 * check whether credentials log in. Uses the drivers directly (not the strategies under test).
 */
import mysql from 'mysql2/promise';
import pg from 'pg';
import type { DatabaseServer } from './types.js';

/** Engine-neutral admin operations used by the rotation tests. */
export interface DatabaseAdmin {
  /** The `engine` value to put in credential secrets. */
  readonly engine: 'postgres' | 'mariadb';
  /** The `dbname` to put in credential secrets. */
  readonly dbname: string;
  /** Creates a login user that can read the `items` table (and nothing needing more). */
  createAppUser(name: string, password: string): Promise<void>;
  /** Creates a user with the rights of an RDS master user (create users, grant). */
  createMasterUser(name: string, password: string): Promise<void>;
  /** Sets a user's password behind the rotation's back. */
  setPassword(name: string, password: string): Promise<void>;
  /** True when `user`/`password` log in; false on an authentication failure; throws otherwise. */
  canLogin(user: string, password: string): Promise<boolean>;
  /** Logs in as `user` and returns the number of rows of `items` (checks the grants). */
  countItems(user: string, password: string): Promise<number>;
  /** True when the user exists. */
  userExists(name: string): Promise<boolean>;
  /** Runs one statement as the superuser (placeholders: `$1` / `?`) and returns its rows. */
  query(sql: string, params?: readonly unknown[]): Promise<Record<string, unknown>[]>;
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;
const pgLiteral = (value: string) => `'${value.replace(/'/g, "''")}'`;

async function pgSession<T>(
  server: DatabaseServer,
  user: string,
  password: string,
  run: (c: pg.Client) => Promise<T>,
): Promise<T> {
  const client = new pg.Client({
    host: server.host,
    port: server.port,
    user,
    password,
    database: 'postgres',
    connectionTimeoutMillis: 3000,
  });
  client.on('error', () => {});
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end().catch(() => {});
  }
}

/** Admin for a server started by `startPostgres`. */
export async function postgresAdmin(server: DatabaseServer): Promise<DatabaseAdmin> {
  const admin = <T>(run: (c: pg.Client) => Promise<T>) =>
    pgSession(server, server.adminUser, server.adminPassword, run);
  await admin(async (c) => {
    await c.query('CREATE TABLE IF NOT EXISTS items (id int PRIMARY KEY)');
    await c.query('INSERT INTO items VALUES (1), (2), (3) ON CONFLICT DO NOTHING');
  });
  return {
    engine: 'postgres',
    dbname: 'postgres',
    createAppUser: (name, password) =>
      admin(async (c) => {
        await c.query(`CREATE ROLE ${ident(name)} LOGIN PASSWORD ${pgLiteral(password)}`);
        await c.query(`GRANT SELECT ON items TO ${ident(name)}`);
      }),
    createMasterUser: (name, password) =>
      admin(async (c) => {
        await c.query(`CREATE ROLE ${ident(name)} LOGIN CREATEROLE PASSWORD ${pgLiteral(password)}`);
      }),
    setPassword: (name, password) =>
      admin(async (c) => {
        await c.query(`ALTER ROLE ${ident(name)} PASSWORD ${pgLiteral(password)}`);
      }),
    async canLogin(user, password) {
      try {
        await pgSession(server, user, password, (c) => c.query('SELECT 1'));
        return true;
      } catch (error) {
        if ((error as { code?: string }).code === '28P01') return false;
        throw error;
      }
    },
    countItems: (user, password) =>
      pgSession(server, user, password, async (c) => (await c.query('SELECT id FROM items')).rowCount ?? 0),
    userExists: (name) =>
      admin(
        async (c) => ((await c.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [name])).rowCount ?? 0) > 0,
      ),
    query: (sql, params = []) => admin(async (c) => (await c.query(sql, [...params])).rows),
  };
}

async function mysqlSession<T>(
  server: DatabaseServer,
  user: string,
  password: string,
  run: (c: mysql.Connection) => Promise<T>,
): Promise<T> {
  const conn = await mysql.createConnection({
    host: server.host,
    port: server.port,
    user,
    password,
    connectTimeout: 3000,
  });
  try {
    return await run(conn);
  } finally {
    await conn.end().catch(() => {});
  }
}

/** Admin for a server started by `startMariaDb`. */
export async function mariadbAdmin(server: DatabaseServer): Promise<DatabaseAdmin> {
  const admin = <T>(run: (c: mysql.Connection) => Promise<T>) =>
    mysqlSession(server, server.adminUser, server.adminPassword, run);
  await admin(async (c) => {
    await c.query('CREATE DATABASE IF NOT EXISTS appdb');
    await c.query('CREATE TABLE IF NOT EXISTS appdb.items (id int PRIMARY KEY)');
    await c.query('INSERT IGNORE INTO appdb.items VALUES (1), (2), (3)');
  });
  return {
    engine: 'mariadb',
    dbname: 'appdb',
    createAppUser: (name, password) =>
      admin(async (c) => {
        await c.query('CREATE USER ?@? IDENTIFIED BY ?', [name, '%', password]);
        await c.query('GRANT SELECT ON appdb.* TO ?@?', [name, '%']);
      }),
    createMasterUser: (name, password) =>
      admin(async (c) => {
        await c.query('CREATE USER ?@? IDENTIFIED BY ?', [name, '%', password]);
        await c.query('GRANT ALL PRIVILEGES ON *.* TO ?@? WITH GRANT OPTION', [name, '%']);
      }),
    setPassword: (name, password) =>
      admin(async (c) => {
        await c.query('ALTER USER ?@? IDENTIFIED BY ?', [name, '%', password]);
      }),
    async canLogin(user, password) {
      try {
        await mysqlSession(server, user, password, (c) => c.query('SELECT 1'));
        return true;
      } catch (error) {
        if ((error as { errno?: number }).errno === 1045) return false;
        throw error;
      }
    },
    countItems: (user, password) =>
      mysqlSession(server, user, password, async (c) => {
        const [rows] = await c.query<mysql.RowDataPacket[]>('SELECT id FROM appdb.items');
        return rows.length;
      }),
    userExists: (name) =>
      admin(async (c) => {
        const [rows] = await c.query<mysql.RowDataPacket[]>('SELECT 1 FROM mysql.user WHERE User = ?', [
          name,
        ]);
        return rows.length > 0;
      }),
    query: (sql, params = []) =>
      admin(async (c) => {
        const [rows] = await c.query<mysql.RowDataPacket[]>(sql, [...params]);
        return rows;
      }),
  };
}
