/**
 * Hand-off of a rotating pool on a real server: a steady stream of queries (about 200 per second)
 * through three rotations, counting failed queries, checking that each old pool is ended and
 * that no connection is left on the server. No timing is asserted: the figures are printed.
 */
import { randomUUID } from 'node:crypto';
import { CreateSecretCommand } from '@aws-sdk/client-secrets-manager';
import { describe, expect, it, vi } from 'vitest';
import { SecretsClient } from '../../../src/index.js';
import type { DatabaseSecret } from '../../../src/rotation/db-secret.js';
import { runRotation } from '../../../src/rotation/index.js';
import {
  type EndablePool,
  type RotatingPoolEvent,
  rotatingPool,
} from '../../../src/rotation/pool/rotating-pool.js';
import type { RotationStrategy } from '../../../src/rotation/strategy.js';
import { emulatorConfig, smClient, useEmulator } from '../aws.js';
import type { DatabaseAdmin } from './admin.js';
import { uniqueUser } from './rotation-suite.js';
import type { DatabaseServer } from './types.js';

/** What the suite needs from the calling file. */
export interface PoolSuiteOptions<P extends EndablePool> {
  readonly name: string;
  readonly server: () => DatabaseServer;
  readonly admin: () => DatabaseAdmin;
  readonly singleUser: () => RotationStrategy;
  readonly alternatingUsers: () => RotationStrategy;
  /** Builds a driver pool (at most 4 connections). */
  readonly create: (c: DatabaseSecret) => P;
  /** Runs one trivial query on the pool. */
  readonly query: (pool: P) => Promise<unknown>;
  /** Connections on the server of these users. */
  readonly connections: (users: readonly string[]) => Promise<number>;
}

const ROTATIONS = 3;
const DRAIN_MS = 300;
const RATE = 200;

/** Registers the scenarios. */
export function poolSuite<P extends EndablePool>(o: PoolSuiteOptions<P>): void {
  async function secret(alternating: boolean): Promise<{ id: string; users: string[] }> {
    const s = o.server();
    const value = (username: string, password: string, extra: Record<string, unknown> = {}) =>
      JSON.stringify({
        engine: o.admin().engine,
        host: s.host,
        port: s.port,
        username,
        password,
        dbname: o.admin().dbname,
        ...extra,
      });
    const user = uniqueUser('pool');
    const password = `initial-${randomUUID()}`;
    await o.admin().createAppUser(user, password);
    let extra = {};
    if (alternating) {
      const master = uniqueUser('master');
      const masterPassword = `master-${randomUUID()}`;
      await o.admin().createMasterUser(master, masterPassword);
      const out = await smClient().send(
        new CreateSecretCommand({ Name: `db/${master}`, SecretString: value(master, masterPassword) }),
      );
      extra = { masterarn: out.ARN };
    }
    const out = await smClient().send(
      new CreateSecretCommand({ Name: `db/${user}`, SecretString: value(user, password, extra) }),
    );
    return { id: out.ARN as string, users: [user, `${user}_clone`] };
  }

  async function handOff(alternating: boolean) {
    const { id, users } = await secret(alternating);
    const reader = new SecretsClient({ clientConfig: emulatorConfig(), ttlMs: 100 });
    const events: (RotatingPoolEvent & { at: number })[] = [];
    const db = rotatingPool(id, {
      reader,
      create: o.create,
      drainMs: DRAIN_MS,
      onEvent: (e) => events.push({ ...e, at: Date.now() }),
    });
    let ok = 0;
    const failures: unknown[] = [];
    let maxOpen = 0;
    const inFlight = new Set<Promise<void>>();
    const fire = () => {
      const q = db
        .use((pool) => o.query(pool))
        .then(
          () => void ok++,
          (e: unknown) => void failures.push(e),
        );
      maxOpen = Math.max(maxOpen, db.stats().open);
      inFlight.add(q);
      void q.finally(() => inFlight.delete(q));
    };
    await db.use((pool) => o.query(pool));
    // 200 queries per second on average: each tick sends what the elapsed time calls for, so a
    // busy event loop catches up instead of lowering the rate.
    const started = Date.now();
    let sent = 0;
    const timer = setInterval(() => {
      const due = Math.floor(((Date.now() - started) * RATE) / 1000);
      for (; sent < due; sent++) fire();
    }, 5);
    try {
      for (let i = 1; i <= ROTATIONS; i++) {
        await runRotation(smClient(), id, alternating ? o.alternatingUsers() : o.singleUser());
        // Wait (bounded) until the pool noticed through the cache; nothing is timed.
        await vi.waitFor(() => expect(db.stats().switches).toBe(i), { timeout: 20_000, interval: 20 });
      }
      await vi.waitFor(() => expect(events.filter((e) => e.type === 'pool-ended')).toHaveLength(ROTATIONS), {
        timeout: 20_000,
        interval: 20,
      });
    } finally {
      clearInterval(timer);
      await Promise.all([...inFlight]);
    }
    const seconds = (Date.now() - started) / 1000;
    const switched = events.filter((e) => e.type === 'pool-switched');
    const ended = events.filter((e) => e.type === 'pool-ended');
    await db.close();
    reader.close();
    await vi.waitFor(async () => expect(await o.connections(users)).toBe(0), {
      timeout: 20_000,
      interval: 50,
    });
    const figures = {
      engine: o.name,
      mode: alternating ? 'alternating users' : 'single user',
      queries: ok + failures.length,
      failed: failures.length,
      perSecond: Math.round((ok + failures.length) / seconds),
      drainedMs: ended.map((e) => (e.type === 'pool-ended' ? e.drainedMs : 0)),
      maxPoolsOpen: maxOpen,
    };
    console.info(`[rotating-pool] ${JSON.stringify(figures)}`);
    return { failures, switched, ended, maxOpen, ok };
  }

  describe(`${o.name}: rotatingPool hand-off under load`, () => {
    useEmulator();

    it('alternating users: three rotations, no failed query, each old pool ended, no connection left', async () => {
      const r = await handOff(true);
      expect(r.failures).toEqual([]);
      expect(r.switched).toHaveLength(ROTATIONS);
      expect(r.ended.every((e) => e.type === 'pool-ended' && e.error === undefined)).toBe(true);
      expect(r.maxOpen).toBeLessThanOrEqual(2);
      expect(r.ok).toBeGreaterThan(0);
    });

    it('single user: three rotations; every failure is an exhausted auth retry, old pools ended, no connection left', async () => {
      const r = await handOff(false);
      for (const f of r.failures) expect((f as { code?: string }).code).toBe('AUTH_RETRIES_EXHAUSTED');
      expect(r.switched).toHaveLength(ROTATIONS);
      expect(r.maxOpen).toBeLessThanOrEqual(2);
      expect(r.ok).toBeGreaterThan(r.failures.length);
    });
  });
}
