/** The MySQL/MariaDB engine of the rotation strategies, on the `mysql2` driver. */
import mysql from 'mysql2/promise';
import { MYSQL_ENGINES } from '../db-secret.js';
import type { ConnectTarget, SqlEngine, SqlSession } from '../sql/engine.js';
import { mysqlMasterProblems, mysqlServerPasswordRules } from './privileges.js';
import {
  accountSql,
  alterUserPasswordSql,
  createUserSql,
  type QuoteMode,
  requireTlsSql,
  rewriteGrant,
  setOwnPasswordSql,
} from './sql.js';

/** An authenticated `mysql2` connection. */
export interface MysqlSession extends SqlSession {
  readonly connection: mysql.Connection;
}

/** Engine settings of the MySQL strategies. */
export interface MysqlEngineSettings {
  /** Longest user name: 32 (MySQL 5.7+, default), 16 (MySQL 5.6), 80 (MariaDB 10.6+). */
  readonly maxUsernameLength?: number | undefined;
  /** Host part of the rotated accounts (`'user'@'<host>'`). Default `%`, as AWS's templates. */
  readonly accountHost?: string | undefined;
}

async function connect(target: ConnectTarget): Promise<MysqlSession> {
  const connection = await mysql.createConnection({
    host: target.host,
    port: target.port,
    user: target.user,
    password: target.password,
    ...(target.database === undefined ? {} : { database: target.database }),
    // mysql2 uses ca, cert, key, passphrase, ciphers, min/maxVersion and rejectUnauthorized of
    // these, and checks the host name only with verifyIdentity (and only for DNS names).
    ...(target.tls === false
      ? {}
      : { ssl: { rejectUnauthorized: true, verifyIdentity: true, ...target.tls } as mysql.SslOptions }),
    connectTimeout: target.connectTimeoutMs,
    multipleStatements: false,
  });
  connection.on('error', () => {});
  return {
    connection,
    async ping() {
      await connection.query('SELECT NOW()');
    },
    async close() {
      await connection.end().catch(() => connection.destroy());
    },
  };
}

async function scalar(session: MysqlSession, sql: string): Promise<string> {
  const [rows] = await session.connection.query<mysql.RowDataPacket[]>({ sql, rowsAsArray: true });
  const value: unknown = rows[0]?.[0];
  return value === null || value === undefined ? '' : String(value);
}

async function quoteMode(session: MysqlSession): Promise<QuoteMode> {
  const sqlMode = await scalar(session, 'SELECT @@SESSION.sql_mode');
  return { noBackslashEscapes: /NO_BACKSLASH_ESCAPES/i.test(sqlMode) };
}

function text(value: unknown): string {
  if (value === null || value === undefined) return '';
  return Buffer.isBuffer(value) ? value.toString('utf8') : String(value);
}

/** The MySQL/MariaDB engine. */
export function mysqlEngine(settings: MysqlEngineSettings = {}): SqlEngine<MysqlSession> {
  const host = settings.accountHost ?? '%';
  return {
    label: 'MySQL',
    engines: MYSQL_ENGINES,
    defaultPort: 3306,
    maxUsernameLength: settings.maxUsernameLength ?? 32,
    connect,
    isTlsUnsupported: (error) =>
      typeof error === 'object' &&
      error !== null &&
      (error as { code?: unknown }).code === 'HANDSHAKE_NO_SSL_SUPPORT',
    usernameProblem: (name) => (name.includes('\0') ? 'it contains a NUL character' : undefined),
    serverPasswordRules: (session) => mysqlServerPasswordRules(session.connection),
    async masterPrivilegeProblems(session, current) {
      return mysqlMasterProblems(session.connection, accountSql(current, host, await quoteMode(session)));
    },
    async setOwnPassword(session, _username, password) {
      const mode = await quoteMode(session);
      const version = await scalar(session, 'SELECT VERSION()');
      await session.connection.query(setOwnPasswordSql(version, password, mode));
    },
    async upsertClone(session, current, clone, password) {
      const mode = await quoteMode(session);
      const cloneAccount = accountSql(clone, host, mode);
      const [existing] = await session.connection.execute<mysql.RowDataPacket[]>(
        'SELECT 1 FROM mysql.user WHERE User = ? AND Host = ?',
        [clone, host],
      );
      if (existing.length === 0) {
        await session.connection.query(createUserSql(cloneAccount, password, mode));
      }
      const [grants] = await session.connection.query<mysql.RowDataPacket[]>({
        sql: `SHOW GRANTS FOR ${accountSql(current, host, mode)}`,
        rowsAsArray: true,
      });
      for (const row of grants) {
        const grant = rewriteGrant(text(row[0]), { user: current, host }, cloneAccount);
        if (grant !== undefined) await session.connection.query(grant);
      }
      const [tlsRows] = await session.connection.execute<mysql.RowDataPacket[]>(
        'SELECT ssl_type, ssl_cipher, x509_issuer, x509_subject FROM mysql.user WHERE User = ? AND Host = ?',
        [current, host],
      );
      const tls = tlsRows[0];
      if (tls) {
        const requirement = {
          sslType: text(tls['ssl_type']),
          cipher: text(tls['ssl_cipher']),
          issuer: text(tls['x509_issuer']),
          subject: text(tls['x509_subject']),
        };
        await session.connection.query(requireTlsSql(cloneAccount, requirement, mode));
      }
      await session.connection.query(alterUserPasswordSql(cloneAccount, password, mode));
    },
  };
}
