/**
 * The call budget on the emulator with fake time: a simulated day of reads of 4 secrets that
 * rotate every 2 hours, with a budget below what the TTL alone would spend. Every call that
 * reaches the emulator is timed on the fake clock by a wrapper around the SDK client.
 */

import { inspect } from 'node:util';
import {
  CreateSecretCommand,
  DescribeSecretCommand,
  PutSecretValueCommand,
  SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';
import { describe, expect, it } from 'vitest';
import { SDK_ACCESS } from '../../../src/client/sdk-access.js';
import { transportStats } from '../../../src/fleet/index.js';
import { isSecretkitError, SecretsClient } from '../../../src/index.js';
import { send } from '../../../src/sdk/send.js';
import { emulatorConfig, smClient, useEmulator } from '../../support/aws.js';

const BUDGET = 1;
const TTL = 600_000;
const MAX_STALE = 300_000;

describe('maxCallsPerMinute on the emulator, a simulated day', () => {
  useEmulator();

  it('never exceeds the budget in any minute, never serves a value past maxStaleMs, tells cold misses', async () => {
    let now = Date.parse('2026-12-02T00:00:00Z');
    const clock = { now: () => now };
    const sm = new SecretsManagerClient(emulatorConfig());
    const callTimes: number[] = [];
    const fetchedAt = new Map<string, number>(); // value → when it was last fetched
    const counting = {
      send: async (command: never, options?: unknown) => {
        callTimes.push(now);
        const out = await (
          sm.send as (
            c: unknown,
            o?: unknown,
          ) => Promise<{ SecretString?: string; SecretValues?: { SecretString?: string }[] }>
        )(command, options);
        for (const v of [out, ...(out.SecretValues ?? [])])
          if (v.SecretString !== undefined) fetchedAt.set(v.SecretString, now);
        return out;
      },
    } as unknown as SecretsManagerClient;
    const secrets = new SecretsClient({
      client: counting,
      region: 'us-east-1',
      clock,
      random: () => 0.5,
      ttlMs: TTL,
      staleWhileRevalidateMs: 0,
      refreshAheadRatio: 0,
      maxStaleMs: MAX_STALE,
      maxCallsPerMinute: BUDGET,
    });
    const ids = Array.from({ length: 8 }, (_, i) => `day/${i}`);
    for (const id of ids)
      await smClient().send(new CreateSecretCommand({ Name: id, SecretString: `${id}#0` }));
    const start = now;
    // Reads `active` secrets every minute from `from` to `to` (ms since start); rotates every 2 h.
    const run = async (active: readonly string[], from: number, to: number) => {
      const codes: Record<string, number> = {};
      let reads = 0;
      let served = 0;
      for (let t = from; t < to; t += 60_000) {
        now = start + t;
        if (t > 0 && t % (2 * 3600_000) === 0) {
          for (const id of ids)
            await smClient().send(new PutSecretValueCommand({ SecretId: id, SecretString: `${id}#${t}` }));
        }
        for (const id of active) {
          reads += 1;
          let value: string;
          try {
            value = await secrets.getString(id);
          } catch (error) {
            const code = isSecretkitError(error) ? error.code : String(error);
            codes[code] = (codes[code] ?? 0) + 1;
            continue;
          }
          served += 1;
          // No read gets a value older than its freshness plus maxStaleMs.
          expect(now - (fetchedAt.get(value) ?? Number.NEGATIVE_INFINITY)).toBeLessThanOrEqual(
            TTL + MAX_STALE,
          );
        }
      }
      return { reads, served, codes };
    };
    // 23.5 h of 4 secrets expiring together (bursts of 4 against a budget of 1/min): deferred, all served.
    // Cold start: one BatchGetSecretValue loads the four (a cold miss past the budget would fail).
    expect((await secrets.preload(ids.slice(0, 4))).loaded).toHaveLength(4);
    const calm = await run(ids.slice(0, 4), 0, 23.5 * 3600_000);
    const refusedCalm = transportStats(secrets)?.budgetRefused ?? 0;
    expect(refusedCalm).toBeGreaterThan(0); // the budget did bind
    expect(calm.served).toBe(calm.reads);
    // 30 min of overload (8 secrets, 4 calls/min wanted): fail closed with THROTTLED past maxStaleMs.
    const overload = await run(ids, 23.5 * 3600_000, 24 * 3600_000);
    expect(Object.keys(overload.codes)).toEqual(['THROTTLED']);
    // Any 60 s window holds at most BUDGET calls.
    for (let i = BUDGET; i < callTimes.length; i += 1) {
      expect((callTimes[i] as number) - (callTimes[i - BUDGET] as number)).toBeGreaterThanOrEqual(60_000);
    }

    // A cold miss past the budget: THROTTLED at once, naming the budget (never a silent wait).
    await smClient().send(new CreateSecretCommand({ Name: 'day/cold', SecretString: 'x' }));
    // An out-of-band call through the reader's (budgeted) client spends the slot if one is free.
    const access = secrets[SDK_ACCESS]();
    await send(access.client, new DescribeSecretCommand({ SecretId: 'day/0' }), {
      ...access.call,
      operation: 'DescribeSecret',
    }).catch(() => {});
    const cold = await secrets.getString('day/cold').then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(isSecretkitError(cold) && cold.code).toBe('THROTTLED');
    expect(inspect(cold, { depth: 5 })).toMatch(/call budget/);
    console.log(
      JSON.stringify({
        calm,
        overload,
        calls: callTimes.length,
        refused: transportStats(secrets)?.budgetRefused,
      }),
    );
    secrets.close();
  }, 180_000);
});
