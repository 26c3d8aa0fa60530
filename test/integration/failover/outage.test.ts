/**
 * Region outages with real SDK clients: the primary region's endpoint is the fault proxy in
 * front of moto, the replica regions talk to moto directly.
 */
import { GetSecretValueCommand, type SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { classifyFault, isFault } from '../../../src/errors/classify.js';
import { isSecretkitError } from '../../../src/errors/secretkit-error.js';
import { createRegionRouter } from '../../../src/failover/router.js';
import { motoEndpoint, useEmulator } from '../../support/aws.js';
import {
  type FaultMode,
  type FaultProxy,
  INTERNAL_ERROR,
  SERVICE_UNAVAILABLE,
  startFaultProxy,
} from '../../support/fault-proxy.js';
import {
  COOLDOWN_MS,
  createReplicatedSecret,
  type FailoverHarness,
  failoverHarness,
  PRIMARY,
  REGION_TIMEOUT_MS,
  REPLICAS,
  sdkClient,
} from './harness.js';

const FAULTS: ReadonlyArray<readonly [string, FaultMode, string]> = [
  ['connection refused', { kind: 'refuse' }, 'network'],
  // the SDK names a reset socket ("socket hang up", ECONNRESET) TimeoutError: classified as timeout
  ['connection reset', { kind: 'reset' }, 'timeout'],
  ['black hole', { kind: 'blackhole' }, 'timeout'],
  ['slow answers (beyond the deadline)', { kind: 'delay', ms: 5_000 }, 'timeout'],
  ['HTTP 500 InternalServiceError', INTERNAL_ERROR, 'server'],
  ['HTTP 503', SERVICE_UNAVAILABLE, 'server'],
  ['throttling', { kind: 'throttle' }, 'throttled'],
];

/** Generous real-time bound of a failed-over read on a shared 2-core machine. */
const BOUND_MS = REGION_TIMEOUT_MS + 2_000;

describe('failover across replicas when the primary region fails', () => {
  useEmulator();
  let proxy: FaultProxy;
  let h: FailoverHarness;
  let arn: string;

  beforeEach(async () => {
    proxy = await startFaultProxy(motoEndpoint());
    h = failoverHarness(proxy);
    arn = await createReplicatedSecret('outage/db', 'v1');
  });

  afterEach(async () => {
    h.close();
    await proxy.close();
  });

  it.each(FAULTS)(
    '%s: reads from the replica, skips the primary, returns after the cool-down',
    async (_, mode, kind) => {
      await expect(h.read(arn)).resolves.toMatchObject({ value: 'v1', region: PRIMARY, failedOver: false });
      expect(proxy.requests).toBe(1);

      await proxy.setMode(mode);
      const started = performance.now();
      await expect(h.read(arn)).resolves.toMatchObject({
        value: 'v1',
        region: REPLICAS[0],
        failedOver: true,
      });
      expect(performance.now() - started).toBeLessThan(BOUND_MS);
      expect(h.events.map((e) => e.type)).toEqual(['region-attempt-failed', 'circuit-open', 'failover']);
      const failed = h.events[0];
      expect(failed?.type === 'region-attempt-failed' && classifyFault(failed.error)).toBe(kind);

      // circuit open: later reads go straight to the replica; nothing reaches the primary
      const sends = h.primarySends();
      const requests = proxy.requests;
      for (let i = 0; i < 3; i += 1) {
        const t0 = performance.now();
        await expect(h.read(arn)).resolves.toMatchObject({ region: REPLICAS[0] });
        expect(performance.now() - t0).toBeLessThan(REGION_TIMEOUT_MS);
      }
      expect(h.primarySends()).toBe(sends);
      expect(proxy.requests).toBe(requests);

      // recovery: after the cool-down one probe goes to the primary and closes its circuit
      await proxy.setMode({ kind: 'pass' });
      h.advance(COOLDOWN_MS);
      await expect(h.read(arn)).resolves.toMatchObject({ value: 'v1', region: PRIMARY, failedOver: false });
      expect(h.events.at(-1)).toEqual({ type: 'circuit-closed', region: PRIMARY });
      expect(h.primarySends()).toBe(sends + 1);
    },
  );

  it('a failed probe keeps reads on the replica for another cool-down', async () => {
    await proxy.setMode({ kind: 'refuse' });
    await h.read(arn);
    h.advance(COOLDOWN_MS);
    await expect(h.read(arn)).resolves.toMatchObject({ region: REPLICAS[0] });
    const sends = h.primarySends();
    await expect(h.read(arn)).resolves.toMatchObject({ region: REPLICAS[0] });
    expect(h.primarySends()).toBe(sends);
  });

  it('names need no rewrite: a read by name fails over too', async () => {
    await proxy.setMode({ kind: 'throttle' });
    await expect(h.read('outage/db')).resolves.toMatchObject({
      value: 'v1',
      region: REPLICAS[0],
      failedOver: true,
    });
  });

  it('an answer (not found) from the primary is not an outage: no failover', async () => {
    await expect(h.read('outage/missing')).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
    expect(h.events).toEqual([]);
    expect(proxy.requests).toBe(1);
  });

  it('hedging: a slow primary is raced by the replica after hedgeAfterMs', async () => {
    h.close();
    h = failoverHarness(proxy, { hedgeAfterMs: 150, regionTimeoutMs: 3_000 });
    await proxy.setMode({ kind: 'delay', ms: 2_000 });
    const started = performance.now();
    await expect(h.read(arn)).resolves.toMatchObject({ region: REPLICAS[0], failedOver: true });
    expect(performance.now() - started).toBeLessThan(1_500);
    expect(h.events).toEqual([{ type: 'hedge', primary: PRIMARY, hedged: REPLICAS[0] }]);
    // the loser was aborted, not counted as a failure: the next read still asks the primary
    await proxy.setMode({ kind: 'pass' });
    await expect(h.read(arn)).resolves.toMatchObject({ region: PRIMARY });
  });
});

describe('when every region fails', () => {
  useEmulator();

  it('throws ALL_REGIONS_FAILED listing each region and its cause', async () => {
    const proxy = await startFaultProxy(motoEndpoint());
    const replicaProxy = await startFaultProxy(motoEndpoint());
    await proxy.setMode({ kind: 'refuse' });
    await replicaProxy.setMode({ kind: 'throttle' });
    const clients = new Map<string, SecretsManagerClient>();
    const router = createRegionRouter({
      primaryRegion: PRIMARY,
      replicaRegions: [REPLICAS[0]],
      clientFactory: (region) => {
        const c = sdkClient(region, region === PRIMARY ? proxy.endpoint : replicaProxy.endpoint);
        clients.set(region, c);
        return c;
      },
      destroyClient: (region) => clients.get(region)?.destroy(),
      regionTimeoutMs: REGION_TIMEOUT_MS,
      breakerFailureThreshold: 1,
      breakerCooldownMs: COOLDOWN_MS,
      isFault,
      clock: { now: () => Date.now() },
    });
    try {
      const error = await router
        .read((a) => a.client.send(new GetSecretValueCommand({ SecretId: 'x' }), { abortSignal: a.signal }), {
          secretId: 'x',
        })
        .catch((e: unknown) => e);
      expect(isSecretkitError(error, 'ALL_REGIONS_FAILED')).toBe(true);
      expect(isSecretkitError(error, 'ALL_REGIONS_FAILED') && error.details?.regionErrors).toMatchObject([
        { region: PRIMARY, code: 'ECONNREFUSED' },
        { region: REPLICAS[0], name: 'ThrottlingException', httpStatusCode: 400 },
      ]);
    } finally {
      router.close();
      await proxy.close();
      await replicaProxy.close();
    }
  });
});
