/**
 * The client side of a rotation, for every database engine: an app that reads its credentials
 * through a cached SecretsClient and `withSecret`, with a connection pool per credential, keeps
 * serving requests while the engine's strategies rotate its secret.
 */
import { randomUUID } from 'node:crypto';
import { CreateSecretCommand } from '@aws-sdk/client-secrets-manager';
import { afterEach, describe, expect, it } from 'vitest';
import { SecretsClient, type StandardSchemaV1 } from '../../../src/index.js';
import { type DatabaseSecret, runRotation, withSecret } from '../../../src/rotation/index.js';
import type { RotationStrategy } from '../../../src/rotation/strategy.js';
import { emulatorConfig, smClient, useEmulator } from '../aws.js';
import type { DatabaseAdmin } from './admin.js';
import { uniqueUser } from './rotation-suite.js';
import type { DatabaseServer } from './types.js';

/** A driver's connection pool for one credential, as the app uses it. */
export interface AppPool {
  /** Runs `SELECT count(*) FROM items` and returns the count. */
  countItems(): Promise<number>;
  end(): Promise<void>;
}

/** What the suite needs from the calling file. */
export interface WithSecretSuiteOptions {
  /** Completes the describe label `an app on withSecret + <name> rotations`. */
  readonly name: string;
  readonly server: () => DatabaseServer;
  readonly admin: () => DatabaseAdmin;
  /** The engine's secret schema, passed to `withSecret`. */
  readonly schema: StandardSchemaV1<unknown, DatabaseSecret>;
  /** A pool of at most 4 connections for `db`, closing idle connections after `idleTimeoutMs`. */
  readonly createPool: (db: DatabaseSecret, idleTimeoutMs: number) => AppPool;
  readonly singleUser: () => RotationStrategy;
  readonly alternatingUsers: () => RotationStrategy;
  /** How long to let the pools drop idle connections after each alternating-users rotation. */
  readonly pauseAfterRotationMs: number;
  /** The idle timeout in the single-user scenario: long enough that connections stay open. */
  readonly singleUserIdleTimeoutMs: number;
}

/** A tiny app: one pool per credential, `withSecret` around every request. */
class App {
  readonly pools = new Map<string, AppPool>();
  readonly secrets = new SecretsClient({ clientConfig: emulatorConfig(), ttlMs: 60_000 });
  maxRetry = 0;
  authErrors = 0;

  constructor(
    private readonly options: WithSecretSuiteOptions,
    private readonly secretId: string,
    private readonly idleTimeoutMs: number,
  ) {}

  private pool(db: DatabaseSecret): AppPool {
    const key = `${db.username}\n${db.password}`;
    let pool = this.pools.get(key);
    if (!pool) {
      pool = this.options.createPool(db, this.idleTimeoutMs);
      this.pools.set(key, pool);
    }
    return pool;
  }

  request(): Promise<number> {
    return withSecret(
      this.secrets,
      this.secretId,
      async (db, attempt) => {
        this.maxRetry = Math.max(this.maxRetry, attempt.retry);
        return this.pool(db).countItems();
      },
      {
        schema: this.options.schema,
        onAuthError: () => {
          this.authErrors += 1;
        },
      },
    );
  }

  async close(): Promise<void> {
    await Promise.all([...this.pools.values()].map((p) => p.end().catch(() => {})));
    this.secrets.close();
  }
}

/** Registers the scenarios. */
export function withSecretSuite(options: WithSecretSuiteOptions): void {
  const { server, admin } = options;

  describe(`an app on withSecret + ${options.name} rotations`, () => {
    useEmulator();
    let app: App | undefined;

    afterEach(async () => {
      await app?.close();
      app = undefined;
    });

    async function secret(alternating: boolean): Promise<string> {
      const s = server();
      const base = { engine: admin().engine, host: s.host, port: s.port, dbname: admin().dbname };
      let masterarn: string | undefined;
      if (alternating) {
        const master = uniqueUser('master');
        const masterPassword = `master-${randomUUID()}`;
        await admin().createMasterUser(master, masterPassword);
        const out = await smClient().send(
          new CreateSecretCommand({
            Name: `db/${master}`,
            SecretString: JSON.stringify({ ...base, username: master, password: masterPassword }),
          }),
        );
        masterarn = out.ARN;
      }
      const user = uniqueUser('web');
      const password = `initial-${randomUUID()}`;
      await admin().createAppUser(user, password);
      const out = await smClient().send(
        new CreateSecretCommand({
          Name: `db/${user}`,
          SecretString: JSON.stringify({
            ...base,
            username: user,
            password,
            ...(masterarn ? { masterarn } : {}),
          }),
        }),
      );
      return out.ARN ?? '';
    }

    it('alternating users: zero failed requests while connections churn through three rotations', async () => {
      const id = await secret(true);
      app = new App(options, id, 10);
      const current = app;
      let running = true;
      let ok = 0;
      const failures: unknown[] = [];
      const worker = async () => {
        while (running) {
          try {
            expect(await current.request()).toBe(3);
            ok += 1;
          } catch (error) {
            failures.push(error);
          }
          await new Promise((r) => setTimeout(r, 5 + Math.random() * 15));
        }
      };
      const workers = Array.from({ length: 4 }, worker);
      for (let i = 0; i < 3; i++) {
        await runRotation(smClient(), id, options.alternatingUsers());
        await new Promise((r) => setTimeout(r, options.pauseAfterRotationMs));
      }
      running = false;
      await Promise.all(workers);
      expect(failures).toEqual([]);
      expect(ok).toBeGreaterThan(20);
      // After the second rotation the cached credentials (the first user, old password) stopped
      // working for new connections: withSecret refreshed once and the request went through.
      expect(current.authErrors).toBeGreaterThanOrEqual(1);
      expect(current.maxRetry).toBe(1);
    });

    it('single user: the first request after the password changed recovers within one refresh', async () => {
      const id = await secret(false);
      app = new App(options, id, options.singleUserIdleTimeoutMs);
      expect(await app.request()).toBe(3);
      await runRotation(smClient(), id, options.singleUser());
      // Open connections survive a password change; a new one needs the new password.
      expect(await app.request()).toBe(3);
      expect(app.authErrors).toBe(0);
      await Promise.all([...app.pools.values()].map((p) => p.end()));
      app.pools.clear();
      expect(await app.request()).toBe(3);
      expect(app.authErrors).toBe(1);
      expect(app.maxRetry).toBe(1);
    });
  });
}
