/**
 * The client side of a rotation on MariaDB: an app that reads its credentials through a cached
 * SecretsClient and `withSecret`, with a mysql2 pool per credential, keeps serving requests
 * while the MySQL strategies rotate its secret.
 */
import { randomUUID } from 'node:crypto';
import { CreateSecretCommand } from '@aws-sdk/client-secrets-manager';
import mysql from 'mysql2/promise';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SecretsClient } from '../../../src/index.js';
import {
  type DatabaseSecret,
  mysqlSecretSchema,
  runRotation,
  withSecret,
} from '../../../src/rotation/index.js';
import { mysqlAlternatingUsers, mysqlSingleUser } from '../../../src/rotation/mysql/index.js';
import { emulatorConfig, smClient, useEmulator } from '../../support/aws.js';
import { type DatabaseAdmin, mariadbAdmin } from '../../support/databases/admin.js';
import { useMariaDb } from '../../support/databases/index.js';
import { uniqueUser } from '../../support/databases/rotation-suite.js';

/** A tiny app: one pool per credential, `withSecret` around every request. */
class App {
  readonly pools = new Map<string, mysql.Pool>();
  readonly secrets = new SecretsClient({ clientConfig: emulatorConfig(), ttlMs: 60_000 });
  maxRetry = 0;
  authErrors = 0;

  constructor(
    private readonly secretId: string,
    private readonly idleTimeout: number,
  ) {}

  private pool(db: DatabaseSecret): mysql.Pool {
    const key = `${db.username}\n${db.password}`;
    let pool = this.pools.get(key);
    if (!pool) {
      pool = mysql.createPool({
        host: db.host,
        port: db.port ?? 3306,
        user: db.username,
        password: db.password,
        ...(db.dbname ? { database: db.dbname } : {}),
        connectionLimit: 4,
        maxIdle: 0,
        idleTimeout: this.idleTimeout,
        connectTimeout: 3000,
      });
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
        const [rows] = await this.pool(db).query<mysql.RowDataPacket[]>('SELECT COUNT(*) AS n FROM items');
        return Number(rows[0]?.['n']);
      },
      {
        schema: mysqlSecretSchema,
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

describe('an app on withSecret + mysql2 pool across MariaDB rotations', () => {
  useEmulator();
  const server = useMariaDb();
  let admin: DatabaseAdmin;
  let app: App | undefined;

  beforeAll(async () => {
    admin = await mariadbAdmin(server());
  });
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  async function secret(alternating: boolean): Promise<string> {
    const s = server();
    const base = { engine: 'mariadb', host: s.host, port: s.port, dbname: 'appdb' };
    let masterarn: string | undefined;
    if (alternating) {
      const master = uniqueUser('master');
      const masterPassword = `master-${randomUUID()}`;
      await admin.createMasterUser(master, masterPassword);
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
    await admin.createAppUser(user, password);
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
    app = new App(id, 10);
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
      await runRotation(smClient(), id, mysqlAlternatingUsers({ tls: 'disable' }));
      // mysql2 drops idle connections (maxIdle: 0) on a 1 s timer: wait for new ones.
      await new Promise((r) => setTimeout(r, 1100));
    }
    running = false;
    await Promise.all(workers);
    expect(failures).toEqual([]);
    expect(ok).toBeGreaterThan(20);
    expect(current.authErrors).toBeGreaterThanOrEqual(1);
    expect(current.maxRetry).toBe(1);
  });

  it('single user: the first request after the password changed recovers within one refresh', async () => {
    const id = await secret(false);
    app = new App(id, 60_000);
    expect(await app.request()).toBe(3);
    await runRotation(smClient(), id, mysqlSingleUser({ tls: 'disable' }));
    expect(await app.request()).toBe(3);
    expect(app.authErrors).toBe(0);
    await Promise.all([...app.pools.values()].map((p) => p.end()));
    app.pools.clear();
    expect(await app.request()).toBe(3);
    expect(app.authErrors).toBe(1);
    expect(app.maxRetry).toBe(1);
  });
});
