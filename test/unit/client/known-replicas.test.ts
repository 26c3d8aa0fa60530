/**
 * A reader linked to an admin client learns from DescribeSecret where each secret is held, and
 * its reads during a primary outage try only the replica regions that hold the secret. The
 * in-memory Secrets Manager (secretkit/testing) stands in for AWS.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SecretsAdmin } from '../../../src/admin/index.js';
import { failover } from '../../../src/failover/index.js';
import { isSecretkitError, SecretsClient } from '../../../src/index.js';
import { InMemorySecretsManager } from '../../../src/testing/index.js';

const P = 'us-east-1';
const B = 'us-west-2';
const C = 'eu-west-1';
const TTL_MS = 1_000;
const MAX_STALE_MS = 10_000;

describe('reads during a primary outage follow the replica set AWS reported', () => {
  let now: number;
  let fake: InMemorySecretsManager;
  let reader: SecretsClient;
  let admin: SecretsAdmin;

  beforeEach(() => {
    now = 1_700_000_000_000;
    const clock = { now: () => now };
    fake = new InMemorySecretsManager({ clock, seed: 7 });
    fake.seed({ name: 'app/replicated', value: 'r-good', replicaRegions: [B] });
    fake.seed({ name: 'app/solo', value: 's-good' });
    reader = new SecretsClient({
      client: fake,
      region: P,
      failover: failover({ replicaRegions: [B, C] }),
      replicaClients: { [B]: fake.client(B), [C]: fake.client(C) },
      ttlMs: TTL_MS,
      maxStaleMs: MAX_STALE_MS,
      clock,
      random: () => 0,
    });
    admin = new SecretsAdmin({ client: fake, region: P, readers: [reader] });
  });

  afterEach(() => {
    reader.close();
    admin.close();
  });

  const replicaCalls = (region: string) => fake.calls({ operation: 'GetSecretValue', region });

  it('serves a replicated secret from its replica and an unreplicated one stale, with no call to a replica', async () => {
    await admin.describeSecret('app/replicated');
    await admin.describeSecret('app/solo');
    await expect(reader.getString('app/replicated')).resolves.toBe('r-good');
    await expect(reader.getString('app/solo')).resolves.toBe('s-good');
    fake.setOutage(P, 'server');
    let soloServed = 0;
    let soloFailed = 0;
    for (let i = 1; i <= 30; i += 1) {
      now += 500;
      await expect(reader.getString('app/replicated')).resolves.toBe('r-good');
      try {
        expect(await reader.getString('app/solo')).toBe('s-good');
        soloServed += 1;
      } catch (error) {
        // Past maxStaleMs the primary's fault, never ALL_REGIONS_FAILED nor NOT_FOUND.
        expect(isSecretkitError(error, 'REGION_UNAVAILABLE')).toBe(true);
        soloFailed += 1;
      }
    }
    // 1 s of TTL, then 10 s of stale serving at 2 reads a second.
    expect(soloServed).toBeGreaterThanOrEqual(20);
    expect(soloServed).toBeLessThanOrEqual(22);
    expect(soloFailed).toBe(30 - soloServed);
    expect(replicaCalls(C)).toBe(0);
    expect(fake.callLog({ operation: 'GetSecretValue', region: B }).map((c) => c.secretId)).not.toContain(
      'app/solo',
    );
    expect(replicaCalls(B)).toBeGreaterThan(0);
  });

  it("without a describe, the unreplicated secret's reads go to every listed replica (client-wide list)", async () => {
    await expect(reader.getString('app/solo')).resolves.toBe('s-good');
    fake.setOutage(P, 'server');
    now += TTL_MS + 1;
    await expect(reader.getString('app/solo')).resolves.toBe('s-good'); // stale: the replicas lack it
    // Served stale at once (stale-while-revalidate); the refresh tries the regions behind it.
    await vi.waitFor(() => expect(reader.stats().inFlight).toBe(0));
    expect(replicaCalls(B)).toBe(1);
    expect(replicaCalls(C)).toBe(1);
  });

  it('never reads a replica region whose replication Failed (it holds another secret of that name)', async () => {
    // A secret of the same name already in B: replicating there fails.
    fake.seed({ name: 'app/clash', value: 'b-other-secret', region: B });
    fake.seed({ name: 'app/clash', value: 'clash-good' });
    await admin.replicate('app/clash', [{ region: B }]).catch(() => undefined);
    const description = await admin.describeSecret('app/clash');
    expect(description.replicationStatus.map((r) => [r.region, r.status])).toEqual([[B, 'Failed']]);
    await expect(reader.getString('app/clash')).resolves.toBe('clash-good');
    fake.setOutage(P, 'server');
    now += TTL_MS + 1;
    await expect(reader.getString('app/clash')).resolves.toBe('clash-good');
    expect(fake.callLog({ operation: 'GetSecretValue', region: B })).toEqual([]);
  });

  it('replicate() makes the reader forget: the new replica is tried again', async () => {
    await admin.describeSecret('app/solo');
    await admin.replicate('app/solo', [{ region: C }]);
    fake.setOutage(P, 'server');
    await expect(reader.getString('app/solo')).resolves.toBe('s-good');
    expect(replicaCalls(C)).toBe(1);
  });

  it('preload sends no unreplicated secret to a replica region', async () => {
    await admin.describeSecret('app/replicated');
    await admin.describeSecret('app/solo');
    fake.setOutage(P, 'server');
    const result = await reader.preload(['app/replicated', 'app/solo']);
    expect(result.loaded).toEqual(['app/replicated']);
    expect(result.failed.map((f) => [f.secretId, f.error.code])).toEqual([
      ['app/solo', 'REGION_UNAVAILABLE'],
    ]);
    const sent = fake.callLog({ operation: 'BatchGetSecretValue' }).filter((c) => c.region !== P);
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.map((c) => c.region)).not.toContain(C);
  });
});
