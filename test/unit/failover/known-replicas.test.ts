/**
 * The router and the replica sets AWS reported (failover/replica-sets.ts): a secret's replica
 * attempts go only to the client's replica regions that hold it; unknown secrets use the
 * client-wide list; partial ARNs are rewritten only where a read of them may go.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { isFault } from '../../../src/errors/classify.js';
import { isSecretkitError } from '../../../src/errors/secretkit-error.js';
import { KnownReplicaSets } from '../../../src/failover/replica-sets.js';
import { createRegionRouter } from '../../../src/failover/router.js';
import type { RegionAttempt, RegionRouter } from '../../../src/failover/types.js';
import type { SecretsManagerClientLike } from '../../../src/sdk/client-like.js';

const P = 'us-east-1';
const R1 = 'us-west-2';
const R2 = 'eu-west-1';
const ARN = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-AbCdEf';
const PARTIAL = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db';

function unavailable(): Error {
  return Object.assign(new Error('Service Unavailable'), {
    name: 'ServiceUnavailable',
    $fault: 'server',
    $metadata: { httpStatusCode: 503 },
  });
}

function notFound(): Error {
  return Object.assign(new Error("Secrets Manager can't find the specified secret."), {
    name: 'ResourceNotFoundException',
    $fault: 'client',
    $metadata: { httpStatusCode: 400 },
  });
}

describe('the router with known replica sets', () => {
  let known: KnownReplicaSets;
  let routers: RegionRouter[];
  let calls: Array<{ region: string; id: string }>;
  let behaviour: Record<string, () => Promise<string>>;

  const router = (options: { breakerCooldownMs?: number } = {}): RegionRouter => {
    const made = createRegionRouter({
      primaryRegion: P,
      replicaRegions: [R1, R2],
      clientFactory: () => ({ send: () => Promise.reject(new Error('unused')) }) as SecretsManagerClientLike,
      regionTimeoutMs: 1_000,
      breakerFailureThreshold: 1,
      breakerCooldownMs: options.breakerCooldownMs ?? 10_000,
      isFault,
      clock: { now: () => Date.now() },
      knownReplicas: known,
    });
    routers.push(made);
    return made;
  };

  const readOf = (r: RegionRouter, id: string) =>
    r.read(
      (a: RegionAttempt) => {
        calls.push({ region: a.region, id: a.idFor(id) });
        return behaviour[a.region]!();
      },
      { secretId: id },
    );

  const describeAs = (replicas: Array<{ region: string; status: string }>, name = 'prod/db') =>
    known.note({ name, arn: ARN, answeredIn: P, primaryRegion: P, replicas });

  beforeEach(() => {
    vi.useFakeTimers();
    known = new KnownReplicaSets(100);
    routers = [];
    calls = [];
    behaviour = {
      [P]: () => Promise.resolve('from-primary'),
      [R1]: () => Promise.resolve('from-r1'),
      [R2]: () => Promise.resolve('from-r2'),
    };
  });

  afterEach(() => {
    for (const r of routers) r.close();
    vi.useRealTimers();
  });

  it('fails over only to a replica region in the known set', async () => {
    describeAs([{ region: R2, status: 'InSync' }]);
    behaviour[P] = () => Promise.reject(unavailable());
    await expect(readOf(router(), 'prod/db')).resolves.toMatchObject({ value: 'from-r2', region: R2 });
    expect(calls.map((c) => c.region)).toEqual([P, R2]);
  });

  it('an unknown secret fails over along the client-wide list', async () => {
    describeAs([{ region: R2, status: 'InSync' }], 'prod/other');
    behaviour[P] = () => Promise.reject(unavailable());
    await expect(readOf(router(), 'prod/db')).resolves.toMatchObject({ region: R1 });
    expect(calls.map((c) => c.region)).toEqual([P, R1]);
  });

  it('a replica whose replication Failed is not attempted (it may hold another secret of that name)', async () => {
    describeAs([
      { region: R1, status: 'Failed' },
      { region: R2, status: 'InProgress' },
    ]);
    behaviour[P] = () => Promise.reject(unavailable());
    await expect(readOf(router(), 'prod/db')).resolves.toMatchObject({ region: R2 });
    expect(calls.map((c) => c.region)).toEqual([P, R2]);
  });

  it("a known set without the client's replicas: the primary's fault as is, never ALL_REGIONS_FAILED", async () => {
    describeAs([]);
    behaviour[P] = () => Promise.reject(unavailable());
    const r = router();
    const first = await readOf(r, 'prod/db').catch((e: unknown) => e);
    expect((first as Error).name).toBe('ServiceUnavailable');
    expect(isSecretkitError(first, 'ALL_REGIONS_FAILED')).toBe(false);
    // The primary's circuit is open now: the read still tries it (never fails without trying).
    const second = await readOf(r, 'prod/db').catch((e: unknown) => e);
    expect((second as Error).name).toBe('ServiceUnavailable');
    expect(calls.map((c) => c.region)).toEqual([P, P]);
    // Another (unknown) secret fails over to the healthy replica meanwhile.
    await expect(readOf(r, 'prod/other')).resolves.toMatchObject({ region: R1 });
  });

  it("a listed replica's not-found during a primary fault is still a fault", async () => {
    describeAs([{ region: R1, status: 'InSync' }]);
    behaviour[P] = () => Promise.reject(unavailable());
    behaviour[R1] = () => Promise.reject(notFound());
    const error = await readOf(router(), 'prod/db').catch((e: unknown) => e);
    expect(isSecretkitError(error, 'ALL_REGIONS_FAILED')).toBe(true);
    expect(calls.map((c) => c.region)).toEqual([P, R1]);
  });

  it('a forgotten set means the client-wide list again', async () => {
    describeAs([]);
    known.forget(ARN);
    behaviour[P] = () => Promise.reject(unavailable());
    await expect(readOf(router(), 'prod/db')).resolves.toMatchObject({ region: R1 });
  });

  describe('ARNs', () => {
    it('the primary attempt sends its own ARN as given; a replica in the set gets it rewritten', async () => {
      describeAs([{ region: R2, status: 'InSync' }]);
      behaviour[P] = () => Promise.reject(unavailable());
      await readOf(router(), PARTIAL);
      expect(calls).toEqual([
        { region: P, id: PARTIAL },
        { region: R2, id: PARTIAL.replace(P, R2) },
      ]);
    });

    it('a partial ARN of a replica region is read there as given and never rewritten to the primary', async () => {
      const ofR1 = PARTIAL.replace(P, R1);
      await expect(readOf(router(), ofR1)).resolves.toMatchObject({ value: 'from-r1', region: R1 });
      expect(calls).toEqual([{ region: R1, id: ofR1 }]);
      calls = [];
      // On a fault there, to the other replica regions only (unknown set: the client-wide list).
      behaviour[R1] = () => Promise.reject(unavailable());
      await expect(readOf(router(), ofR1)).resolves.toMatchObject({ region: R2 });
      expect(calls).toEqual([
        { region: R1, id: ofR1 },
        { region: R2, id: ofR1.replace(R1, R2) },
      ]);
    });

    it('a partial ARN of a replica region is rewritten only to regions known to hold the secret', async () => {
      describeAs([{ region: R1, status: 'InSync' }]);
      behaviour[R1] = () => Promise.reject(unavailable());
      const ofR1 = PARTIAL.replace(P, R1);
      const error = await readOf(router(), ofR1).catch((e: unknown) => e);
      expect((error as Error).name).toBe('ServiceUnavailable');
      expect(calls).toEqual([{ region: R1, id: ofR1 }]);
    });

    it('without the secret named, a partial ARN of a replica region is sent as given, never rewritten to the primary', async () => {
      const ofR1 = PARTIAL.replace(P, R1);
      const ids: string[] = [];
      await router().read(async (a) => {
        ids.push(a.idFor(ofR1));
        return 'x';
      });
      expect(ids).toEqual([ofR1]);
    });
  });

  it('a batch tries only the regions that every one of its secrets may be read in', async () => {
    describeAs([{ region: R2, status: 'InSync' }]);
    known.note({ name: 'prod/solo', arn: undefined, answeredIn: P, primaryRegion: undefined, replicas: [] });
    behaviour[P] = () => Promise.reject(unavailable());
    const r = router();
    expect(r.regionsFor('prod/db')).toEqual([P, R2]);
    expect(r.regionsFor('prod/solo')).toEqual([P]);
    expect(r.regionsFor('prod/unknown')).toEqual([P, R1, R2]);
    const regions: string[] = [];
    const op = (a: RegionAttempt) => {
      regions.push(a.region);
      return behaviour[a.region]!();
    };
    await expect(r.read(op, { secretIds: ['prod/db', 'prod/unknown'] })).resolves.toMatchObject({
      region: R2,
    });
    expect(regions).toEqual([P, R2]);
  });
});
