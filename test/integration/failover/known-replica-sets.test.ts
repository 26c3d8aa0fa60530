/**
 * A reader linked to an admin client reads only the replica regions that DescribeSecret
 * reported for each secret: real SDK clients, the fault proxy in front of the primary, moto
 * behind (which reports `ReplicationStatus` on the primary's describe, `Failed` when a secret
 * of the same name already exists in the replica region).
 */
import { CreateSecretCommand, type SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SecretsAdmin } from '../../../src/admin/index.js';
import { failover } from '../../../src/failover/index.js';
import { isSecretkitError, SecretsClient } from '../../../src/index.js';
import type { SecretsManagerClientLike } from '../../../src/sdk/client-like.js';
import { motoEndpoint, useEmulator } from '../../support/aws.js';
import { type FaultProxy, SERVICE_UNAVAILABLE, startFaultProxy } from '../../support/fault-proxy.js';
import { PRIMARY, REGION_TIMEOUT_MS, sdkClient } from './harness.js';

const B = 'us-west-2';
const C = 'eu-west-1';
const TTL_MS = 1_000;
const MAX_STALE_MS = 10_000;
const READS = 40;

describe('a primary outage with replica sets learned from DescribeSecret', () => {
  useEmulator();
  let proxy: FaultProxy;
  let secrets: SecretsClient;
  let admin: SecretsAdmin;
  let now = Date.now();
  const made: SecretsManagerClient[] = [];
  /** GetSecretValue calls sent to each replica region, by SecretId as sent. */
  const sent: Array<{ region: string; secretId: string }> = [];

  const counted = (region: string): SecretsManagerClientLike => {
    const client = sdkClient(region, motoEndpoint());
    made.push(client);
    return {
      send: (command: { input?: { SecretId?: string } }, options?: unknown) => {
        sent.push({ region, secretId: command.input?.SecretId ?? '' });
        return (client.send as (c: unknown, o?: unknown) => Promise<unknown>)(command, options);
      },
    } as unknown as SecretsManagerClientLike;
  };
  const callsTo = (region: string, name: string) =>
    sent.filter((s) => s.region === region && s.secretId.includes(name)).length;

  beforeEach(async () => {
    proxy = await startFaultProxy(motoEndpoint());
    const direct = sdkClient(PRIMARY, motoEndpoint());
    const inB = sdkClient(B, motoEndpoint());
    await direct.send(
      new CreateSecretCommand({
        Name: 'kr/replicated',
        SecretString: 'r-good',
        AddReplicaRegions: [{ Region: B }],
      }),
    );
    await direct.send(new CreateSecretCommand({ Name: 'kr/solo', SecretString: 's-good' }));
    // Another secret of the same name in B first: replicating kr/clash there fails.
    await inB.send(new CreateSecretCommand({ Name: 'kr/clash', SecretString: 'another-secret' }));
    await direct.send(
      new CreateSecretCommand({
        Name: 'kr/clash',
        SecretString: 'c-good',
        AddReplicaRegions: [{ Region: B }],
      }),
    );
    direct.destroy();
    inB.destroy();
    sent.length = 0;
    now = Date.now();
    const primary = sdkClient(PRIMARY, proxy.endpoint);
    made.push(primary);
    secrets = new SecretsClient({
      client: primary,
      region: PRIMARY,
      failover: failover({ replicaRegions: [B, C] }),
      replicaClients: { [B]: counted(B), [C]: counted(C) },
      regionTimeoutMs: REGION_TIMEOUT_MS,
      ttlMs: TTL_MS,
      // An expired read waits for its load (no stale-while-revalidate): the replicated secret's
      // reads are then fresh values from B, the others stale-if-error within maxStaleMs.
      staleWhileRevalidateMs: 0,
      maxStaleMs: MAX_STALE_MS,
      clock: { now: () => now },
      random: () => 0,
    });
    // The admin client talks to moto directly (it describes before the outage anyway).
    const adminClient = sdkClient(PRIMARY, motoEndpoint());
    made.push(adminClient);
    admin = new SecretsAdmin({ client: adminClient, region: PRIMARY, readers: [secrets] });
  });

  afterEach(async () => {
    secrets.close();
    admin.close();
    for (const client of made.splice(0)) client.destroy();
    await proxy.close();
  });

  it('serves the replicated secret from its replica and the others stale, without calling a region that lacks them', async () => {
    const described = await Promise.all(
      ['kr/replicated', 'kr/solo', 'kr/clash'].map((id) => admin.describeSecret(id)),
    );
    expect(described.map((d) => d.replicationStatus.map((r) => `${r.region}:${r.status}`))).toEqual([
      [`${B}:InSync`],
      [],
      [`${B}:Failed`],
    ]);
    for (const [id, value] of [
      ['kr/replicated', 'r-good'],
      ['kr/solo', 's-good'],
      ['kr/clash', 'c-good'],
    ] as const) {
      await expect(secrets.getString(id)).resolves.toBe(value);
    }
    await proxy.setMode(SERVICE_UNAVAILABLE);
    const served = { replicated: 0, solo: 0, clash: 0 };
    const failed: Record<string, number> = {};
    // 40 reads of each over 20 s past the warm-up: maxStaleMs covers the first 10 s.
    for (let i = 1; i <= READS; i += 1) {
      now += 500;
      for (const [key, id, value] of [
        ['replicated', 'kr/replicated', 'r-good'],
        ['solo', 'kr/solo', 's-good'],
        ['clash', 'kr/clash', 'c-good'],
      ] as const) {
        try {
          expect(await secrets.getString(id)).toBe(value);
          served[key] += 1;
        } catch (error) {
          const code = isSecretkitError(error) ? error.code : String(error);
          failed[code] = (failed[code] ?? 0) + 1;
        }
      }
    }
    const figures = {
      served,
      failed,
      replicaCalls: {
        replicated: callsTo(B, 'kr/replicated'),
        solo: callsTo(B, 'kr/solo') + callsTo(C, 'kr/solo'),
        clash: callsTo(B, 'kr/clash') + callsTo(C, 'kr/clash'),
        toC: sent.filter((s) => s.region === C).length,
      },
      staleServed: secrets.stats().staleServed,
    };
    expect(figures.served.replicated).toBe(READS);
    // A load every second read (TTL 1 s, a read every 500 ms), each served by B.
    expect(figures.replicaCalls.replicated).toBe(READS / 2);
    // 1 s of TTL, then 10 s of stale serving at 2 reads a second; past the bound, the primary's
    // fault (REGION_UNAVAILABLE), never NOT_FOUND or ALL_REGIONS_FAILED.
    for (const key of ['solo', 'clash'] as const) {
      expect(figures.served[key]).toBeGreaterThanOrEqual(20);
      expect(figures.served[key]).toBeLessThanOrEqual(22);
    }
    expect(Object.keys(figures.failed)).toEqual(['REGION_UNAVAILABLE']);
    expect(figures.failed['REGION_UNAVAILABLE']).toBe(2 * READS - figures.served.solo - figures.served.clash);
    expect(figures.replicaCalls.solo).toBe(0);
    expect(figures.replicaCalls.clash).toBe(0);
    expect(figures.replicaCalls.toC).toBe(0);
    // Once the primary is back, every value is read again.
    await proxy.setMode({ kind: 'pass' });
    now += 60_000;
    await expect(secrets.getString('kr/solo')).resolves.toBe('s-good');
  });

  it('without a describe, a name is read in a replica region as the ARN the primary answered with: the other secret of that name there is never served', async () => {
    await expect(secrets.getString('kr/clash')).resolves.toBe('c-good');
    await expect(secrets.getString('kr/replicated')).resolves.toBe('r-good');
    await proxy.setMode(SERVICE_UNAVAILABLE);
    const values = new Map<string, number>();
    const failed: Record<string, number> = {};
    for (let i = 1; i <= READS; i += 1) {
      now += 500;
      for (const id of ['kr/clash', 'kr/replicated']) {
        try {
          const value = await secrets.getString(id);
          values.set(`${id}=${value}`, (values.get(`${id}=${value}`) ?? 0) + 1);
        } catch (error) {
          const code = isSecretkitError(error) ? error.code : String(error);
          failed[code] = (failed[code] ?? 0) + 1;
        }
      }
    }
    // kr/clash: stale within maxStaleMs, then the region fault; B's own kr/clash never shows.
    expect([...values.keys()].sort()).toEqual(['kr/clash=c-good', 'kr/replicated=r-good']);
    expect(values.get('kr/replicated=r-good')).toBe(READS);
    expect(values.get('kr/clash=c-good')).toBeGreaterThanOrEqual(20);
    expect(values.get('kr/clash=c-good')).toBeLessThanOrEqual(22);
    expect(Object.keys(failed)).toEqual(['ALL_REGIONS_FAILED']);
    // Every request to a replica region named the secret by its ARN, not by the name.
    const toReplicas = sent.filter((s) => s.region === B || s.region === C);
    expect(toReplicas.length).toBeGreaterThan(0);
    for (const s of toReplicas)
      expect(s.secretId).toMatch(new RegExp(`^arn:aws:secretsmanager:${s.region}:`));
  });

  it('after a short primary outage, a secret the replicas lack is read from the recovered primary while its circuit is still open', async () => {
    await expect(secrets.getString('kr/solo')).resolves.toBe('s-good');
    await proxy.setMode(SERVICE_UNAVAILABLE);
    for (let i = 0; i < 4; i += 1) {
      now += 500;
      await secrets.getString('kr/solo').catch(() => undefined); // the outage opens the circuit
    }
    await proxy.setMode({ kind: 'pass' });
    const outcomes: string[] = [];
    // 36 reads over the next 18 s: well inside the breaker's 30 s cool-down, past maxStaleMs.
    for (let i = 0; i < 36; i += 1) {
      now += 500;
      outcomes.push(
        await secrets.getString('kr/solo').catch((e: unknown) => (isSecretkitError(e) ? e.code : String(e))),
      );
    }
    expect(outcomes.filter((o) => o === 's-good')).toHaveLength(36);
  });

  it('without a describe the client-wide list is used: the unreplicated secret is asked for in each replica region', async () => {
    await expect(secrets.getString('kr/solo')).resolves.toBe('s-good');
    await proxy.setMode(SERVICE_UNAVAILABLE);
    now += TTL_MS + 1;
    // Still served (a replica's not-found while the primary faults is a fault), at one call per region.
    await expect(secrets.getString('kr/solo')).resolves.toBe('s-good');
    expect(callsTo(B, 'kr/solo')).toBe(1);
    expect(callsTo(C, 'kr/solo')).toBe(1);
  });
});
