/**
 * examples/server as a child process against the emulator and a real PostgreSQL: it serves
 * through a database rotation done by secretkit's own rotation driver (postgresSingleUser) and
 * through an API key rotation, and never calls AWS more than once per interval for unknown keys.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SecretsAdmin } from '../../../src/admin/index.js';
import { runRotation } from '../../../src/rotation/index.js';
import { postgresSingleUser } from '../../../src/rotation/postgres/index.js';
import { emulatorConfig, smClient, useEmulator } from '../../support/aws.js';
import { type DatabaseAdmin, postgresAdmin } from '../../support/databases/admin.js';
import { usePostgres } from '../../support/databases/index.js';
import { type ExampleProcess, exampleEnv, startExample } from './child.js';

const server = usePostgres();

describe('examples/server', () => {
  useEmulator();
  let app: ExampleProcess | undefined;
  afterAll(() => {
    if (app && app.child.exitCode === null) app.child.kill('SIGKILL');
  });

  let admin: DatabaseAdmin;

  async function terminateSessionsOf(user: string): Promise<void> {
    await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = $1', [user]);
    // Wait until the sessions are gone, then give the server's pool a moment to see its idle
    // connections close (otherwise a request could pick a dying connection: not what we test).
    for (let i = 0; i < 50; i++) {
      const left = await admin.query('SELECT 1 FROM pg_stat_activity WHERE usename = $1', [user]);
      if (left.length === 0) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    await new Promise((r) => setTimeout(r, 200));
  }

  let base = '';
  const user = `api_${randomUUID().slice(0, 8)}`;
  const firstPassword = `pw-${randomUUID()}`;
  const firstKey = `key-${randomUUID()}`;
  const get = (path: string, key?: string) =>
    fetch(`${base}${path}`, key === undefined ? {} : { headers: { 'x-api-key': key } });
  const apiCalls = async (): Promise<number> =>
    ((await (await get('/metrics')).json()) as { apiCalls: { total: number } }).apiCalls.total;

  beforeAll(async () => {
    admin = await postgresAdmin(server());
    await admin.createAppUser(user, firstPassword);
  });

  it('serves, survives a database rotation and an API key rotation', async () => {
    const s = server();
    const seed = new SecretsAdmin({ clientConfig: emulatorConfig() });
    await seed.createSecret({
      name: 'example/api/db',
      value: {
        json: { engine: 'postgres', host: s.host, port: s.port, username: user, password: firstPassword },
      },
    });
    await seed.createSecret({ name: 'example/api/key', value: { string: firstKey } });

    app = startExample(
      'examples/server/server.ts',
      exampleEnv({ DB_SECRET_ID: 'example/api/db', API_KEY_SECRET_ID: 'example/api/key', PORT: '0' }),
    );
    const [, port] = await app.waitFor(/listening on http:\/\/127\.0\.0\.1:(\d+)/);
    base = `http://127.0.0.1:${port}`;

    expect((await get('/healthz')).status).toBe(200);
    expect((await get('/items')).status).toBe(401);
    const first = await get('/items', firstKey);
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ items: [1, 2, 3] });

    // Database rotation: a new password is set in PostgreSQL and becomes AWSCURRENT.
    // The server's cached credentials are now stale; its pooled sessions still work, so end
    // them (as a restart or connection recycling would) to force new logins.
    await runRotation(smClient(), 'example/api/db', postgresSingleUser({ tls: 'disable' }));
    await terminateSessionsOf(user);
    const afterDbRotation = await get('/items', firstKey);
    expect(afterDbRotation.status).toBe(200);
    expect(await afterDbRotation.json()).toEqual({ items: [1, 2, 3] });
    expect(app.stdout() + app.stderr()).toContain('database refused the credentials of example/api/db');

    // API key rotation: the new key is AWSCURRENT, the old one AWSPREVIOUS; both are accepted.
    const secondKey = `key-${randomUUID()}`;
    await seed.putSecretValue('example/api/key', { string: secondKey });
    seed.close();
    expect((await get('/items', secondKey)).status).toBe(200);
    expect((await get('/items', firstKey)).status).toBe(200);

    // Known keys are checked from memory; unknown keys are refused without calling AWS again
    // (one refresh per interval at most).
    const before = await apiCalls();
    for (let i = 0; i < 5; i++) {
      expect((await get('/items', `wrong-${i}`)).status).toBe(401);
      expect((await get('/items', secondKey)).status).toBe(200);
    }
    expect(await apiCalls()).toBe(before);

    app.child.kill('SIGTERM');
    expect(await app.exited()).toBe(0);
    const output = app.stdout() + app.stderr();
    expect(output).not.toContain(firstPassword);
    expect(output).not.toContain(firstKey);
    expect(output).not.toContain(secondKey);
  });
});
