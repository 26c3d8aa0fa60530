/**
 * A secret that is not replicated, read by a client that lists replica regions, through a
 * primary outage: real SDK clients, the fault proxy in front of the primary, moto behind. The
 * replica's "not found" must not evict the good cached value (it is a fault while the primary
 * faults), and stale serving stays within maxStaleMs.
 */
import { CreateSecretCommand } from '@aws-sdk/client-secrets-manager';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { failover } from '../../../src/failover/index.js';
import { isSecretkitError, SecretsClient } from '../../../src/index.js';
import { motoEndpoint, useEmulator } from '../../support/aws.js';
import { type FaultProxy, SERVICE_UNAVAILABLE, startFaultProxy } from '../../support/fault-proxy.js';
import { PRIMARY, REGION_TIMEOUT_MS, REPLICAS, sdkClient } from './harness.js';

describe('a primary outage with a secret that has no replicas', () => {
  useEmulator();
  let proxy: FaultProxy;
  let secrets: SecretsClient;
  let now = Date.now();
  let t0 = now;
  const evs: string[] = [];
  const primary = () => sdkClient(PRIMARY, proxy.endpoint);

  beforeEach(async () => {
    proxy = await startFaultProxy(motoEndpoint());
    const admin = sdkClient(PRIMARY, motoEndpoint());
    await admin.send(new CreateSecretCommand({ Name: 'solo/db', SecretString: 'good' }));
    admin.destroy();
    now = Date.now();
    t0 = now;
    secrets = new SecretsClient({
      client: primary(),
      region: PRIMARY,
      failover: failover({ replicaRegions: [...REPLICAS] }),
      replicaClients: Object.fromEntries(REPLICAS.map((r) => [r, sdkClient(r, motoEndpoint())])),
      regionTimeoutMs: REGION_TIMEOUT_MS,
      ttlMs: 1_000,
      maxStaleMs: 10_000,
      clock: { now: () => now },
      random: () => 0,
      onEvent: (e) => {
        if (e.type === 'hit' || e.type === 'stale' || e.type === 'load-error' || e.type === 'miss')
          evs.push(`${e.type}@${now - t0}`);
      },
    });
  });

  afterEach(async () => {
    secrets.close();
    await proxy.close();
  });

  it("keeps serving the cached value within maxStaleMs; a replica's not-found is no answer", async () => {
    await expect(secrets.getString('solo/db')).resolves.toBe('good');
    await proxy.setMode(SERVICE_UNAVAILABLE);
    let served = 0;
    let notFound = 0;
    let failed = 0;
    // 40 reads over 20 s past expiry: the first 10 s are within maxStaleMs, the rest are not.
    for (let i = 1; i <= 40; i += 1) {
      now += 500;
      try {
        expect(await secrets.getString('solo/db')).toBe('good');
        served += 1;
      } catch (error) {
        if (isSecretkitError(error, 'NOT_FOUND')) notFound += 1;
        else {
          failed += 1;
        }
      }
    }
    const stats = secrets.stats();
    expect(notFound).toBe(0);
    // 1 s of TTL, then 10 s of stale serving at 2 reads a second; past the bound it fails closed.
    expect(served).toBeGreaterThanOrEqual(20);
    expect(served).toBeLessThanOrEqual(22);
    expect(failed).toBe(40 - served);
    expect(stats.staleServed).toBeGreaterThanOrEqual(served - 2);
    // Once the primary is back, the value is read again.
    await proxy.setMode({ kind: 'pass' });
    now += 60_000;
    await expect(secrets.getString('solo/db')).resolves.toBe('good');
  });
});
