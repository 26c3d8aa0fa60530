/**
 * Real database servers for integration tests. Call `usePostgres()` / `useMariaDb()` at the top
 * of an integration file: the server starts once in `beforeAll` and is stopped (data dir
 * deleted) in `afterAll`, also when tests fail. Servers are found/installed by
 * scripts/ensure-databases.sh; nothing here assumes a server that was not started by it.
 */
import { afterAll, beforeAll } from 'vitest';
import type { TestCertificates } from './certificates.js';
import { startMariaDb } from './mariadb.js';
import { startPostgres } from './postgres.js';
import type { DatabaseServer } from './types.js';

export { makeTestCertificates, type TestCertificates } from './certificates.js';
export { type StartMariaDbOptions, startMariaDb } from './mariadb.js';
export { type StartPostgresOptions, startPostgres } from './postgres.js';
export type { DatabaseServer } from './types.js';

function useServer(start: () => Promise<DatabaseServer>): () => DatabaseServer {
  let server: DatabaseServer | undefined;
  beforeAll(async () => {
    server = await start();
  });
  afterAll(async () => {
    await server?.stop();
  });
  return () => {
    if (!server)
      throw new Error('database server not started (call the use... helper at the top of the file)');
    return server;
  };
}

/**
 * Starts PostgreSQL for the calling test file; returns a getter valid inside tests.
 *
 * @param options - a getter of certificates to serve TLS with (called in beforeAll), pg_hba lines
 */
export function usePostgres(
  options: { readonly tls?: () => TestCertificates; readonly hba?: readonly string[] } = {},
): () => DatabaseServer {
  return useServer(() =>
    startPostgres({
      ...(options.tls ? { tls: options.tls() } : {}),
      ...(options.hba ? { hba: options.hba } : {}),
    }),
  );
}

/**
 * Starts MariaDB for the calling test file; returns a getter valid inside tests.
 *
 * @param tls - a getter of certificates to serve TLS with (called in beforeAll)
 */
export function useMariaDb(tls?: () => TestCertificates): () => DatabaseServer {
  return useServer(() => startMariaDb(tls ? { tls: tls() } : {}));
}
