/**
 * examples/container-startup as a child process against the emulator: it loads every secret
 * before listening and serves /healthz, or exits non-zero with LOAD_FAILED and no values.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { SecretsAdmin } from '../../../src/admin/index.js';
import { emulatorConfig, useEmulator } from '../../support/aws.js';
import { type ExampleProcess, exampleEnv, startExample } from './child.js';

const FILE = 'examples/container-startup/main.ts';
const PLANTED = 'planted-value-4d1e';

async function seed(secrets: Readonly<Record<string, { json: unknown } | { string: string }>>) {
  const client = new SecretsAdmin({ clientConfig: emulatorConfig() });
  try {
    for (const [name, value] of Object.entries(secrets)) await client.createSecret({ name, value });
  } finally {
    client.close();
  }
}

describe('examples/container-startup', () => {
  useEmulator();
  let app: ExampleProcess | undefined;
  afterEach(() => {
    if (app && app.child.exitCode === null) app.child.kill('SIGKILL');
    app = undefined;
  });

  it('loads all configuration with one batch call, then serves /healthz and stops on SIGTERM', async () => {
    await seed({
      'test/orders/db': { json: { host: 'db.internal', port: 5432, username: 'orders', password: PLANTED } },
      'test/orders/stripe-key': { string: PLANTED },
      'test/orders/session-signing-key': { string: PLANTED },
    });
    app = startExample(FILE, exampleEnv({ APP_SECRET_PREFIX: 'test/orders/', PORT: '0' }));
    const [, port] = await app.waitFor(/listening on http:\/\/127\.0\.0\.1:(\d+)/);

    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    const info = await fetch(`http://127.0.0.1:${port}/`);
    expect(await info.json()).toEqual({ database: 'db.internal:5432', user: 'orders' });
    expect(app.stdout()).toContain('loaded 3 secrets with 1 API call(s)');

    app.child.kill('SIGTERM');
    expect(await app.exited()).toBe(0);
    expect(app.stdout() + app.stderr()).not.toContain(PLANTED);
  });

  it('exits non-zero before listening when a secret is missing or invalid, naming each, printing no value', async () => {
    await seed({
      // port is a string: SCHEMA_MISMATCH; session-signing-key does not exist: NOT_FOUND
      'test/orders/db': {
        json: { host: 'db.internal', port: PLANTED, username: 'orders', password: PLANTED },
      },
      'test/orders/stripe-key': { string: PLANTED },
    });
    app = startExample(FILE, exampleEnv({ APP_SECRET_PREFIX: 'test/orders/', PORT: '0' }));

    expect(await app.exited()).toBe(1);
    const stderr = app.stderr();
    expect(stderr).toContain('startup aborted, configuration could not be loaded: LOAD_FAILED');
    expect(stderr).toMatch(/db \(test\/orders\/db\): SCHEMA_MISMATCH: .*port/);
    expect(stderr).toMatch(/sessionSigningKey \(test\/orders\/session-signing-key\): NOT_FOUND/);
    expect(stderr).not.toContain('stripeKey');
    expect(app.stdout()).not.toContain('listening');
    expect(app.stdout() + stderr).not.toContain(PLANTED);
  });
});
