/** The PostgreSQL engine of the rotation strategies, on the `pg` driver. */
import pg from 'pg';
import { POSTGRES_ENGINES } from '../db-secret.js';
import type { ConnectTarget, SqlEngine, SqlSession } from '../sql/engine.js';
import { postgresMasterProblems } from './privileges.js';
import {
  alterRolePasswordSql,
  createLoginRoleSql,
  grantRoleSql,
  passwordEncodingFor,
  passwordValue,
} from './sql.js';

/** An authenticated `pg` client. */
export interface PgSession extends SqlSession {
  readonly client: pg.Client;
}

/**
 * Opens an authenticated `pg` client (also used by the Redshift engine).
 *
 * @param target - where and how to log in
 */
export async function connectPg(target: ConnectTarget): Promise<PgSession> {
  const client = new pg.Client({
    host: target.host,
    port: target.port,
    user: target.user,
    password: target.password,
    database: target.database ?? 'postgres',
    // pg sets the TLS server name (and so the host name check) from `host` unless it is an IP address.
    ssl: target.tls === false ? false : { ...target.tls },
    connectionTimeoutMillis: target.connectTimeoutMs,
    query_timeout: 30_000,
    application_name: 'secretkit-rotation',
  });
  // A connection that dies later must not crash the process.
  client.on('error', () => {});
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => {});
    throw error;
  }
  return {
    client,
    async ping() {
      await client.query('SELECT NOW()');
    },
    async close() {
      await client.end().catch(() => {});
    },
  };
}

async function passwordText(session: PgSession, role: string, password: string): Promise<string> {
  const result = await session.client.query<{ password_encryption: string }>('SHOW password_encryption');
  const setting = result.rows[0]?.password_encryption ?? '';
  return passwordValue(password, role, passwordEncodingFor(setting, password));
}

/** The PostgreSQL engine (role names up to 63 bytes; the limit is checked in characters). */
export function postgresEngine(): SqlEngine<PgSession> {
  return {
    label: 'PostgreSQL',
    engines: POSTGRES_ENGINES,
    defaultPort: 5432,
    maxUsernameLength: 63,
    connect: connectPg,
    isTlsUnsupported: (error) => error instanceof Error && /does not support SSL/i.test(error.message),
    usernameProblem: (name) => (name.includes('\0') ? 'it contains a NUL character' : undefined),
    masterPrivilegeProblems: (session, current, clone) =>
      postgresMasterProblems(session.client, current, clone),
    async setOwnPassword(session, username, password) {
      await session.client.query(
        alterRolePasswordSql(username, await passwordText(session, username, password)),
      );
    },
    async upsertClone(session, current, clone, password) {
      const text = await passwordText(session, clone, password);
      await session.client.query('BEGIN');
      try {
        const existing = await session.client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [clone]);
        if (existing.rowCount === 0) {
          await session.client.query(createLoginRoleSql(clone, text));
          await session.client.query(grantRoleSql(current, clone));
        } else {
          await session.client.query(alterRolePasswordSql(clone, text));
        }
        await session.client.query('COMMIT');
      } catch (error) {
        await session.client.query('ROLLBACK').catch(() => {});
        throw error;
      }
    },
  };
}
