/**
 * Real database servers for integration tests. Call `usePostgres()` / `useMariaDb()` at the top
 * of an integration file: the server starts once in `beforeAll` and is stopped (data dir
 * deleted) in `afterAll`, also when tests fail. Servers are found/installed by
 * scripts/ensure-databases.sh; nothing here assumes a server that was not started by it.
 */
import { afterAll, beforeAll } from 'vitest';
import { startMariaDb } from './mariadb.js';
import { startPostgres } from './postgres.js';
import type { DatabaseServer } from './types.js';

export { startMariaDb } from './mariadb.js';
export { startPostgres } from './postgres.js';
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

/** Starts PostgreSQL for the calling test file; returns a getter valid inside tests. */
export function usePostgres(): () => DatabaseServer {
  return useServer(() => startPostgres());
}

/** Starts MariaDB for the calling test file; returns a getter valid inside tests. */
export function useMariaDb(): () => DatabaseServer {
  return useServer(() => startMariaDb());
}
