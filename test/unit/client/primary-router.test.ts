/**
 * The one-region router (src/client/primary-router.ts): a read's result, its deadline, close(),
 * a client factory that throws, and the attempt it gives the operation. Fake timers: the
 * deadline and the shared-signal windows run on them.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPrimaryRouter } from '../../../src/client/primary-router.js';
import { isSecretkitError } from '../../../src/errors/secretkit-error.js';
import type { AttemptSink, ReadJob, RegionAttempt, RegionRouter } from '../../../src/failover/types.js';
import type { SecretsManagerClientLike } from '../../../src/sdk/client-like.js';

const REGION = 'us-east-1';
const client = { send: () => Promise.resolve({}) } as unknown as SecretsManagerClientLike;

describe('createPrimaryRouter', () => {
  let events: { type: string; error?: unknown }[];
  let router: RegionRouter;
  let factory: (region: string) => SecretsManagerClientLike;

  beforeEach(() => {
    vi.useFakeTimers();
    events = [];
    factory = () => client;
    router = createPrimaryRouter({
      primaryRegion: REGION,
      clientFactory: (region) => factory(region),
      destroyClient: () => undefined,
      regionTimeoutMs: 1_000,
      isFault: (error) => !(error instanceof TypeError),
      clock: { now: () => Date.now() },
      onEvent: (event) => events.push(event as { type: string; error?: unknown }),
      knownArnOf: () => undefined,
      maxEntries: 16,
    });
  });

  afterEach(() => {
    router.close();
    vi.useRealTimers();
  });

  it('resolves with the value and the primary region, and gives the operation one attempt', async () => {
    let seen: RegionAttempt | undefined;
    const result = await router.read(async (attempt) => {
      seen = attempt;
      return 'v';
    });
    expect(result).toEqual({ value: 'v', region: REGION, failedOver: false, failures: [] });
    expect(seen?.client).toBe(client);
    expect(seen?.region).toBe(REGION);
    expect(seen?.signal.aborted).toBe(false);
    expect(seen?.idFor('prod/db')).toBe('prod/db');
    expect(vi.getTimerCount()).toBe(1); // the window's abort timer; the read's deadline is cleared
  });

  it('rejects TIMEOUT at the deadline when the operation never settles, and reports it', async () => {
    const read = router.read(() => new Promise<never>(() => undefined));
    const outcome = read.then(
      () => 'resolved',
      (error: unknown) => error,
    );
    await vi.advanceTimersByTimeAsync(999);
    expect(events).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    const error = await outcome;
    expect(isSecretkitError(error, 'TIMEOUT')).toBe(true);
    expect(events.map((e) => e.type)).toEqual(['region-attempt-failed']);
  });

  it('a late answer after the deadline changes nothing', async () => {
    let answer: (value: string) => void = () => undefined;
    const read = router.read(() => new Promise<string>((resolve) => (answer = resolve)));
    const outcome = read.catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(1_000);
    answer('late');
    expect(isSecretkitError(await outcome, 'TIMEOUT')).toBe(true);
  });

  it('close() settles every read in flight with CLIENT_CLOSED and aborts their signal', async () => {
    const signals: AbortSignal[] = [];
    const reads = [1, 2].map(() =>
      router
        .read((attempt) => {
          signals.push(attempt.signal);
          return new Promise<never>(() => undefined);
        })
        .catch((error: unknown) => error),
    );
    router.close();
    for (const error of await Promise.all(reads)) expect(isSecretkitError(error, 'CLIENT_CLOSED')).toBe(true);
    expect(signals.every((signal) => signal.aborted)).toBe(true);
    expect(vi.getTimerCount()).toBe(0);
    await expect(router.read(async () => 'v')).rejects.toMatchObject({ code: 'CLIENT_CLOSED' });
  });

  it('an operation that throws is a rejection, never a throw (an answer is not reported)', async () => {
    const thrown = router.read(() => {
      throw new TypeError('bad');
    });
    await expect(thrown).rejects.toThrow('bad');
    expect(events).toEqual([]);
  });

  it('a client factory that throws is a rejection, reported like a failed attempt', async () => {
    factory = () => {
      throw new Error('no client');
    };
    await expect(router.read(async () => 'v')).rejects.toThrow('no client');
    expect(events.map((e) => e.type)).toEqual(['region-attempt-failed']);
  });

  describe('start (the miss path: the read object is the attempt and its sink)', () => {
    /** A job whose attempt is `send`; records its one outcome. */
    function job(send: (attempt: RegionAttempt, sink: AttemptSink<string>) => void): ReadJob<string> & {
      outcomes: unknown[][];
    } {
      const outcomes: unknown[][] = [];
      return {
        outcomes,
        attempt: send,
        answered: (value, region, failedOver) => outcomes.push(['answered', value, region, failedOver]),
        failed: (error) => outcomes.push(['failed', error]),
      };
    }

    it('gives the job one attempt and its answer, once, with the region', async () => {
      let seen: RegionAttempt | undefined;
      const read = job((attempt, sink) => {
        seen = attempt;
        queueMicrotask(() => {
          sink.answered('v');
          sink.answered('again');
          sink.failed(new Error('late'));
        });
      });
      router.start(read, 'prod/db');
      await vi.advanceTimersByTimeAsync(0);
      expect(read.outcomes).toEqual([['answered', 'v', REGION, false]]);
      expect(seen?.client).toBe(client);
      expect(events).toEqual([]);
      expect(vi.getTimerCount()).toBe(1); // the window's abort timer; the read's deadline is cleared
    });

    it('fails the job with TIMEOUT at the deadline, reported; a late answer changes nothing', async () => {
      let late: AttemptSink<string> | undefined;
      const read = job((_attempt, sink) => {
        late = sink;
      });
      router.start(read, 'prod/db');
      await vi.advanceTimersByTimeAsync(1_000);
      late?.answered('late');
      expect(read.outcomes).toHaveLength(1);
      expect(isSecretkitError(read.outcomes[0]?.[1], 'TIMEOUT')).toBe(true);
      expect(events.map((e) => e.type)).toEqual(['region-attempt-failed']);
    });

    it('an attempt that throws fails the job (an answer is not reported), never a throw', () => {
      const read = job(() => {
        throw new TypeError('bad');
      });
      expect(() => router.start(read)).not.toThrow();
      expect(read.outcomes[0]?.[1]).toMatchObject({ message: 'bad' });
      expect(events).toEqual([]);
    });

    it('a fault is reported once and given to the job', async () => {
      const read = job((_attempt, sink) => {
        queueMicrotask(() => sink.failed(new Error('socket hang up')));
      });
      router.start(read, 'prod/db');
      await vi.advanceTimersByTimeAsync(0);
      expect(read.outcomes.map((o) => o[0])).toEqual(['failed']);
      expect(events.map((e) => e.type)).toEqual(['region-attempt-failed']);
    });

    it('close() fails the jobs in flight with CLIENT_CLOSED and aborts their signal; a later start fails at once', () => {
      const signals: AbortSignal[] = [];
      const read = job((attempt) => {
        signals.push(attempt.signal);
      });
      router.start(read, 'prod/db');
      router.close();
      expect(isSecretkitError(read.outcomes[0]?.[1], 'CLIENT_CLOSED')).toBe(true);
      expect(signals[0]?.aborted).toBe(true);
      expect(vi.getTimerCount()).toBe(0);
      const after = job(() => undefined);
      router.start(after, 'prod/db');
      expect(after.outcomes[0]?.[1]).toMatchObject({ code: 'CLIENT_CLOSED', secretId: 'prod/db' });
    });

    it('a client factory that throws fails the job, reported like a failed attempt', () => {
      factory = () => {
        throw new Error('no client');
      };
      const read = job(() => undefined);
      router.start(read, 'prod/db');
      expect(read.outcomes[0]?.[1]).toMatchObject({ message: 'no client' });
      expect(events.map((e) => e.type)).toEqual(['region-attempt-failed']);
    });
  });
});
