/**
 * The diagnostics channels: every documented channel fires with its documented message, no
 * message is built while nobody listens, and no message ever holds a secret value, a JSON key
 * of one, or a token (planted markers are searched for in everything published).
 */
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { inspect } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { SecretsAdmin } from '../../../src/admin/index.js';
import { failover } from '../../../src/failover/index.js';
import { DIAGNOSTICS_CHANNELS, SecretsClient, type SecretsManagerClientLike } from '../../../src/index.js';
import { publishEvent } from '../../../src/observe/publish.js';
import { type RotationStrategy, runRotation } from '../../../src/rotation/index.js';
import { InMemorySecretsManager } from '../../../src/testing/index.js';

const VALUE = 'VALUE-b71c-planted';
const KEY = 'KEY-5e2a-planted';
const NAMES = Object.values(DIAGNOSTICS_CHANNELS);

type Published = { readonly channel: string; readonly message: Record<string, unknown> };

/** Subscribes to every channel; `stop()` unsubscribes. */
function listen(): {
  published: Published[];
  of: (name: string) => Record<string, unknown>[];
  stop: () => void;
} {
  const published: Published[] = [];
  const listeners = NAMES.map((name) => {
    const listener = (message: unknown): void => {
      published.push({ channel: name, message: message as Record<string, unknown> });
    };
    subscribe(name, listener);
    return { name, listener };
  });
  return {
    published,
    of: (name) => published.filter((p) => p.channel === name).map((p) => p.message),
    stop: () => {
      for (const { name, listener } of listeners) unsubscribe(name, listener);
    },
  };
}

let stopListening: (() => void) | undefined;
afterEach(() => {
  stopListening?.();
  stopListening = undefined;
});

describe('diagnostics channels', () => {
  it('names are stable and namespaced', () => {
    expect(DIAGNOSTICS_CHANNELS).toMatchInlineSnapshot(`
      {
        "awsCall": "secretkit:aws:call",
        "cacheEvict": "secretkit:cache:evict",
        "cacheHit": "secretkit:cache:hit",
        "cacheLoad": "secretkit:cache:load",
        "cacheMiss": "secretkit:cache:miss",
        "cacheRefresh": "secretkit:cache:refresh",
        "cacheStale": "secretkit:cache:stale",
        "circuit": "secretkit:circuit",
        "failover": "secretkit:failover",
        "hedge": "secretkit:hedge",
        "regionFailure": "secretkit:region:failure",
        "rotationStep": "secretkit:rotation:step",
      }
    `);
  });

  it('builds no message while nobody listens', () => {
    let reads = 0;
    const event = {
      type: 'hit' as const,
      selector: '',
      get secretId(): string {
        reads++;
        return 'prod/db';
      },
    };
    publishEvent(event);
    expect(reads).toBe(0);
    const sub = listen();
    stopListening = sub.stop;
    publishEvent(event);
    expect(reads).toBe(1);
    expect(sub.of(DIAGNOSTICS_CHANNELS.cacheHit)).toEqual([{ secretId: 'prod/db' }]);
  });

  it('publishes every channel, with durations from the client clock, and never a value, key or token', async () => {
    const sub = listen();
    stopListening = sub.stop;
    let now = Date.UTC(2030, 0, 1);
    const clock = { now: () => now };
    const fake = new InMemorySecretsManager({ clock });
    fake.seed({ name: 'json', json: { [KEY]: VALUE }, replicaRegions: ['us-west-2'] });
    fake.seed({ name: 'plain', value: VALUE, replicaRegions: ['us-west-2'] });
    // Each call takes 25 ms on the client's clock.
    const slow = (client: SecretsManagerClientLike): SecretsManagerClientLike => ({
      send: ((command: Parameters<SecretsManagerClientLike['send']>[0], options?: object) => {
        now += 25;
        return client.send(command, options);
      }) as SecretsManagerClientLike['send'],
    });
    const secrets = new SecretsClient({
      client: slow(fake),
      region: 'us-east-1',
      failover: failover({ replicaRegions: ['us-west-2'], breakerCooldownMs: 1_000, hedgeAfterMs: 10_000 }),
      replicaClients: { 'us-west-2': slow(fake.client('us-west-2')) },
      clock,
      random: () => 0,
      ttlMs: 60_000,
    });
    try {
      // miss + load + API call, then a hit
      expect(await secrets.getJson('json')).toEqual({ [KEY]: VALUE });
      expect(await secrets.getJson('json')).toEqual({ [KEY]: VALUE });
      expect(sub.of(DIAGNOSTICS_CHANNELS.awsCall)[0]).toEqual({
        operation: 'GetSecretValue',
        region: 'us-east-1',
        durationMs: 25,
        outcome: 'success',
      });
      expect(sub.of(DIAGNOSTICS_CHANNELS.cacheLoad)[0]).toEqual({
        secretId: 'json',
        durationMs: 25,
        outcome: 'success',
      });
      expect(sub.of(DIAGNOSTICS_CHANNELS.cacheMiss)).toEqual([{ secretId: 'json' }]);
      expect(sub.of(DIAGNOSTICS_CHANNELS.cacheHit)).toEqual([{ secretId: 'json' }]);

      // batch preload, then an outage of the primary: region failure, failover, circuit open
      await secrets.preload(['plain']);
      fake.setOutage('us-east-1', 'server');
      now += 120_000;
      expect(await secrets.getString('plain')).toBe(VALUE);
      expect(sub.of(DIAGNOSTICS_CHANNELS.awsCall)).toContainEqual({
        operation: 'GetSecretValue',
        region: 'us-east-1',
        durationMs: 25,
        outcome: 'error',
        errorType: 'InternalServiceError',
      });
      expect(sub.of(DIAGNOSTICS_CHANNELS.failover)).toEqual([{ from: 'us-east-1', to: 'us-west-2' }]);
      expect(sub.of(DIAGNOSTICS_CHANNELS.circuit)).toEqual([
        { region: 'us-east-1', state: 'open', untilMs: expect.any(Number) },
      ]);
      expect(sub.of(DIAGNOSTICS_CHANNELS.regionFailure)[0]).toMatchObject({ region: 'us-east-1' });

      // every region fails: the last good value is served stale
      fake.setOutage('server');
      now += 120_000;
      expect(await secrets.getJson('json')).toEqual({ [KEY]: VALUE });
      expect(sub.of(DIAGNOSTICS_CHANNELS.cacheStale)[0]).toMatchObject({ secretId: 'json' });
      expect(sub.of(DIAGNOSTICS_CHANNELS.cacheLoad)).toContainEqual(
        expect.objectContaining({ secretId: 'json', outcome: 'error', errorType: expect.any(String) }),
      );

      // AWS is back; the circuit closes on the next primary success; a refresh-ahead hit
      fake.clearOutage();
      now += 120_000;
      expect(await secrets.getString('plain')).toBe(VALUE);
      now += 50_000;
      expect(await secrets.getString('plain')).toBe(VALUE);
      expect(sub.of(DIAGNOSTICS_CHANNELS.cacheRefresh)).toContainEqual({
        secretId: 'plain',
        background: true,
      });
      expect(sub.of(DIAGNOSTICS_CHANNELS.circuit)).toContainEqual({ region: 'us-east-1', state: 'closed' });

      // a write (PutSecretValue) is an API call too, and invalidates
      const admin = new SecretsAdmin({ client: slow(fake), region: 'us-east-1', readers: [secrets] });
      await admin.putSecretValue('plain', { string: `${VALUE}-2` });
      admin.close();
      expect(sub.of(DIAGNOSTICS_CHANNELS.awsCall)).toContainEqual(
        expect.objectContaining({ operation: 'PutSecretValue', outcome: 'success' }),
      );
      expect(sub.of(DIAGNOSTICS_CHANNELS.cacheEvict)).toContainEqual({
        secretId: 'plain',
        reason: 'invalidate',
      });
    } finally {
      secrets.close();
    }

    // a rotation through the framework: one message per step
    const strategy: RotationStrategy = {
      name: 'planted',
      createPendingValue: async () => JSON.stringify({ [KEY]: `${VALUE}-rotated` }),
      setSecret: async () => undefined,
      testSecret: async () => undefined,
    };
    const { token } = await runRotation(fake, 'json', strategy);
    const steps = sub.of(DIAGNOSTICS_CHANNELS.rotationStep);
    expect(steps.map((s) => [s['step'], s['outcome'], s['strategy']])).toEqual([
      ['createSecret', 'done', 'planted'],
      ['setSecret', 'done', 'planted'],
      ['testSecret', 'done', 'planted'],
      ['finishSecret', 'done', 'planted'],
    ]);
    const failing: RotationStrategy = {
      ...strategy,
      testSecret: async () => {
        throw new Error(`login failed with ${VALUE}`);
      },
    };
    await expect(runRotation(fake, 'json', failing)).rejects.toThrow();
    expect(sub.of(DIAGNOSTICS_CHANNELS.rotationStep).at(-1)).toMatchObject({
      step: 'testSecret',
      outcome: 'error',
      errorType: expect.any(String),
    });

    for (const name of NAMES.filter((n) => n !== DIAGNOSTICS_CHANNELS.hedge)) {
      expect(sub.of(name).length, name).toBeGreaterThan(0);
    }
    const everything = `${JSON.stringify(sub.published)}\n${inspect(sub.published, { depth: 10, showHidden: true })}`;
    expect(everything).not.toContain(VALUE);
    expect(everything).not.toContain(KEY);
    expect(everything).not.toContain(token);
  });
});
