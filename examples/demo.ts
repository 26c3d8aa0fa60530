/**
 * `npm run demo`: a short end-to-end story against a local AWS emulator (moto) and a real
 * PostgreSQL, printed as it goes, with API-call counts. Nothing here talks to AWS.
 *
 * Chapters: store a database credential, read it typed, read it from cache, preload a batch,
 * survive an outage with a stale value, replicate and fail over when the primary region goes
 * down, rotate the PostgreSQL password while the app keeps querying.
 */
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import pg from 'pg';
import { z } from 'zod';
import { startMoto } from '../scripts/lib/moto-server.js';
import { SecretsAdmin } from '../src/admin/index.js';
import { failover } from '../src/failover/index.js';
import { isSecretkitError, SecretsClient } from '../src/index.js';
import { checkRotation, databaseSecretSchema, runRotation, withSecret } from '../src/rotation/index.js';
import { postgresAlternatingUsers, postgresSingleUser } from '../src/rotation/postgres/index.js';
import { postgresAdmin } from '../test/support/databases/admin.js';
import { type DatabaseServer, startPostgres } from '../test/support/databases/index.js';
import { startFaultProxy } from '../test/support/fault-proxy.js';

process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] = 'true';

const credentials = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'test' };
const Db = z.object({
  engine: z.literal('postgres'),
  host: z.string(),
  port: z.number().int(),
  username: z.string(),
  password: z.string().min(8),
  dbname: z.string(),
});

function pgBase(server: DatabaseServer) {
  return { engine: 'postgres', host: server.host, port: server.port, dbname: 'postgres' };
}

function say(line = ''): void {
  process.stdout.write(`${line}\n`);
}
function chapter(title: string): void {
  say();
  say(`== ${title}`);
}
/** The reader's counters, with the admin client's calls (writes) added when given. */
function calls(client: SecretsClient, admin?: SecretsAdmin): string {
  const { apiCalls, hits, misses, staleServed } = client.stats();
  const written = admin?.stats().apiCalls;
  const byOperation: Record<string, number> = { ...apiCalls.byOperation };
  for (const [op, n] of Object.entries(written?.byOperation ?? {}))
    byOperation[op] = (byOperation[op] ?? 0) + n;
  const ops = Object.entries(byOperation)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([op, n]) => `${op} ${n}`)
    .join(', ');
  const total = apiCalls.total + (written?.total ?? 0);
  return `[API calls: ${total}${ops ? ` (${ops})` : ''}; cache hits ${hits}, misses ${misses}, stale served ${staleServed}]`;
}

async function main(): Promise<void> {
  say('secretkit demo: a local AWS emulator (moto) and a real PostgreSQL, started just for this run.');
  const moto = await startMoto();
  const postgres = await startPostgres();
  const proxy = await startFaultProxy(moto.endpoint);
  let now = Date.now();
  const clock = { now: () => now };
  const baseConfig = { endpoint: moto.endpoint, credentials, maxAttempts: 1 };
  const secrets = new SecretsClient({
    region: 'us-east-1',
    clientConfig: baseConfig,
    ttlMs: 60_000,
    maxStaleMs: 15 * 60_000,
    clock,
  });
  // Writes go through the admin client; it keeps the reader's cache coherent.
  const secretsAdmin = new SecretsAdmin({
    region: 'us-east-1',
    clientConfig: baseConfig,
    readers: [secrets],
  });
  try {
    chapter('1. Store a database credential (JSON) in Secrets Manager');
    await secretsAdmin.createSecret({
      name: 'demo/prod/db',
      value: {
        json: {
          engine: 'postgres',
          host: postgres.host,
          port: postgres.port,
          username: postgres.adminUser,
          password: postgres.adminPassword,
          dbname: 'postgres',
        },
      },
      description: 'app database',
      tags: { app: 'demo' },
    });
    say(`created demo/prod/db ${calls(secrets, secretsAdmin)}`);

    chapter('2. Read it typed by a zod schema, then again from the cache');
    const db = await secrets.getJson('demo/prod/db', Db);
    say(
      `db.host=${db.host} db.port=${db.port} (a number, typed by the schema) ${calls(secrets, secretsAdmin)}`,
    );
    for (let i = 0; i < 1000; i++) await secrets.getJson('demo/prod/db', Db);
    say(`1,000 more reads ${calls(secrets, secretsAdmin)}  <- no new API call`);
    const wrong = await secrets
      .getJson('demo/prod/db', z.object({ port: z.string() }))
      .catch((e: unknown) => e);
    say(
      `a wrong schema fails with ${isSecretkitError(wrong) ? wrong.code : 'unexpected'}: ${(wrong as Error).message}`,
    );

    chapter('3. Preload a batch at startup (BatchGetSecretValue, 20 per call)');
    for (let i = 0; i < 30; i++)
      await secretsAdmin.createSecret({ name: `demo/prod/key-${i}`, value: { string: `k${i}` } });
    const before = secrets.stats().apiCalls.byOperation['BatchGetSecretValue'] ?? 0;
    const ids = Array.from({ length: 30 }, (_, i) => `demo/prod/key-${i}`);
    const pre = await secrets.preload([...ids, 'demo/prod/missing']);
    const batchCalls = (secrets.stats().apiCalls.byOperation['BatchGetSecretValue'] ?? 0) - before;
    say(
      `preloaded ${pre.loaded.length} secrets in ${batchCalls} BatchGetSecretValue calls; failed: ${pre.failed.map((f) => `${f.secretId} (${f.error.code})`).join(', ')}`,
    );

    chapter('4. An outage: AWS answers 503 while the cached value has expired');
    const outage = new SecretsClient({
      region: 'us-east-1',
      clientConfig: { ...baseConfig, endpoint: proxy.endpoint },
      ttlMs: 60_000,
      maxStaleMs: 15 * 60_000,
      clock,
    });
    await outage.getJson('demo/prod/db', Db);
    await proxy.setMode({ kind: 'error', status: 503, type: 'ServiceUnavailableException' });
    now += 2 * 60_000;
    let served = 0;
    for (let i = 0; i < 100; i++) {
      await outage.getJson('demo/prod/db', Db);
      served++;
      now += 3_000;
    }
    say(`100 reads over 5 minutes of outage: ${served} served (stale, within maxStaleMs) ${calls(outage)}`);
    say('   <- exponential backoff: a handful of calls, not 100');
    await proxy.setMode({ kind: 'pass' });
    outage.close();

    chapter('5. Replicate to us-west-2, then take us-east-1 down');
    await secretsAdmin.createSecret({
      name: 'demo/prod/api-key',
      value: { string: 'sk_demo_1' },
      replicaRegions: ['us-west-2'],
    });
    const multi = new SecretsClient({
      region: 'us-east-1',
      failover: failover({ replicaRegions: ['us-west-2'] }),
      clientConfig: baseConfig,
      regionClientConfig: { 'us-east-1': { endpoint: proxy.endpoint } },
      regionTimeoutMs: 500,
      ttlMs: 60_000,
      staleWhileRevalidateMs: 0,
      maxStaleMs: 0,
      clock,
    });
    await multi.getString('demo/prod/api-key');
    say(`read from the primary: served by ${JSON.stringify(multi.stats().servedByRegion)}`);
    await proxy.setMode({ kind: 'refuse' });
    now += 2 * 60_000;
    const t0 = performance.now();
    await multi.getString('demo/prod/api-key');
    say(
      `primary refuses connections: read still works in ${(performance.now() - t0).toFixed(0)} ms, served by ${JSON.stringify(multi.stats().servedByRegion)}, failovers ${multi.stats().failovers}`,
    );
    await proxy.setMode({ kind: 'blackhole' });
    const t1 = performance.now();
    await multi.getString('demo/prod/api-key', { forceRefresh: true });
    say(
      `primary now black-holed, circuit open: straight to the replica in ${(performance.now() - t1).toFixed(0)} ms`,
    );
    now += 60_000;
    const t2 = performance.now();
    await multi.getString('demo/prod/api-key', { forceRefresh: true });
    say(
      `after the 30 s cool-down one probe of the primary costs at most regionTimeoutMs (500 ms): ${(performance.now() - t2).toFixed(0)} ms ${calls(multi)}`,
    );
    await proxy.setMode({ kind: 'pass' });
    now += 60_000;
    await multi.getString('demo/prod/api-key', { forceRefresh: true });
    say(`primary back: reads return to it, served by ${JSON.stringify(multi.stats().servedByRegion)}`);
    multi.close();

    chapter('6. Rotate database passwords while the app keeps querying');
    const admin = await postgresAdmin(postgres);
    await admin.createMasterUser('demo_master', 'master-password-1');
    await admin.createAppUser('demo_app', 'app-password-1');
    const master = await secretsAdmin.createSecret({
      name: 'demo/prod/db-master',
      value: { json: { ...pgBase(postgres), username: 'demo_master', password: 'master-password-1' } },
    });
    await secretsAdmin.createSecret({
      name: 'demo/prod/db-app',
      value: {
        json: {
          ...pgBase(postgres),
          username: 'demo_app',
          password: 'app-password-1',
          masterarn: master.arn,
        },
      },
    });
    const app = new SecretsClient({ region: 'us-east-1', clientConfig: baseConfig, ttlMs: 60 * 60_000 });
    let authRefreshes = 0;
    const query = (secretId: string) =>
      withSecret(
        app,
        secretId,
        async (cred) => {
          const c = new pg.Client({
            host: cred.host,
            port: cred.port,
            user: cred.username,
            password: cred.password,
            database: cred.dbname,
          });
          c.on('error', () => {});
          await c.connect();
          try {
            return (await c.query('SELECT 1 AS ok')).rows.length;
          } finally {
            await c.end();
          }
        },
        {
          schema: databaseSecretSchema,
          onAuthError: () => {
            authRefreshes++;
          },
        },
      );
    // The rotation runs as its own process would (a Lambda, a cron job): with its own SDK client.
    const sm = new SecretsManagerClient({ region: 'us-east-1', ...baseConfig });
    // `secretkit rotation check` first: every reason the rotation would fail, changing nothing.
    for (const [id, strategy] of [
      ['demo/prod/db-app', postgresAlternatingUsers()],
      ['demo/prod/db', postgresSingleUser()],
    ] as const) {
      const check = await checkRotation(sm, id, strategy, { requireRotationEnabled: false });
      const problems = check.findings.filter((f) => f.severity === 'problem');
      say(
        `rotation check ${id} (${check.strategy}): ${check.passed.length} checks passed, ${problems.length} problem(s)${
          check.findings.length > problems.length
            ? `; not checked: ${check.findings
                .filter((f) => f.severity === 'unchecked')
                .map((f) => f.code)
                .join(', ')} (no role policies given)`
            : ''
        }`,
      );
      if (problems.length > 0) {
        for (const f of problems) say(`  ${f.code}: ${f.message} -> ${f.action}`);
        throw new Error(`rotation check found problems for ${id}`);
      }
    }
    let ok = 0;
    let failed = 0;
    let running = true;
    const traffic = (async () => {
      while (running) {
        await query('demo/prod/db-app').then(
          () => ok++,
          () => failed++,
        );
      }
    })();
    for (let i = 0; i < 2; i++) {
      const r = await runRotation(sm, 'demo/prod/db-app', postgresAlternatingUsers());
      const user = (await app.getJson('demo/prod/db-app', databaseSecretSchema, { forceRefresh: true }))
        .username;
      say(`alternating users, rotation ${i + 1}: ${r.steps.join(' → ')}; AWSCURRENT is now user ${user}`);
    }
    running = false;
    await traffic;
    say(`queries during two rotations: ${ok} ok, ${failed} failed  <- the previous user keeps working`);

    await query('demo/prod/db'); // the app now caches the current password of demo/prod/db
    authRefreshes = 0;
    const single = await runRotation(sm, 'demo/prod/db', postgresSingleUser());
    say(
      `single user: rotated demo/prod/db to version ${single.token.slice(0, 8)}… (the old password stops working)`,
    );
    const rows = await query('demo/prod/db');
    say(
      `the app's cached password was now wrong: withSecret refreshed it ${authRefreshes} time(s) and the query worked (${rows} row) ${calls(app)}`,
    );
    app.close();
    sm.destroy();
  } finally {
    secrets.close();
    secretsAdmin.close();
    await proxy.close();
    await postgres.stop();
    await moto.stop();
  }
  say();
  say('demo finished.');
}

main().catch((error: unknown) => {
  process.stderr.write(`demo failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
