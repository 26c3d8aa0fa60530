/**
 * Starts a throw-away PostgreSQL server for integration tests: `initdb` into a temp dir,
 * `postgres` on a free port of 127.0.0.1 (Unix socket inside the temp dir), password
 * authentication (scram-sha-256) for every connection so password changes matter.
 * As root, the server runs as the `postgres` system user (or `nobody`): PostgreSQL refuses root.
 */
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { freePort } from '../../../scripts/lib/moto-server.js';
import type { TestCertificates } from './certificates.js';
import {
  findExecutable,
  giveTo,
  ownedTempDir,
  removeDir,
  runAsUser,
  serverUser,
  serveWhenReady,
  spawnServer,
} from './process.js';
import type { DatabaseServer } from './types.js';

/** Options of {@link startPostgres}. */
export interface StartPostgresOptions {
  readonly timeoutMs?: number;
  /** Serve TLS with this certificate too (plain connections stay allowed unless `hba` says otherwise). */
  readonly tls?: TestCertificates;
  /** pg_hba.conf lines put before initdb's (e.g. `hostnossl all +tls_only 127.0.0.1/32 reject`). */
  readonly hba?: readonly string[];
}

/** The directory holding `initdb` and `postgres` (SECRETKIT_PG_BIN, newest /usr/lib/postgresql/N/bin, PATH). */
export function postgresBinDir(): string {
  const fromEnv = process.env['SECRETKIT_PG_BIN'];
  if (fromEnv) return fromEnv;
  try {
    const versions = readdirSync('/usr/lib/postgresql')
      .filter((v) => /^\d+$/.test(v))
      .sort((a, b) => Number(b) - Number(a));
    for (const v of versions) {
      const dir = `/usr/lib/postgresql/${v}/bin`;
      if (findExecutable([`${dir}/initdb`])) return dir;
    }
  } catch {
    // no Debian layout
  }
  const initdb = findExecutable(['initdb']);
  if (initdb) return initdb.slice(0, initdb.lastIndexOf('/'));
  throw new Error(
    'PostgreSQL server binaries not found: run scripts/ensure-databases.sh (or set SECRETKIT_PG_BIN)',
  );
}

async function probe(host: string, port: number, user: string, password: string): Promise<void> {
  const client = new pg.Client({
    host,
    port,
    user,
    password,
    database: 'postgres',
    connectionTimeoutMillis: 1000,
  });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.query('SELECT 1');
  } finally {
    await client.end().catch(() => {});
  }
}

/** Starts PostgreSQL; stop it with `stop()` (also done on process exit). */
export async function startPostgres(options: StartPostgresOptions = {}): Promise<DatabaseServer> {
  const started = Date.now();
  const bin = postgresBinDir();
  const runAs = serverUser(['postgres', 'nobody']);
  const dir = ownedTempDir('secretkit-pg-', runAs);
  const adminUser = 'postgres';
  const adminPassword = `pg-${randomBytes(12).toString('hex')}`;
  try {
    const pwfile = join(dir, 'pwfile');
    writeFileSync(pwfile, `${adminPassword}\n`, { mode: 0o600 });
    giveTo(pwfile, runAs);
    runAsUser(
      join(bin, 'initdb'),
      [
        `--pgdata=${join(dir, 'data')}`,
        `--username=${adminUser}`,
        `--pwfile=${pwfile}`,
        '--auth=scram-sha-256',
        '--encoding=UTF8',
        '--locale=C',
        '--no-sync',
        '--no-instructions',
      ],
      runAs,
    );
    if (options.hba && options.hba.length > 0) {
      const hbaFile = join(dir, 'data', 'pg_hba.conf');
      writeFileSync(hbaFile, `${options.hba.join('\n')}\n${readFileSync(hbaFile, 'utf8')}`);
    }
    const host = '127.0.0.1';
    const port = await freePort();
    const tlsArgs: string[] = [];
    if (options.tls) {
      options.tls.giveTo(runAs);
      tlsArgs.push(
        '-c',
        'ssl=on',
        '-c',
        `ssl_cert_file=${options.tls.certFile}`,
        '-c',
        `ssl_key_file=${options.tls.keyFile}`,
      );
    }
    const server = spawnServer(
      join(bin, 'postgres'),
      [
        '-D',
        join(dir, 'data'),
        '-p',
        String(port),
        '-k',
        dir,
        '-c',
        `listen_addresses=${host}`,
        '-c',
        'fsync=off',
        '-c',
        'synchronous_commit=off',
        '-c',
        'full_page_writes=off',
        '-c',
        'max_connections=60',
        '-c',
        'shared_buffers=16MB',
        // Shared memory as files in the data dir: nothing left in /dev/shm or SysV if it is killed.
        '-c',
        'shared_memory_type=mmap',
        '-c',
        'dynamic_shared_memory_type=mmap',
        ...tlsArgs,
      ],
      runAs,
      'SIGQUIT',
    );
    return await serveWhenReady(
      'postgres',
      server,
      dir,
      { host, port, adminUser, adminPassword },
      {
        started,
        probe: () => probe(host, port, adminUser, adminPassword),
        timeoutMs: options.timeoutMs ?? 20_000,
        // SIGINT = "fast" shutdown: disconnects clients, no checkpoint wait worth mentioning.
        stopSignal: 'SIGINT',
      },
    );
  } catch (error) {
    removeDir(dir);
    throw error;
  }
}
