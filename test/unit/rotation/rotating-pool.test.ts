import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { isSecretkitError } from '../../../src/errors/secretkit-error.js';
import type { DatabaseSecret } from '../../../src/rotation/db-secret.js';
import { type RotatingPoolEvent, rotatingPool } from '../../../src/rotation/pool/rotating-pool.js';

class FakePool {
  ended = false;
  constructor(readonly creds: DatabaseSecret) {}
  async end(): Promise<void> {
    this.ended = true;
  }
}

const creds = (username: string, password: string): DatabaseSecret => ({
  engine: 'postgres',
  host: 'db',
  port: 5432,
  username,
  password,
});

describe('rotatingPool', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  function setup(drainMs = 1000) {
    let value = creds('app', 'one');
    const pools: FakePool[] = [];
    const events: RotatingPoolEvent[] = [];
    const forced: boolean[] = [];
    const db = rotatingPool('db', {
      source: async (force) => {
        forced.push(force);
        return value;
      },
      create: (c) => {
        const p = new FakePool(c);
        pools.push(p);
        return p;
      },
      drainMs,
      onEvent: (e) => events.push(e),
    });
    return { db, pools, events, forced, set: (v: DatabaseSecret) => (value = v) };
  }

  it('builds a new pool for new credentials and ends the old one exactly drainMs later', async () => {
    // Prepare
    const { db, pools, set } = setup(1000);
    const first = await db.pool();
    // Act
    set(creds('app_clone', 'two'));
    const second = await db.pool();
    // Assess
    expect(second).not.toBe(first);
    expect(second.creds.username).toBe('app_clone');
    expect(db.stats()).toEqual({ open: 2, switches: 1 });
    await vi.advanceTimersByTimeAsync(999);
    expect(first.ended).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(first.ended).toBe(true);
    expect(db.stats().open).toBe(1);
    expect(pools).toHaveLength(2);
  });

  it('keeps the pool when the value is equal (same credentials, new object)', async () => {
    const { db, pools, set } = setup();
    await db.pool();
    set(creds('app', 'one'));
    await db.pool();
    expect(pools).toHaveLength(1);
  });

  it('never holds more than two pools: a third version ends the draining one at once', async () => {
    const { db, pools, set, events } = setup(1000);
    await db.pool();
    set(creds('app_clone', 'two'));
    await db.pool();
    set(creds('app', 'three'));
    await db.pool();
    expect(pools[0]?.ended).toBe(true);
    expect(pools[1]?.ended).toBe(false);
    expect(db.stats()).toEqual({ open: 2, switches: 2 });
    expect(events.filter((e) => e.type === 'pool-ended').map((e) => e.generation)).toEqual([1]);
  });

  it('use: after an authentication failure refreshes from AWS and retries on the new pool', async () => {
    const { db, set, forced } = setup();
    await db.pool();
    const authError = Object.assign(new Error('password authentication failed'), { code: '28P01' });
    let calls = 0;
    const result = await db.use(async (p) => {
      calls++;
      if (p.creds.password === 'one') {
        set(creds('app', 'two')); // the rotation finished meanwhile
        throw authError;
      }
      return p.creds.password;
    });
    expect(result).toBe('two');
    expect(calls).toBe(2);
    expect(forced).toContain(true);
  });

  it('use: gives up with AUTH_RETRIES_EXHAUSTED after maxAuthRetries', async () => {
    const { db } = setup();
    const authError = Object.assign(new Error('denied'), { errno: 1045 });
    const error = await db.use(async () => Promise.reject(authError)).catch((e: unknown) => e);
    expect(isSecretkitError(error, 'AUTH_RETRIES_EXHAUSTED')).toBe(true);
  });

  it('use: other errors pass through without refresh', async () => {
    const { db, forced } = setup();
    await expect(db.use(async () => Promise.reject(new Error('syntax')))).rejects.toThrow('syntax');
    expect(forced).not.toContain(true);
  });

  it('close ends every pool and refuses further use', async () => {
    const { db, pools, set } = setup();
    await db.pool();
    set(creds('app_clone', 'two'));
    await db.pool();
    await db.close();
    expect(pools.every((p) => p.ended)).toBe(true);
    const error = await db.pool().catch((e: unknown) => e);
    expect(isSecretkitError(error, 'CLIENT_CLOSED')).toBe(true);
  });

  it('refuses a bad drainMs and a missing source', () => {
    expect(() =>
      rotatingPool('db', {
        create: (c) => new FakePool(c),
        drainMs: -1,
        source: async () => creds('a', 'b'),
      }),
    ).toThrow(/drainMs/);
    expect(() => rotatingPool('db', { create: (c) => new FakePool(c) })).toThrow(/reader/);
  });
});
