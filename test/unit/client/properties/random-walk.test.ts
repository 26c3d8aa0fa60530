/**
 * Randomized, seeded walks through SecretsClient: reads of every kind and selector, concurrent
 * batches, preload, writes through the client, rotations behind its back, invalidation,
 * forceRefresh, time, injected faults and access denials, outages of the primary region,
 * and close() at a random point. After every step the outcome is checked against a model of
 * what AWS held (see support.ts):
 *
 * - a stage read returns a version that held that stage at some time within
 *   ttl + max(staleWhileRevalidate, maxStale) of now, and after the last write/invalidate of
 *   the secret through the client (read-your-writes); a versionId read returns that version;
 * - NOT_FOUND only when the stage/version was absent within notFoundTtl (and after the floor);
 * - ACCESS_DENIED only from a denial consumed in this step, and never masked by a cached value
 *   when the caller waited for the load; a fault only within backoffMax of an injected fault
 *   (single region: or of an outage); a value known fresh is served whatever AWS does, and
 *   within maxStale of its expiry a fault is never thrown;
 * - every error is a SecretkitError with a documented code and shows no value; events neither;
 * - each read reports hit/miss/stale for its own key only;
 * - apiCalls.byOperation equals the fake's call counts;
 * - after close(), every call rejects with CLIENT_CLOSED and no timer is left;
 * - no unhandled rejection in the whole run.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SecretsAdmin } from '../../../../src/admin/index.js';
import { selectorKey, selectorOf } from '../../../../src/client/cache-key.js';
import { failover } from '../../../../src/failover/index.js';
import { isSecretkitError, type SecretkitEvent, SecretsClient } from '../../../../src/index.js';
import type { StandardSchemaV1 } from '../../../../src/schema/standard-schema.js';
import { InMemorySecretsManager } from '../../../../src/testing/index.js';
import {
  AwsModel,
  checkError,
  checkNoValue,
  FAULT_CODES,
  type FaultKind,
  FaultLog,
  flush,
  MARK,
  Rng,
} from './support.js';

const OPTIONS = {
  ttlMs: 60_000,
  jitterRatio: 0.1,
  refreshAheadRatio: 0.2,
  staleWhileRevalidateMs: 10_000,
  maxStaleMs: 120_000,
  notFoundTtlMs: 5_000,
  backoffBaseMs: 1_000,
  backoffMaxMs: 16_000,
} as const;
const STALE_BOUND = OPTIONS.ttlMs + Math.max(OPTIONS.staleWhileRevalidateMs, OPTIONS.maxStaleMs);
const SURELY_FRESH = OPTIONS.ttlMs * (1 - OPTIONS.jitterRatio);
const STAGES = ['AWSCURRENT', 'AWSPENDING', 'AWSPREVIOUS'] as const;
const NAMES = ['app/alpha', 'app/beta', 'app/bin'] as const;
const PRIMARY = 'us-east-1';
const REPLICA = 'us-west-2';
/** A replica region of the client that holds none of the secrets (the `described` walks). */
const UNUSED_REPLICA = 'eu-west-1';
const STEPS = 400;
// Seeds 118, 164 and 193 once found reads that failed while a replica's circuit had just closed
// (routed-read.ts joinHalfOpen). A deeper run: SECRETKIT_PROPERTY_SEEDS=400 npx vitest run ...
// In CI (the CI variable set, as every CI service does) 60 more seeds run, beside the regressions.
const REGRESSIONS = [1, 2, 3, 4, 5, 6, 7, 8, 118, 164, 193];
const CI_SEEDS = 60;
const DEEP = Number(process.env['SECRETKIT_PROPERTY_SEEDS'] ?? (process.env['CI'] ? CI_SEEDS : 0));
const SEEDS = DEEP > 0 ? [...REGRESSIONS, ...Array.from({ length: DEEP }, (_, i) => i + 1000)] : REGRESSIONS;

const schema: StandardSchemaV1<unknown, { v: string }> = {
  '~standard': {
    version: 1,
    vendor: 'property-test',
    validate: (value) =>
      typeof value === 'object' && value !== null && typeof (value as { v?: unknown }).v === 'string'
        ? { value: value as { v: string } }
        : { issues: [{ message: 'expected { v: string }' }] },
  },
};

type Kind = 'string' | 'json' | 'schema' | 'binary';
type Sel = { versionStage: string } | { versionId: string } | undefined;
interface ReadSpec {
  readonly name: string;
  readonly id: string;
  readonly sel: Sel;
  readonly kind: Kind;
  readonly force: boolean;
}

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
beforeAll(() => {
  process.on('unhandledRejection', onUnhandled);
});
afterAll(() => {
  process.off('unhandledRejection', onUnhandled);
  expect(unhandled).toEqual([]);
});

const timers = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;

/**
 * @param described - with a second replica region that holds none of the secrets, and every
 *   secret described through the admin client first: that region must never be called.
 */
async function walk(
  seed: number,
  multiRegion: boolean,
  described = false,
): Promise<{ steps: number; reads: number }> {
  const rng = new Rng(seed);
  let now = 1_700_000_000_000;
  const clock = { now: () => now };
  const fake = new InMemorySecretsManager({ clock, seed });
  const model = new AwsModel(clock.now);
  const faults = new FaultLog(fake, clock.now);
  const baselineTimers = timers();
  let counter = 0;
  const newValue = (name: string) => `${MARK}:${name}:${counter++}`;
  const encode = (name: string, text: string) =>
    name === 'app/bin' ? { binary: new TextEncoder().encode(text) } : { string: JSON.stringify({ v: text }) };
  const stored = (name: string, text: string) => (name === 'app/bin' ? text : JSON.stringify({ v: text }));

  // Each secret: AWSPREVIOUS and AWSCURRENT; alpha also an AWSPENDING version.
  const ids = new Map<string, string[]>();
  for (const name of NAMES) {
    const texts = [newValue(name), newValue(name), newValue(name)];
    const seedFields = (t: string) =>
      name === 'app/bin' ? { binary: new TextEncoder().encode(t) } : { json: { v: t } };
    const pending = name === 'app/alpha';
    const seeded = fake.seed({
      name,
      versions: [
        seedFields(texts[0]!),
        seedFields(texts[1]!),
        ...(pending ? [{ ...seedFields(texts[2]!), stages: ['AWSPENDING'] }] : []),
      ],
      ...(multiRegion ? { replicaRegions: [REPLICA] } : {}),
    });
    model.addVersion(name, seeded.versionIds[0]!, stored(name, texts[0]!), ['AWSCURRENT']);
    model.addVersion(name, seeded.versionIds[1]!, stored(name, texts[1]!), ['AWSCURRENT']);
    if (pending) model.addVersion(name, seeded.versionIds[2]!, stored(name, texts[2]!), ['AWSPENDING']);
    const forms = [name, seeded.arn, seeded.arn.slice(0, -7)];
    if (multiRegion) forms.push(seeded.arn.replace(`:${PRIMARY}:`, `:${REPLICA}:`));
    ids.set(name, forms);
  }

  const events: SecretkitEvent[] = [];
  const client = new SecretsClient({
    client: fake,
    region: PRIMARY,
    ...(multiRegion
      ? {
          failover: failover({
            replicaRegions: described ? [REPLICA, UNUSED_REPLICA] : [REPLICA],
            breakerCooldownMs: 5_000,
          }),
          replicaClients: {
            [REPLICA]: fake.client(REPLICA),
            ...(described ? { [UNUSED_REPLICA]: fake.client(UNUSED_REPLICA) } : {}),
          },
        }
      : {}),
    ...OPTIONS,
    clock,
    random: seededRandomFor(seed),
    onEvent: (event) => events.push(event),
  });
  // Writes, describe and list go through the admin client, which keeps the reader coherent.
  const admin = new SecretsAdmin({ client: fake, region: PRIMARY, readers: [client] });
  // DescribeSecret tells the reader where each secret is: never in UNUSED_REPLICA.
  if (described) for (const name of NAMES) await admin.describeSecret(name);

  let closed = false;
  let outage = false;
  let lastOutageAt = Number.NEGATIVE_INFINITY;
  /** Per secret: the model's mutation count at the last write/invalidate through the client. */
  const floor = new Map<string, number>();
  /** Per cache key: when a forceRefresh loaded it (no stale served), reset on any eviction. */
  const loadedAt = new Map<string, number>();
  let reads = 0;

  const keyOf = (r: ReadSpec) => `${r.id}\u0000${selectorKey(selectorOf(r.id, r.sel))}`;
  const eventKey = (e: { secretId: string; selector: string }) => `${e.secretId}\u0000${e.selector}`;
  const forgetSecret = (name: string) => {
    for (const id of ids.get(name)!)
      for (const key of [...loadedAt.keys()]) if (key.startsWith(`${id}\u0000`)) loadedAt.delete(key);
  };
  // The cache keeps one record per secret, whatever id it was read by, and reports an eviction
  // under one of them: forget the selector under every id of the secret.
  const nameOfId = new Map<string, string>();
  for (const [name, forms] of ids) for (const id of forms) nameOfId.set(id, name);
  const forgetEvicted = (e: { secretId: string; selector: string }) => {
    const name = nameOfId.get(e.secretId);
    for (const id of name === undefined ? [e.secretId] : ids.get(name)!)
      loadedAt.delete(`${id}\u0000${e.selector}`);
  };

  const randomRead = (): ReadSpec => {
    const name = rng.pick(NAMES);
    const id = rng.pick(ids.get(name)!);
    const r = rng.next();
    let sel: Sel;
    if (r < 0.35) sel = undefined;
    else if (r < 0.8) sel = { versionStage: rng.pick(STAGES) };
    else {
      const known = [...model.versions.get(name)!.keys()];
      sel = {
        versionId: rng.chance(0.1)
          ? `00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`
          : rng.pick(known),
      };
    }
    const kind: Kind =
      name === 'app/bin'
        ? rng.chance(0.85)
          ? 'binary'
          : rng.pick(['string', 'json'] as const)
        : rng.chance(0.1)
          ? 'binary'
          : rng.pick(['string', 'json', 'schema'] as const);
    return { name, id, sel, kind, force: rng.chance(0.12) };
  };

  const issue = (r: ReadSpec): Promise<string> => {
    const options =
      r.sel === undefined && !r.force ? undefined : { ...r.sel, ...(r.force ? { forceRefresh: true } : {}) };
    switch (r.kind) {
      case 'string':
        return client.getString(r.id, options);
      case 'json':
        return (options ? client.getJson(r.id, options) : client.getJson(r.id)).then((v) =>
          JSON.stringify(v),
        );
      case 'schema':
        return (options ? client.getJson(r.id, schema, options) : client.getJson(r.id, schema)).then((v) =>
          JSON.stringify(v),
        );
      case 'binary':
        return client.getBinary(r.id, options).then((b) => new TextDecoder().decode(b));
    }
  };

  /** Checks one read's outcome against the model. */
  const check = (r: ReadSpec, outcome: PromiseSettledResult<string>, deniesBefore: number, where: string) => {
    reads++;
    const ctx = `seed ${seed}${multiRegion ? ' (2 regions)' : ''} ${where}: ${r.kind} ${r.id} ${JSON.stringify(r.sel ?? {})}${r.force ? ' force' : ''} at +${now - 1_700_000_000_000}`;
    const key = keyOf(r);
    const since = loadedAt.get(key);
    const bin = r.name === 'app/bin';
    const stage =
      r.sel === undefined ? 'AWSCURRENT' : 'versionStage' in r.sel ? r.sel.versionStage : undefined;
    const afterSeq = floor.get(r.name) ?? -1;
    if (outcome.status === 'fulfilled') {
      expect(bin ? r.kind === 'binary' : r.kind !== 'binary', `${ctx}: wrong type served`).toBe(true);
      const found = model.versionOf(r.name, outcome.value);
      if (!found) throw new Error(`${ctx}: returned a value AWS never held for this secret`);
      if (stage === undefined) {
        expect(found.versionId, `${ctx}: versionId read returned another version`).toBe(
          (r.sel as { versionId: string }).versionId,
        );
      } else if (!model.heldSince(r.name, stage, found.versionId, now - STALE_BOUND, afterSeq)) {
        throw new Error(
          `${ctx}: version ${found.versionId} did not hold ${stage} within the stale bound / after the last write or invalidate`,
        );
      }
      return;
    }
    const error = outcome.reason;
    checkError(error, ctx);
    const code = error.code;
    const typeError = code === 'NOT_A_STRING' || code === 'NOT_BINARY';
    if (since !== undefined && now < since + SURELY_FRESH && !closed && !r.force && !typeError) {
      throw new Error(`${ctx}: a fresh cached value was not served (${code})`);
    }
    switch (code) {
      case 'NOT_A_STRING':
        expect(bin && r.kind !== 'binary', ctx).toBe(true);
        return;
      case 'NOT_BINARY':
        expect(!bin && r.kind === 'binary', ctx).toBe(true);
        return;
      case 'NOT_FOUND': {
        if (stage !== undefined) {
          expect(
            model.heldSince(r.name, stage, null, now - OPTIONS.notFoundTtlMs, afterSeq),
            `${ctx}: NOT_FOUND but ${stage} was held throughout the not-found window`,
          ).toBe(true);
        } else {
          const v = model.versions.get(r.name)!.get((r.sel as { versionId: string }).versionId);
          expect(
            v === undefined || (v.createdAt >= now - OPTIONS.notFoundTtlMs && v.seq > afterSeq),
            `${ctx}: NOT_FOUND for an existing version`,
          ).toBe(true);
        }
        return;
      }
      case 'ACCESS_DENIED':
        expect(faults.deniesConsumed, `${ctx}: ACCESS_DENIED without a denial in this step`).toBeGreaterThan(
          deniesBefore,
        );
        return;
      case 'CLIENT_CLOSED':
        expect(closed, `${ctx}: CLIENT_CLOSED on an open client`).toBe(true);
        return;
      default: {
        if (!FAULT_CODES.has(code)) throw new Error(`${ctx}: unexpected ${code}`);
        if (multiRegion)
          expect(
            code === 'ALL_REGIONS_FAILED' ||
              code === 'REGION_UNAVAILABLE' ||
              code === 'THROTTLED' ||
              code === 'TIMEOUT',
            ctx,
          ).toBe(true);
        // A replica's "not found" while the primary is faulting (an outage of the primary, or its
        // circuit still open) is not authoritative: it is reported as a fault.
        const regionErrors = isSecretkitError(error, 'ALL_REGIONS_FAILED')
          ? (error.details?.regionErrors ?? [])
          : [];
        const unconfirmedMiss =
          multiRegion &&
          regionErrors[0] !== undefined &&
          regionErrors[0].code !== 'NOT_FOUND' &&
          regionErrors.slice(1).some((r) => r.code === 'NOT_FOUND');
        const recent =
          now - faults.lastFaultAt <= OPTIONS.backoffMaxMs ||
          unconfirmedMiss ||
          (!multiRegion && now - lastOutageAt <= OPTIONS.backoffMaxMs);
        expect(
          recent,
          `${ctx}: ${code} with no fault injected recently: ${JSON.stringify(error)} last fault at +${faults.lastFaultAt - 1_700_000_000_000}`,
        ).toBe(true);
        if (since !== undefined && now <= since + SURELY_FRESH + OPTIONS.maxStaleMs) {
          throw new Error(`${ctx}: ${code} thrown while a value within maxStale was cached`);
        }
      }
    }
  };

  /** After each step: events carry no values, hit/miss/stale name the read's key, stats add up. */
  const afterStep = (ctx: string, readKey: string | undefined) => {
    for (const event of events) {
      checkNoValue(event, `${ctx} event`);
      if (event.type === 'evict') forgetEvicted(event);
      if (
        readKey !== undefined &&
        (event.type === 'hit' || event.type === 'miss' || event.type === 'stale')
      ) {
        expect(eventKey(event), `${ctx}: ${event.type} event for a key the read did not ask for`).toBe(
          readKey,
        );
      }
    }
    events.length = 0;
    const stats = client.stats();
    checkNoValue(stats, ctx);
    checkNoValue(client, ctx);
    const adminCalls = admin.stats().apiCalls;
    for (const op of ['GetSecretValue', 'BatchGetSecretValue']) {
      expect(stats.apiCalls.byOperation[op] ?? 0, `${ctx}: apiCalls.${op}`).toBe(fake.calls(op));
    }
    for (const op of ['PutSecretValue', 'DescribeSecret', 'ListSecretVersionIds', 'ListSecrets']) {
      expect(adminCalls.byOperation[op] ?? 0, `${ctx}: admin apiCalls.${op}`).toBe(fake.calls(op));
    }
    expect(stats.apiCalls.total + adminCalls.total, `${ctx}: apiCalls.total`).toBe(fake.calls());
  };

  const closedChecks = async (ctx: string) => {
    const attempts: Array<Promise<unknown>> = [
      client.getString('app/alpha'),
      client.getString('app/alpha', { versionStage: 'AWSPREVIOUS' }),
      client.getJson('app/beta'),
      client.getJson('app/beta', schema),
      client.getBinary('app/bin'),
      client.preload(['app/alpha']),
      admin.putSecretValue('app/alpha', { string: 'x' }),
      admin.describeSecret('app/alpha'),
      admin.listVersions('app/alpha'),
      admin.listSecrets().next(),
    ];
    for (const settled of await Promise.allSettled(attempts)) {
      expect(settled.status, ctx).toBe('rejected');
      const reason = (settled as PromiseRejectedResult).reason;
      checkError(reason, ctx);
      expect(reason.code, ctx).toBe('CLIENT_CLOSED');
    }
    await flush();
    expect(timers(), `${ctx}: timers left after close`).toBeLessThanOrEqual(baselineTimers);
    expect(client.stats().inFlight, ctx).toBe(0);
    expect(client.stats().entries, ctx).toBe(0);
  };

  const closeAt = rng.chance(0.5) ? 100 + rng.int(STEPS - 100) : STEPS;
  let step = 0;
  for (; step < STEPS && !closed; step++) {
    if (outage) lastOutageAt = now;
    const ctx = `seed ${seed}${multiRegion ? ' (2 regions)' : ''} step ${step}`;
    const roll = rng.next();
    const deniesBefore = faults.deniesConsumed;
    let readKey: string | undefined;
    if (step === closeAt) {
      // close() while a batch of reads is in flight.
      const batch = Array.from({ length: 1 + rng.int(8) }, randomRead);
      const pending = batch.map((r) => issue(r));
      const settled = Promise.allSettled(pending);
      client.close();
      admin.close();
      admin.close();
      closed = true;
      const outcomes = await settled;
      for (const [i, o] of outcomes.entries()) check(batch[i]!, o, deniesBefore, `${ctx} (close)`);
      await flush();
      afterStep(ctx, undefined);
      await closedChecks(ctx);
      break;
    }
    if (roll < 0.4) {
      const r = randomRead();
      readKey = keyOf(r);
      const outcome = (await Promise.allSettled([issue(r)]))[0]!;
      const staled = events.some((e) => e.type === 'stale' && eventKey(e) === readKey);
      check(r, outcome, deniesBefore, ctx);
      if (r.force && outcome.status === 'fulfilled' && !staled) loadedAt.set(readKey, now);
      if (
        outcome.status === 'rejected' &&
        isSecretkitError(outcome.reason) &&
        !FAULT_CODES.has(outcome.reason.code)
      ) {
        loadedAt.delete(readKey);
      }
      if (faults.deniesConsumed > deniesBefore && outcome.status === 'fulfilled') {
        // The denial went to a background refresh: the caller was served from the cache, and
        // the value must be gone now.
        expect(
          events.some((e) => e.type === 'hit' && eventKey(e) === readKey),
          `${ctx}: denied load but a value`,
        ).toBe(true);
        expect(
          events.some((e) => e.type === 'evict' && e.reason === 'answer' && eventKey(e) === readKey),
          `${ctx}: a denied key kept its value`,
        ).toBe(true);
      }
    } else if (roll < 0.52) {
      // Concurrent reads, some of the same key.
      const base = Array.from({ length: 1 + rng.int(4) }, randomRead);
      const batch = Array.from({ length: 2 + rng.int(20) }, () => rng.pick(base));
      const outcomes = await Promise.allSettled(batch.map((r) => issue(r)));
      for (const [i, o] of outcomes.entries()) check(batch[i]!, o, deniesBefore, `${ctx} (batch)`);
    } else if (roll < 0.6) {
      now += rng.pick([1, 100, 1_000, 4_000, 10_000, 30_000, 55_000, 70_000, 150_000]);
    } else if (roll < 0.65) {
      const names = NAMES.filter(() => rng.chance(0.6));
      const wanted = names.map((n) => rng.pick(ids.get(n)!.slice(0, 3)));
      const result = await client.preload(wanted);
      for (const f of result.failed) {
        checkError(f.error, `${ctx} preload`);
        expect(FAULT_CODES.has(f.error.code), `${ctx}: preload failed with ${f.error.code}`).toBe(true);
        expect(
          outage && (!multiRegion || now - faults.lastFaultAt <= OPTIONS.backoffMaxMs),
          `${ctx}: preload of ${f.secretId} failed with ${JSON.stringify(f.error)} without an outage it cannot avoid (now +${now - 1_700_000_000_000}, last fault +${faults.lastFaultAt - 1_700_000_000_000})`,
        ).toBe(true);
      }
    } else if (roll < 0.71) {
      // A write through the client.
      const name = rng.pick(NAMES);
      const id = rng.pick(ids.get(name)!.slice(0, 3));
      const text = newValue(name);
      const pendingOnly = rng.chance(0.25);
      try {
        const out = await admin.putSecretValue(
          id,
          encode(name, text),
          pendingOnly ? { versionStages: ['AWSPENDING'] } : undefined,
        );
        model.addVersion(
          name,
          out.versionId!,
          stored(name, text),
          pendingOnly ? ['AWSPENDING'] : ['AWSCURRENT'],
        );
        floor.set(name, model.mutations);
        forgetSecret(name);
      } catch (error) {
        checkError(error, `${ctx} put`);
        expect(outage && FAULT_CODES.has(error.code), `${ctx}: put failed with ${error.code}`).toBe(true);
      }
    } else if (roll < 0.76) {
      // A rotation the client does not know about.
      const name = rng.pick(NAMES);
      const text = newValue(name);
      const out = fake.simulateRotation(
        name,
        name === 'app/bin' ? { binary: new TextEncoder().encode(text) } : { json: { v: text } },
      );
      model.rotate(name, out.versionId, stored(name, text));
    } else if (roll < 0.8) {
      if (rng.chance(0.2)) {
        client.invalidate();
        for (const name of NAMES) floor.set(name, model.mutations);
        loadedAt.clear();
      } else {
        const name = rng.pick(NAMES);
        client.invalidate(rng.pick(ids.get(name)!));
        floor.set(name, model.mutations);
        forgetSecret(name);
      }
    } else if (roll < 0.88) {
      const kind = rng.pick(['throttle', 'server', 'network', 'timeout'] as FaultKind[]);
      faults.inject(1 + rng.int(3), kind);
    } else if (roll < 0.93) {
      outage = !outage;
      if (outage) fake.setOutage(PRIMARY, rng.pick(['throttle', 'server', 'network'] as const));
      else fake.clearOutage(PRIMARY);
      lastOutageAt = now;
    } else if (faults.pending === 0 && !outage) {
      // An access denial reaches the caller who waits for the load, and drops the value.
      faults.inject(1, 'accessDenied');
      const r = { ...randomRead(), force: true };
      readKey = keyOf(r);
      const outcome = (await Promise.allSettled([issue(r)]))[0]!;
      check(r, outcome, deniesBefore, `${ctx} (deny)`);
      expect(outcome.status, `${ctx}: a denial was masked`).toBe('rejected');
      expect((outcome as PromiseRejectedResult).reason.code, ctx).toBe('ACCESS_DENIED');
      loadedAt.delete(readKey);
      // Nothing is left to serve while AWS fails: the next read of that key gets a fault.
      await flush();
      faults.inject(multiRegion ? 2 : 1, 'server');
      const again = (await Promise.allSettled([issue({ ...r, force: false })]))[0]!;
      check({ ...r, force: false }, again, deniesBefore, `${ctx} (after deny)`);
      expect(again.status, `${ctx}: a value survived a denial`).toBe('rejected');
    }
    await flush();
    afterStep(ctx, readKey);
  }
  if (!closed) {
    client.close();
    admin.close();
    closed = true;
    await closedChecks(`seed ${seed} end`);
  }
  if (described)
    expect(
      fake.calls({ region: UNUSED_REPLICA }),
      `seed ${seed}: calls to a region without the secrets`,
    ).toBe(0);
  expect(unhandled).toEqual([]);
  return { steps: step, reads };
}

function seededRandomFor(seed: number): () => number {
  return new Rng(seed * 7919 + 1).next;
}

describe('SecretsClient random walks against the model', () => {
  for (const seed of SEEDS) {
    it(`single region, seed ${seed}`, async () => {
      const { reads } = await walk(seed, false);
      expect(reads).toBeGreaterThan(100);
    }, 10_000);
    it(`primary + replica, seed ${seed}`, async () => {
      const { reads } = await walk(seed, true);
      expect(reads).toBeGreaterThan(100);
    }, 10_000);
    it(`primary + replica + a replica region known not to hold the secrets, seed ${seed}`, async () => {
      const { reads } = await walk(seed, true, true);
      expect(reads).toBeGreaterThan(100);
    }, 10_000);
  }
});
