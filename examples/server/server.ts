/**
 * An HTTP API (node:http) that survives secret rotation:
 * - the PostgreSQL pool is built from a database secret through `withSecret`: when the database
 *   refuses the credentials (they were rotated), the pool is dropped, the secret re-read
 *   bypassing the cache, and the query retried with a pool on the new credentials;
 * - incoming API keys are checked against every accepted version of a key secret (AWSCURRENT,
 *   AWSPENDING, AWSPREVIOUS) with `getAcceptedVersions`, so clients keep working while the key
 *   rotates; an unknown key refreshes the accepted set at most once per interval.
 *
 *   npx tsx examples/server/server.ts
 *
 * Environment:
 *   DB_SECRET_ID       RDS-shaped JSON secret { engine, host, port, username, password, dbname }
 *                      (default `prod/api/db`)
 *   API_KEY_SECRET_ID  string secret holding the API key clients send in `x-api-key`
 *                      (default `prod/api/key`)
 *   PORT               default 8080 (0 picks a free port)
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import pg from 'pg';
import { isSecretkitError, SecretsClient } from 'secretkit';
import {
  type DatabaseSecret,
  getAcceptedVersions,
  postgresSecretSchema,
  withSecret,
} from 'secretkit/rotation';

const DB_SECRET_ID = process.env['DB_SECRET_ID'] ?? 'prod/api/db';
const API_KEY_SECRET_ID = process.env['API_KEY_SECRET_ID'] ?? 'prod/api/key';
/** An unknown API key re-reads the accepted keys at most this often (a key sprayer cannot make us call AWS more). */
const KEY_REFRESH_INTERVAL_MS = 30_000;

// One client for the process. Default TTL (5 minutes): rotations are picked up on the next
// authentication failure (database) or unknown key (API keys), not only when the TTL expires.
const secrets = new SecretsClient({ logger: console });

// ---- database: one pool per set of credentials ----------------------------------------------

let pool: { readonly key: string; readonly pool: pg.Pool } | undefined;

function poolFor(db: DatabaseSecret): pg.Pool {
  const key = `${db.username}@${db.host}:${db.port ?? 5432}/${db.dbname ?? ''}#${createHash('sha256').update(db.password).digest('hex')}`;
  if (pool?.key === key) return pool.pool;
  void dropPool();
  const created = new pg.Pool({
    host: db.host,
    port: db.port ?? 5432,
    user: db.username,
    password: db.password,
    database: db.dbname ?? 'postgres',
    max: 5,
    connectionTimeoutMillis: 3_000,
    // ssl: { rejectUnauthorized: true, ca: ... } in production (RDS)
  });
  // An idle connection closed by the server (restart, pg_terminate_backend) must not crash us.
  created.on('error', (error) => console.warn(`pool: idle connection lost (${error.message})`));
  pool = { key, pool: created };
  return created;
}

async function dropPool(): Promise<void> {
  const old = pool;
  pool = undefined;
  await old?.pool.end().catch(() => {});
}

/** Runs a query with the current credentials; after a rotation, refreshes them and retries. */
function query<R extends pg.QueryResultRow>(
  text: string,
  values: unknown[] = [],
): Promise<pg.QueryResult<R>> {
  return withSecret(secrets, DB_SECRET_ID, (db) => poolFor(db).query<R>(text, values), {
    schema: postgresSecretSchema,
    // One refresh is enough after a rotation; more would only re-read a value that still fails.
    maxRetries: 2,
    onAuthError: async (_error, retry) => {
      console.warn(`database refused the credentials of ${DB_SECRET_ID}: re-reading it (retry ${retry})`);
      await dropPool();
    },
  });
}

// ---- API keys: accept every version a rotation may have handed out -------------------------

const digest = (value: string): Buffer => createHash('sha256').update(value).digest();
let lastForcedRefresh = 0;

/**
 * Digests of every accepted key. Cheap per request: AWSCURRENT is a cache hit, and the stages
 * that do not exist outside a rotation (AWSPENDING, often AWSPREVIOUS) are remembered as
 * NOT_FOUND by the client (`notFoundTtlMs`), so no request makes a call.
 */
async function acceptedDigests(forceRefresh: boolean): Promise<readonly Buffer[]> {
  const accepted = await getAcceptedVersions(secrets, API_KEY_SECRET_ID, { forceRefresh });
  return accepted.map((v) => digest(v.value));
}

async function isAcceptedKey(presented: string): Promise<boolean> {
  // Comparing digests in constant time leaks neither length nor prefix through timing.
  const wanted = digest(presented);
  const matches = (digests: readonly Buffer[]): boolean => digests.some((d) => timingSafeEqual(d, wanted));
  if (matches(await acceptedDigests(false))) return true;
  // Unknown key: maybe a rotation just created it. Re-read from AWS, at most once per interval.
  if (Date.now() - lastForcedRefresh < KEY_REFRESH_INTERVAL_MS) return false;
  lastForcedRefresh = Date.now();
  return matches(await acceptedDigests(true));
}

// ---- HTTP ------------------------------------------------------------------------------------

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.url === '/healthz') return send(res, 200, { status: 'ok' });
  // Counters only (hits, misses, API calls, errors by code): never values.
  if (req.url === '/metrics') return send(res, 200, secrets.stats());

  const key = req.headers['x-api-key'];
  if (typeof key !== 'string' || !(await isAcceptedKey(key)))
    return send(res, 401, { error: 'unauthorized' });

  if (req.method === 'GET' && req.url === '/items') {
    const result = await query<{ id: number }>('SELECT id FROM items ORDER BY id');
    return send(res, 200, { items: result.rows.map((r) => r.id) });
  }
  return send(res, 404, { error: 'not found' });
}

const server = createServer((req, res) => {
  route(req, res).catch((error: unknown) => {
    // Secretkit errors carry a code and a value-free message; anything else stays generic.
    const code = isSecretkitError(error) ? error.code : 'INTERNAL';
    console.error(
      `request failed: ${isSecretkitError(error) ? `${error.code}: ${error.message}` : String(error)}`,
    );
    if (!res.headersSent) send(res, 503, { error: code });
  });
});

server.listen(Number(process.env['PORT'] ?? 8080), () => {
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : address;
  console.log(`listening on http://127.0.0.1:${port}`);
});

process.once('SIGTERM', () => {
  server.close(() => {
    void dropPool().then(() => secrets.close());
  });
});
