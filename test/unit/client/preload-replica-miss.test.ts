/**
 * preload during a primary outage: the batch is answered by a replica region, which does not
 * hold every secret. Its per-secret "not found" is a fault, as for a single read: the cached
 * value stays (stale-if-error within maxStaleMs), nothing is evicted, no NOT_FOUND remembered.
 * The in-memory Secrets Manager (secretkit/testing) stands in for AWS.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { failover } from '../../../src/failover/index.js';
import { isSecretkitError, SecretsClient } from '../../../src/index.js';
import { InMemorySecretsManager } from '../../../src/testing/index.js';

const P = 'us-east-1';
const B = 'us-west-2';

describe('preload during a primary outage', () => {
  let now: number;
  let fake: InMemorySecretsManager;
  let reader: SecretsClient;

  beforeEach(() => {
    now = 1_700_000_000_000;
    const clock = { now: () => now };
    fake = new InMemorySecretsManager({ clock, seed: 3 });
    fake.seed({ name: 'app/replicated', value: 'r-good', replicaRegions: [B] });
    fake.seed({ name: 'app/solo', value: 's-good' });
    reader = new SecretsClient({
      client: fake,
      region: P,
      failover: failover({ replicaRegions: [B] }),
      replicaClients: { [B]: fake.client(B) },
      ttlMs: 1_000,
      staleWhileRevalidateMs: 0,
      maxStaleMs: 10_000,
      clock,
      random: () => 0,
    });
  });
  afterEach(() => reader.close());

  it('keeps the cached value of a secret the answering replica lacks: its not-found is a fault, not an answer', async () => {
    await expect(reader.preload(['app/replicated', 'app/solo'])).resolves.toMatchObject({
      failed: [],
    });
    fake.setOutage(P, 'server');
    now += 2_000; // both expired; the primary answers 503
    const result = await reader.preload(['app/replicated', 'app/solo']);
    expect(result.loaded).toEqual(['app/replicated']);
    expect(result.failed.map((f) => [f.secretId, f.error.code])).toEqual([
      ['app/solo', 'ALL_REGIONS_FAILED'],
    ]);
    const failure = result.failed[0]?.error;
    const regions = isSecretkitError(failure, 'ALL_REGIONS_FAILED')
      ? failure.details?.regionErrors.map((r) => r.region)
      : [];
    expect(regions).toEqual([P, B]);
    // Still served, stale within maxStaleMs, and counted so.
    await expect(reader.getString('app/solo')).resolves.toBe('s-good');
    expect(reader.stats().staleServed).toBe(1);
    // Past the bound it fails closed with the fault, never NOT_FOUND.
    now += 10_000;
    const late = await reader.getString('app/solo').catch((e: unknown) => e);
    expect(isSecretkitError(late) && late.code).toBe('ALL_REGIONS_FAILED');
  });

  it('a not-found from the primary itself is still the answer, and evicts', async () => {
    await reader.preload(['app/solo']);
    await fake.client(P).send(
      new (await import('@aws-sdk/client-secrets-manager')).DeleteSecretCommand({
        SecretId: 'app/solo',
        ForceDeleteWithoutRecovery: true,
      }),
    );
    now += 2_000;
    const result = await reader.preload(['app/solo']);
    expect(result.failed.map((f) => f.error.code)).toEqual(['NOT_FOUND']);
    const read = await reader.getString('app/solo').catch((e: unknown) => e);
    expect(isSecretkitError(read) && read.code).toBe('NOT_FOUND');
  });
});
