/**
 * Starts a throw-away MariaDB server for integration tests: `mariadb-install-db` into a temp
 * dir, `mariadbd` on a free port of 127.0.0.1 (socket inside the temp dir), grant tables on
 * (passwords enforced), `root` with a known password for `localhost` and `%`.
 * As root, the server runs as the `mysql` system user when it exists (else `--user=root`).
 */
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import mysql from 'mysql2/promise';
import { freePort } from '../../../scripts/lib/moto-server.js';
import type { TestCertificates } from './certificates.js';
import {
  findExecutable,
  giveTo,
  isRoot,
  ownedTempDir,
  type RunAs,
  removeDir,
  runAsUser,
  serverUser,
  serveWhenReady,
  spawnServer,
} from './process.js';
import type { DatabaseServer } from './types.js';

/** Options of {@link startMariaDb}. */
export interface StartMariaDbOptions {
  readonly timeoutMs?: number;
  /** Serve TLS with this certificate too (plain connections stay allowed). */
  readonly tls?: TestCertificates;
}

/** Paths of `mariadbd` and `mariadb-install-db` (or their mysql-named aliases). */
export function mariadbBinaries(): { readonly server: string; readonly installDb: string } {
  const server = findExecutable(['mariadbd', '/usr/sbin/mariadbd', 'mysqld', '/usr/sbin/mysqld']);
  const installDb = findExecutable(['mariadb-install-db', 'mysql_install_db', '/usr/bin/mariadb-install-db']);
  if (!server || !installDb) {
    throw new Error(
      'MariaDB server not found: run scripts/ensure-databases.sh (apt-get install -y mariadb-server)',
    );
  }
  return { server, installDb };
}

/** Throw-away data: no fsync, small redo log. */
const FAST_INNODB = ['--innodb-flush-method=nosync', '--innodb-log-file-size=8M', '--innodb-doublewrite=0'];

function mariadbUser(): RunAs {
  if (!isRoot()) return {};
  try {
    return serverUser(['mysql']);
  } catch {
    return { name: 'root' };
  }
}

async function probe(host: string, port: number, user: string, password: string): Promise<void> {
  const conn = await mysql.createConnection({ host, port, user, password, connectTimeout: 1000 });
  try {
    await conn.query('SELECT 1');
  } finally {
    await conn.end().catch(() => {});
  }
}

function quote(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

/** Starts MariaDB; stop it with `stop()` (also done on process exit). */
export async function startMariaDb(options: StartMariaDbOptions = {}): Promise<DatabaseServer> {
  const started = Date.now();
  const { server: mariadbd, installDb } = mariadbBinaries();
  const runAs = mariadbUser();
  const dir = ownedTempDir('secretkit-mariadb-', runAs);
  const adminUser = 'root';
  const adminPassword = `my-${randomBytes(12).toString('hex')}`;
  const userFlag = runAs.name ? [`--user=${runAs.name}`] : [];
  try {
    const datadir = join(dir, 'data');
    runAsUser(
      installDb,
      [
        '--no-defaults',
        `--datadir=${datadir}`,
        ...userFlag,
        '--auth-root-authentication-method=normal',
        '--skip-test-db',
        '--skip-name-resolve',
        ...FAST_INNODB,
      ],
      {},
    );
    // Runs once at startup, before connections are accepted: root gets a password everywhere.
    const initFile = join(dir, 'init.sql');
    const pw = quote(adminPassword);
    writeFileSync(
      initFile,
      [
        `DROP USER IF EXISTS 'root'@'127.0.0.1', 'root'@'::1';`,
        `ALTER USER 'root'@'localhost' IDENTIFIED BY ${pw};`,
        `CREATE USER IF NOT EXISTS 'root'@'%' IDENTIFIED BY ${pw};`,
        `GRANT ALL PRIVILEGES ON *.* TO 'root'@'%' WITH GRANT OPTION;`,
        '',
      ].join('\n'),
      { mode: 0o600 },
    );
    giveTo(dir, runAs);
    const tlsArgs = options.tls
      ? [
          `--ssl-ca=${options.tls.caFile}`,
          `--ssl-cert=${options.tls.certFile}`,
          `--ssl-key=${options.tls.keyFile}`,
        ]
      : [];
    options.tls?.giveTo(runAs);
    const host = '127.0.0.1';
    const port = await freePort();
    const server = spawnServer(
      mariadbd,
      [
        '--no-defaults',
        `--datadir=${datadir}`,
        `--port=${port}`,
        `--socket=${join(dir, 'mariadb.sock')}`,
        `--pid-file=${join(dir, 'mariadb.pid')}`,
        `--bind-address=${host}`,
        `--init-file=${initFile}`,
        ...userFlag,
        '--skip-name-resolve',
        '--skip-log-bin',
        ...FAST_INNODB,
        '--innodb-buffer-pool-size=32M',
        '--innodb-flush-log-at-trx-commit=0',
        '--skip-innodb-buffer-pool-dump-at-shutdown',
        '--skip-innodb-buffer-pool-load-at-startup',
        '--max-connections=80',
        ...tlsArgs,
      ],
      // mariadbd drops to --user itself; it must start as root to do so.
      {},
    );
    return await serveWhenReady(
      'mariadbd',
      server,
      dir,
      { host, port, adminUser, adminPassword },
      {
        started,
        probe: () => probe(host, port, adminUser, adminPassword),
        timeoutMs: options.timeoutMs ?? 20_000,
        stopSignal: 'SIGTERM',
      },
    );
  } catch (error) {
    removeDir(dir);
    throw error;
  }
}
