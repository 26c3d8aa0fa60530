import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { isFault } from '../../../src/errors/classify.js';
import { isSecretkitError, SecretkitError } from '../../../src/errors/secretkit-error.js';
import { resolveRouterOptions } from '../../../src/failover/defaults.js';
import { createRegionRouter } from '../../../src/failover/router.js';
import { windowMs } from '../../../src/failover/shared-signal.js';
import type {
  RegionAttempt,
  RegionRouter,
  RegionRouterOptions,
  RouterEvent,
} from '../../../src/failover/types.js';
import type { SecretsManagerClientLike } from '../../../src/sdk/client-like.js';

const PRIMARY = 'us-east-1';
const R1 = 'us-west-2';
const R2 = 'eu-west-1';
const ARN = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-AbCdEf';

/** A fake client per region: identity only, the test's op decides what happens. */
function fakeClient(region: string): SecretsManagerClientLike & { readonly region: string } {
  return {
    region,
    send: () => Promise.reject(new Error('not used')),
  } as unknown as SecretsManagerClientLike & { readonly region: string };
}

function networkError(code = 'ECONNREFUSED'): Error {
  return Object.assign(new Error(`connect ${code}`), { code });
}

function notFound(): Error {
  return Object.assign(new Error("Secrets Manager can't find the specified secret."), {
    name: 'ResourceNotFoundException',
    $fault: 'client',
    $metadata: { httpStatusCode: 400 },
  });
}

function throttled(): Error {
  return Object.assign(new Error('Rate exceeded'), {
    name: 'ThrottlingException',
    $metadata: { httpStatusCode: 400 },
  });
}

/** A promise that never settles unless the attempt's signal aborts. */
function hang(attempt: RegionAttempt): Promise<never> {
  return new Promise((_, reject) => {
    attempt.signal.addEventListener('abort', () => reject(attempt.signal.reason));
  });
}

type Behaviour = (attempt: RegionAttempt) => Promise<string>;

describe('createRegionRouter', () => {
  let events: RouterEvent[];
  let created: string[];
  let destroyed: string[];
  let behaviour: Record<string, Behaviour>;
  let calls: string[];

  const ok =
    (value: string): Behaviour =>
    () =>
      Promise.resolve(value);
  const fail =
    (error: () => unknown): Behaviour =>
    () =>
      Promise.reject(error());

  // Closed after each test: idle shared signals (shared-signal.ts) keep a timer until close.
  let routers: RegionRouter[] = [];
  function router(overrides: Partial<RegionRouterOptions> = {}) {
    const made = createRegionRouter({
      primaryRegion: PRIMARY,
      replicaRegions: [R1, R2],
      clientFactory: (region) => {
        created.push(region);
        return fakeClient(region);
      },
      destroyClient: (region) => destroyed.push(region),
      regionTimeoutMs: 1_000,
      breakerFailureThreshold: 1,
      breakerCooldownMs: 10_000,
      isFault,
      clock: { now: () => Date.now() },
      onEvent: (event) => events.push(event),
      ...overrides,
    });
    routers.push(made);
    return made;
  }

  const op = (attempt: RegionAttempt): Promise<string> => {
    calls.push(attempt.region);
    const run = behaviour[attempt.region];
    if (!run) throw new Error(`no behaviour for ${attempt.region}`);
    return run(attempt);
  };

  beforeEach(() => {
    vi.useFakeTimers();
    events = [];
    created = [];
    destroyed = [];
    calls = [];
    behaviour = { [PRIMARY]: ok('from-primary'), [R1]: ok('from-r1'), [R2]: ok('from-r2') };
  });

  afterEach(() => {
    for (const r of routers) r.close();
    routers = [];
    expect(vi.getTimerCount()).toBe(0);
    vi.useRealTimers();
  });

  it('reads from the primary and creates only the primary client', async () => {
    const r = router();
    await expect(r.read(op)).resolves.toMatchObject({
      value: 'from-primary',
      region: PRIMARY,
      failedOver: false,
    });
    expect(created).toEqual([PRIMARY]);
    expect(events).toEqual([]);
  });

  it('hands each attempt its own region client, created once', async () => {
    const r = router();
    const seen: unknown[] = [];
    await r.read(async (a) => {
      seen.push(a.client);
      return 'x';
    });
    await r.read(async (a) => {
      seen.push(a.client);
      return 'x';
    });
    expect(seen[0]).toBe(seen[1]);
    expect(r.clientFor(PRIMARY)).toBe(seen[0]);
    expect(created).toEqual([PRIMARY]);
  });

  it('fails over to the next replica on a fault, with events', async () => {
    behaviour[PRIMARY] = fail(() => networkError());
    const r = router();
    await expect(r.read(op)).resolves.toMatchObject({ value: 'from-r1', region: R1, failedOver: true });
    expect(calls).toEqual([PRIMARY, R1]);
    expect(events.map((e) => e.type)).toEqual(['region-attempt-failed', 'circuit-open', 'failover']);
    expect(events[2]).toEqual({ type: 'failover', from: PRIMARY, to: R1 });
    expect(events[1]).toEqual({ type: 'circuit-open', region: PRIMARY, untilMs: Date.now() + 10_000 });
  });

  it('treats throttling and 5xx as faults', async () => {
    behaviour[PRIMARY] = fail(throttled);
    behaviour[R1] = fail(() =>
      Object.assign(new Error('boom'), { name: 'InternalServiceError', $metadata: { httpStatusCode: 500 } }),
    );
    const r = router();
    await expect(r.read(op)).resolves.toMatchObject({ region: R2 });
    expect(calls).toEqual([PRIMARY, R1, R2]);
  });

  it('surfaces an answer at once, without failover or opening the circuit', async () => {
    const answer = notFound();
    behaviour[PRIMARY] = () => Promise.reject(answer);
    const r = router();
    await expect(r.read(op)).rejects.toBe(answer);
    expect(calls).toEqual([PRIMARY]);
    expect(events).toEqual([]);
    behaviour[PRIMARY] = ok('later');
    await expect(r.read(op)).resolves.toMatchObject({ region: PRIMARY });
  });

  it('rewrites a full ARN to the attempt region and passes names through', async () => {
    behaviour[PRIMARY] = fail(() => networkError());
    const r = router();
    const ids: string[] = [];
    await r.read(async (a) => {
      ids.push(a.idFor(ARN), a.idFor('prod/db'));
      return op(a);
    });
    expect(ids).toEqual([ARN, 'prod/db', ARN.replace('us-east-1', R1), 'prod/db']);
  });

  it('bounds an attempt by its deadline (TIMEOUT fault), aborts its signal, then fails over', async () => {
    let primarySignal: AbortSignal | undefined;
    behaviour[PRIMARY] = (a) => {
      primarySignal = a.signal;
      return hang(a);
    };
    const r = router();
    const started = Date.now();
    const read = r.read(op);
    await vi.advanceTimersByTimeAsync(999);
    expect(calls).toEqual([PRIMARY]);
    await vi.advanceTimersByTimeAsync(1);
    await expect(read).resolves.toMatchObject({ region: R1, failedOver: true });
    expect(Date.now() - started).toBe(1_000);
    // The read settled at its deadline; the SDK call's (shared) signal aborts within its window.
    await vi.advanceTimersByTimeAsync(windowMs(1_000));
    expect(primarySignal?.aborted).toBe(true);
    expect(primarySignal?.reason).toMatchObject({ code: 'TIMEOUT', region: PRIMARY });
    const failed = events.find((e) => e.type === 'region-attempt-failed');
    expect(failed).toMatchObject({ region: PRIMARY });
    expect(isSecretkitError(failed && 'error' in failed ? failed.error : undefined, 'TIMEOUT')).toBe(true);
  });

  it('lets attempts that start together share one signal, aborted on close; with hedging each has its own', async () => {
    const signals: AbortSignal[] = [];
    behaviour[PRIMARY] = (a) => {
      signals.push(a.signal);
      return hang(a);
    };
    const r = router();
    const reads = [r.read(op), r.read(op)].map((p) => p.catch((e: unknown) => e));
    await vi.advanceTimersByTimeAsync(0);
    expect(signals).toHaveLength(2);
    expect(signals[0]).toBe(signals[1]);
    r.close();
    expect(signals[0]?.aborted).toBe(true);
    for (const outcome of await Promise.all(reads)) expect(outcome).toMatchObject({ code: 'CLIENT_CLOSED' });

    signals.length = 0;
    const hedged = router({ hedgeAfterMs: 500 });
    const a = hedged.read(op).catch((e: unknown) => e);
    const b = hedged.read(op).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(0);
    expect(signals).toHaveLength(2);
    expect(signals[0]).not.toBe(signals[1]);
    hedged.close();
    await Promise.all([a, b]);
  });

  it('does not wait for an operation that ignores its signal', async () => {
    behaviour[PRIMARY] = () => new Promise<string>(() => undefined);
    const r = router();
    const read = r.read(op);
    await vi.advanceTimersByTimeAsync(1_000);
    await expect(read).resolves.toMatchObject({ region: R1 });
  });

  it('skips a region with an open circuit, then probes it once after the cool-down', async () => {
    behaviour[PRIMARY] = fail(() => networkError());
    const r = router();
    await r.read(op);
    calls = [];
    behaviour[PRIMARY] = ok('from-primary');
    await expect(r.read(op)).resolves.toMatchObject({ region: R1, failedOver: true });
    expect(calls).toEqual([R1]);
    await vi.advanceTimersByTimeAsync(10_000);
    calls = [];
    events = [];
    await expect(r.read(op)).resolves.toMatchObject({ region: PRIMARY, failedOver: false });
    expect(calls).toEqual([PRIMARY]);
    expect(events).toEqual([{ type: 'circuit-closed', region: PRIMARY }]);
  });

  it('lets exactly one half-open probe through; other reads go to a healthy region meanwhile', async () => {
    behaviour[PRIMARY] = fail(() => networkError());
    const r = router();
    await r.read(op);
    await vi.advanceTimersByTimeAsync(10_000);
    let release: (v: string) => void = () => undefined;
    behaviour[PRIMARY] = () =>
      new Promise<string>((resolve) => {
        release = resolve;
      });
    calls = [];
    const probe = r.read(op);
    await vi.advanceTimersByTimeAsync(0);
    await expect(r.read(op)).resolves.toMatchObject({ region: R1 });
    expect(calls).toEqual([PRIMARY, R1]);
    release('recovered');
    await expect(probe).resolves.toMatchObject({ region: PRIMARY, value: 'recovered' });
  });

  it('re-opens the circuit when the probe faults', async () => {
    behaviour[PRIMARY] = fail(() => networkError());
    const r = router();
    await r.read(op);
    await vi.advanceTimersByTimeAsync(10_000);
    events = [];
    await expect(r.read(op)).resolves.toMatchObject({ region: R1 });
    expect(events).toContainEqual({ type: 'circuit-open', region: PRIMARY, untilMs: Date.now() + 10_000 });
    calls = [];
    await r.read(op);
    expect(calls).toEqual([R1]);
  });

  it('opens only after breakerFailureThreshold faults in a row', async () => {
    behaviour[PRIMARY] = fail(() => networkError());
    const r = router({ breakerFailureThreshold: 2 });
    await r.read(op);
    expect(events.some((e) => e.type === 'circuit-open')).toBe(false);
    calls = [];
    await r.read(op);
    expect(calls).toEqual([PRIMARY, R1]);
    expect(events.filter((e) => e.type === 'circuit-open')).toHaveLength(1);
    calls = [];
    await r.read(op);
    expect(calls).toEqual([R1]);
  });

  it('throws ALL_REGIONS_FAILED listing each region cause, without messages', async () => {
    behaviour[PRIMARY] = fail(() => networkError('ECONNREFUSED'));
    behaviour[R1] = fail(throttled);
    behaviour[R2] = hang;
    const r = router();
    const read = r.read(op, { secretId: 'prod/db' });
    const caught = read.catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(1_000);
    const error = await caught;
    expect(isSecretkitError(error, 'ALL_REGIONS_FAILED')).toBe(true);
    const e = error as SecretkitError<'ALL_REGIONS_FAILED'>;
    expect(e.secretId).toBe('prod/db');
    expect(e.details?.regionErrors).toEqual([
      { region: PRIMARY, name: 'Error', code: 'ECONNREFUSED', httpStatusCode: undefined },
      { region: R1, name: 'ThrottlingException', code: undefined, httpStatusCode: 400 },
      { region: R2, name: 'SecretkitError', code: 'TIMEOUT', httpStatusCode: undefined },
    ]);
    expect(e.message).toContain('us-east-1: ECONNREFUSED');
    expect(isFault(e)).toBe(true);
  });

  it('lists regions skipped by an open circuit in ALL_REGIONS_FAILED', async () => {
    behaviour[PRIMARY] = fail(() => networkError());
    const r = router();
    await r.read(op);
    behaviour[R1] = fail(() => networkError());
    behaviour[R2] = fail(() => networkError());
    const error = await r.read(op).catch((e: unknown) => e);
    expect((error as SecretkitError<'ALL_REGIONS_FAILED'>).details?.regionErrors).toMatchObject([
      { region: PRIMARY, skipped: 'circuit-open' },
      { region: R1, code: 'ECONNREFUSED' },
      { region: R2, code: 'ECONNREFUSED' },
    ]);
  });

  it('when every circuit is open, still tries the region whose cool-down ends first', async () => {
    behaviour = { [PRIMARY]: fail(() => networkError()), [R1]: fail(() => networkError()) };
    const r = router({ replicaRegions: [R1] });
    await expect(r.read(op)).rejects.toMatchObject({ code: 'ALL_REGIONS_FAILED' });
    calls = [];
    await vi.advanceTimersByTimeAsync(5_000);
    // both open; primary reopens first (it opened first... at the same fake instant: tie → primary)
    await expect(r.read(op)).rejects.toMatchObject({ code: 'ALL_REGIONS_FAILED' });
    expect(calls).toEqual([PRIMARY]);
    // primary's circuit re-opened later than R1's, so R1 is tried next, and its success closes it
    calls = [];
    behaviour[R1] = ok('from-r1');
    events = [];
    await expect(r.read(op)).resolves.toMatchObject({ region: R1 });
    expect(calls).toEqual([R1]);
    expect(events).toContainEqual({ type: 'circuit-closed', region: R1 });
  });

  describe('with one region (no replicas)', () => {
    it('rethrows a fault as is', async () => {
      const error = networkError();
      behaviour[PRIMARY] = () => Promise.reject(error);
      const r = router({ replicaRegions: [] });
      await expect(r.read(op)).rejects.toBe(error);
    });

    it('throws TIMEOUT with the region at the deadline', async () => {
      behaviour[PRIMARY] = hang;
      const r = router({ replicaRegions: [] });
      const caught = r.read(op).catch((e: unknown) => e);
      await vi.advanceTimersByTimeAsync(1_000);
      expect(await caught).toMatchObject({ code: 'TIMEOUT', region: PRIMARY });
    });

    it('still tries the primary while its circuit is open', async () => {
      behaviour[PRIMARY] = fail(() => networkError());
      const r = router({ replicaRegions: [] });
      await expect(r.read(op)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
      behaviour[PRIMARY] = ok('back');
      await expect(r.read(op)).resolves.toMatchObject({ value: 'back' });
    });
  });

  describe('hedging', () => {
    it('starts the next region after hedgeAfterMs; the first good answer wins, the loser is aborted', async () => {
      let primarySignal: AbortSignal | undefined;
      behaviour[PRIMARY] = (a) => {
        primarySignal = a.signal;
        return hang(a);
      };
      behaviour[R1] = async () => {
        await new Promise((r) => setTimeout(r, 50));
        return 'from-r1';
      };
      const r = router({ hedgeAfterMs: 200 });
      const read = r.read(op);
      await vi.advanceTimersByTimeAsync(199);
      expect(calls).toEqual([PRIMARY]);
      await vi.advanceTimersByTimeAsync(1);
      expect(events).toEqual([{ type: 'hedge', primary: PRIMARY, hedged: R1 }]);
      await vi.advanceTimersByTimeAsync(50);
      await expect(read).resolves.toMatchObject({ value: 'from-r1', region: R1, failedOver: true });
      expect(primarySignal?.aborted).toBe(true);
      expect(primarySignal?.reason).toMatchObject({ name: 'AbortError' });
      // the loser is neither a failure nor a success: the primary's circuit stays closed
      calls = [];
      behaviour[PRIMARY] = ok('from-primary');
      await expect(r.read(op)).resolves.toMatchObject({ region: PRIMARY });
      expect(events.some((e) => e.type === 'circuit-open')).toBe(false);
    });

    it('does not hedge when the primary answers in time', async () => {
      behaviour[PRIMARY] = async () => {
        await new Promise((r) => setTimeout(r, 100));
        return 'quick';
      };
      const r = router({ hedgeAfterMs: 200 });
      const read = r.read(op);
      await vi.advanceTimersByTimeAsync(100);
      await expect(read).resolves.toMatchObject({ value: 'quick', region: PRIMARY });
      expect(calls).toEqual([PRIMARY]);
    });

    it('keeps the primary when it answers first after the hedge started', async () => {
      behaviour[PRIMARY] = async () => {
        await new Promise((r) => setTimeout(r, 300));
        return 'slow-primary';
      };
      behaviour[R1] = hang;
      const r = router({ hedgeAfterMs: 200 });
      const read = r.read(op);
      await vi.advanceTimersByTimeAsync(300);
      await expect(read).resolves.toMatchObject({
        value: 'slow-primary',
        region: PRIMARY,
        failedOver: false,
      });
    });

    it('waits for the primary when a hedged replica answers not-found (replication lag)', async () => {
      behaviour[PRIMARY] = async () => {
        await new Promise((r) => setTimeout(r, 300));
        return 'from-primary';
      };
      behaviour[R1] = fail(notFound);
      const r = router({ hedgeAfterMs: 100 });
      const read = r.read(op);
      await vi.advanceTimersByTimeAsync(300);
      await expect(read).resolves.toMatchObject({ value: 'from-primary' });
    });

    it('surfaces a held replica answer (access denied) when the primary then faults', async () => {
      behaviour[PRIMARY] = async () => {
        await new Promise((r) => setTimeout(r, 300));
        throw networkError();
      };
      const answer = Object.assign(new Error('denied'), {
        name: 'AccessDeniedException',
        $metadata: { httpStatusCode: 400 },
      });
      behaviour[R1] = () => Promise.reject(answer);
      const r = router({ hedgeAfterMs: 100 });
      const caught = r.read(op).catch((e: unknown) => e);
      await vi.advanceTimersByTimeAsync(300);
      expect(await caught).toBe(answer);
      expect(calls).toEqual([PRIMARY, R1]);
    });
  });

  describe("a replica's not-found while the primary faults", () => {
    it('is a fault: ALL_REGIONS_FAILED after every region, not NOT_FOUND', async () => {
      behaviour[PRIMARY] = fail(() => networkError());
      behaviour[R1] = fail(notFound);
      behaviour[R2] = fail(notFound);
      const error = await router()
        .read(op)
        .catch((e: unknown) => e);
      expect(isSecretkitError(error, 'ALL_REGIONS_FAILED')).toBe(true);
      expect(isFault(error)).toBe(true);
      expect(calls).toEqual([PRIMARY, R1, R2]);
    });

    it('moves on to a replica that holds the secret', async () => {
      behaviour[PRIMARY] = fail(() => networkError());
      behaviour[R1] = fail(notFound);
      await expect(router().read(op)).resolves.toMatchObject({ value: 'from-r2', region: R2 });
    });

    it('is a fault when the primary is skipped by its open circuit too', async () => {
      const r = router();
      behaviour[PRIMARY] = fail(() => networkError());
      behaviour[R1] = ok('from-r1');
      await r.read(op); // opens the primary's circuit (threshold 1)
      behaviour[R1] = fail(notFound);
      behaviour[R2] = fail(notFound);
      const error = await r.read(op).catch((e: unknown) => e);
      expect(isSecretkitError(error, 'ALL_REGIONS_FAILED')).toBe(true);
      // The replicas lacked it, so the skipped primary was probed last; errors in region order.
      expect(calls).toEqual([PRIMARY, R1, R1, R2, PRIMARY]);
      const regions = isSecretkitError(error, 'ALL_REGIONS_FAILED')
        ? error.details?.regionErrors.map((e) => e.region)
        : [];
      expect(regions).toEqual([PRIMARY, R1, R2]);
    });

    it('probes a primary its open circuit skipped when the replicas lack the secret: healthy again, it serves the read', async () => {
      const r = router();
      behaviour[PRIMARY] = fail(() => networkError());
      behaviour[R1] = ok('from-r1');
      await r.read(op); // the outage opens the primary's circuit (threshold 1)
      behaviour[PRIMARY] = ok('from-primary'); // the primary is back, its circuit still open
      behaviour[R1] = fail(notFound);
      behaviour[R2] = fail(notFound);
      await expect(r.read(op)).resolves.toMatchObject({ value: 'from-primary', region: PRIMARY });
      expect(calls).toEqual([PRIMARY, R1, R1, R2, PRIMARY]);
      calls.length = 0;
      // The probe closed the circuit: the next read goes to the primary first.
      await expect(r.read(op)).resolves.toMatchObject({ value: 'from-primary', failedOver: false });
      expect(calls).toEqual([PRIMARY]);
    });

    it("a held hedged replica's not-found becomes a fault when the primary then faults", async () => {
      behaviour[PRIMARY] = async () => {
        await new Promise((r) => setTimeout(r, 300));
        throw networkError();
      };
      behaviour[R1] = fail(notFound);
      behaviour[R2] = ok('from-r2');
      const read = router({ hedgeAfterMs: 100 }).read(op);
      await vi.advanceTimersByTimeAsync(300);
      await expect(read).resolves.toMatchObject({ value: 'from-r2' });
    });

    it('is still an answer when the primary itself says not found', async () => {
      behaviour[PRIMARY] = fail(notFound);
      const error = await router()
        .read(op)
        .catch((e: unknown) => e);
      expect((error as Error).name).toBe('ResourceNotFoundException');
      expect(calls).toEqual([PRIMARY]);
    });
  });

  describe('ARNs and regions', () => {
    it('rejects a partial ARN of a region outside the client, before any call, with INVALID_ARGUMENT', async () => {
      const foreign = 'arn:aws:secretsmanager:ap-south-1:123456789012:secret:prod/db';
      let sent = 0;
      const error = await router()
        .read(async (a) => {
          a.idFor(foreign);
          sent += 1;
          return 'x';
        })
        .catch((e: unknown) => e);
      expect(isSecretkitError(error, 'INVALID_ARGUMENT')).toBe(true);
      expect(sent).toBe(0);
    });

    it('rewrites a full ARN of another region (its suffix pins the secret: a replica or nothing)', async () => {
      const ids: string[] = [];
      await router().read(async (a) => {
        ids.push(a.idFor(ARN.replace(PRIMARY, 'ap-south-1')));
        return op(a);
      });
      expect(ids).toEqual([ARN]);
    });

    it('sends an ARN of the primary unchanged on the primary, rewritten only on a replica attempt', async () => {
      const ids: string[] = [];
      behaviour[PRIMARY] = fail(() => networkError());
      await router().read(async (a) => {
        ids.push(a.idFor(ARN));
        return op(a);
      });
      expect(ids).toEqual([ARN, ARN.replace(PRIMARY, R1)]);
    });
  });

  it('close() destroys created clients, cancels reads in flight and refuses new reads', async () => {
    behaviour[PRIMARY] = hang;
    const r = router();
    const caught = r.read(op).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(0);
    r.close();
    expect(await caught).toMatchObject({ code: 'CLIENT_CLOSED' });
    expect(destroyed).toEqual([PRIMARY]);
    await expect(r.read(op)).rejects.toMatchObject({ code: 'CLIENT_CLOSED' });
    r.close();
    expect(destroyed).toEqual([PRIMARY]);
  });

  it('a throwing event listener does not change routing', async () => {
    behaviour[PRIMARY] = fail(() => networkError());
    const r = router({
      onEvent: () => {
        throw new Error('listener bug');
      },
    });
    await expect(r.read(op)).resolves.toMatchObject({ region: R1 });
  });

  it('rejects invalid options', () => {
    const resolve = (overrides: Partial<RegionRouterOptions>) => () =>
      resolveRouterOptions({
        primaryRegion: PRIMARY,
        clientFactory: fakeClient,
        isFault,
        clock: Date,
        ...overrides,
      });
    expect(resolve({ regionTimeoutMs: 0 })).toThrow(SecretkitError);
    expect(resolve({ regionTimeoutMs: 0 })).toThrow(/regionTimeoutMs/);
    expect(resolve({ regionTimeoutMs: 2 ** 31 })).toThrow(/regionTimeoutMs/);
    expect(resolve({ breakerFailureThreshold: 0 })).toThrow(/breakerFailureThreshold/);
    expect(resolve({ hedgeAfterMs: -1 })).toThrow(/hedgeAfterMs/);
    expect(resolve({ hedgeAfterMs: 2 ** 31 })).toThrow(/hedgeAfterMs/);
  });
});
