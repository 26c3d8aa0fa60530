/**
 * Read benchmarks (issue 3, "Benchmarks"): secretkit side by side with the raw SDK, a plain Map
 * with a TTL (the baseline), an `async` function around `Map.get` (the floor), Powertools'
 * SecretsProvider and @middy/secrets-manager. Every library talks to a real SecretsManagerClient
 * whose requests are answered in-process after a fixed delay (bench/lib/fake-secrets-manager.ts).
 *
 * The machine is shared and noisy: timings are medians, the ops are interleaved, and results are
 * given as ratios to the floor/baseline measured in the same run. Every loop is bounded.
 */
import { createRequire } from 'node:module';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  type Candidate,
  type CandidateId,
  type CandidateKind,
  candidates,
  DB_JSON,
} from './lib/candidates.js';
import { type FakeMode, FakeSecretsManager } from './lib/fake-secrets-manager.js';
import { type HandlerResult, measureHandlers } from './lib/handlers.js';
import {
  fixed,
  int,
  kib,
  median,
  nsPerOp,
  type Op,
  ratio,
  table,
  timed,
  withTimeout,
} from './lib/measure.js';
import { measureMissCpu } from './lib/miss-cpu.js';
import { measureReaderBundles } from './lib/reader-bundle.js';

/** Delay of every answer of the fake service, ms. */
export const SEND_DELAY_MS = 5;

/** One of issue 3's targets for secretkit, with what this run measured. */
interface Target {
  readonly what: string;
  readonly target: string;
  readonly measured: string;
  /** undefined when secretkit could not be measured. */
  readonly met: boolean | undefined;
}
const targets: Target[] = [];
function target(
  what: string,
  goal: string,
  value: number,
  format: (n: number) => string,
  ok: (n: number) => boolean,
): void {
  const measurable = Number.isFinite(value);
  targets.push({
    what,
    target: goal,
    measured: measurable ? format(value) : 'n/a',
    met: measurable ? ok(value) : undefined,
  });
}

/** Repetitions of the stampede and startup scenarios (median wall time; libraries interleaved). */
const REPEATS = 3;

/** Progress goes to stderr; tables are returned. */
function progress(line: string): void {
  process.stderr.write(`  reads: ${line}\n`);
}

function na(kind: CandidateKind): string {
  return `n/a (${kind.unavailable})`;
}

function fresh(
  kind: CandidateKind,
  ttlMs: number,
  now?: () => number,
): { fake: FakeSecretsManager; c: Candidate } {
  const fake = new FakeSecretsManager({ delayMs: SEND_DELAY_MS });
  return { fake, c: kind.create({ fake, ttlMs, ...(now ? { now } : {}) }) };
}

function errorText(error: unknown): string {
  const e = error as { code?: unknown; name?: unknown; message?: unknown };
  return String(e?.code ?? e?.name ?? error);
}

// --- hits ----------------------------------------------------------------------------------

async function hits(kinds: readonly CandidateKind[]): Promise<string> {
  progress('hit latency');
  const ops = new Map<string, Op>();
  const slowOps = new Map<string, Op>();
  const live: Array<{ kind: CandidateKind; fake: FakeSecretsManager; c: Candidate; primed: number }> = [];
  for (const kind of kinds) {
    if (kind.unavailable) continue;
    const { fake, c } = fresh(kind, 300_000);
    fake.put('hit/str', 'not-a-real-api-key').put('hit/json', DB_JSON);
    await c.getString('hit/str');
    await c.getJson('hit/json');
    live.push({ kind, fake, c, primed: fake.calls.total });
    const target = kind.id === 'sdk' ? slowOps : ops;
    target.set(`${kind.id}:string`, () => c.getString('hit/str'));
    target.set(`${kind.id}:json`, () => c.getJson('hit/json'));
    if (c.getJsonNoSchema) {
      const noSchema = c.getJsonNoSchema.bind(c);
      await noSchema('hit/json');
      target.set(`${kind.id}:json-no-schema`, () => noSchema('hit/json'));
    }
  }
  // The string and JSON floors are the references of the ratios (taken within each round).
  const strOps = new Map([...ops].filter(([k]) => k.endsWith(':string')));
  const jsonOps = new Map([...ops].filter(([k]) => k.endsWith(':json') || k.endsWith(':json-no-schema')));
  const shape = { iterations: 10_000, batches: 15, warmup: 2_000 };
  const ns = new Map([
    ...(await nsPerOp(strOps, { ...shape, ref: 'floor:string' })),
    ...(await nsPerOp(jsonOps, { ...shape, ref: 'floor:json' })),
  ]);
  // The raw SDK pays a round trip per get: a few iterations are enough (ratio: to the floor's median).
  const slow = await nsPerOp(slowOps, { iterations: 20, batches: 3, warmup: 3 });
  const floorS = ns.get('floor:string')?.ns ?? Number.NaN;
  const floorJ = ns.get('floor:json')?.ns ?? Number.NaN;
  for (const [k, v] of slow) ns.set(k, { ns: v.ns, vsRef: v.ns / (k.endsWith(':json') ? floorJ : floorS) });

  const rows = kinds.map((kind) => {
    if (kind.unavailable) return [kind.name, na(kind), '', '', '', ''];
    const entry = live.find((l) => l.kind === kind);
    const s = ns.get(`${kind.id}:string`);
    const j = ns.get(`${kind.id}:json`);
    const calls = entry ? entry.fake.calls.total - entry.primed : Number.NaN;
    const x = (t: { vsRef: number } | undefined): string => ratio(t?.vsRef ?? Number.NaN, 1);
    return [kind.name, int(s?.ns ?? Number.NaN), x(s), int(j?.ns ?? Number.NaN), x(j), int(calls)];
  });
  for (const l of live) l.c.close();

  // Ratios within each round: Powertools ÷ secretkit = (Powertools ÷ floor) ÷ (secretkit ÷ floor).
  const sk = ns.get('secretkit:string')?.vsRef ?? Number.NaN;
  const pt = ns.get('powertools:string')?.vsRef ?? Number.NaN;
  target(
    'hit latency vs `async` Map.get',
    '≤ 1.5×',
    sk,
    (n) => `${n.toFixed(2)}×`,
    (n) => n <= 1.5,
  );
  target(
    'Powertools hit ÷ secretkit hit',
    '≥ 3×',
    pt / sk,
    (n) => `${n.toFixed(2)}×`,
    (n) => n >= 3,
  );
  const skJson = ns.get('secretkit:json')?.vsRef ?? Number.NaN;
  const skNoSchema = ns.get('secretkit:json-no-schema')?.vsRef ?? Number.NaN;
  target(
    'JSON hit with a schema vs `async` Map.get',
    '≤ 1.5×',
    skJson,
    (n) => `${n.toFixed(2)}×`,
    (n) => n <= 1.5,
  );
  target(
    'JSON hit without a schema ÷ with one',
    '≤ 1.1×',
    skNoSchema / skJson,
    (n) => `${n.toFixed(2)}×`,
    (n) => n <= 1.1,
  );
  const noSchemaNote = Number.isFinite(skNoSchema)
    ? ` secretkit \`getJson(id)\` without a schema: ${int(ns.get('secretkit:json-no-schema')?.ns ?? Number.NaN)} ns/op, ${skNoSchema.toFixed(2)}× the JSON floor (${(skNoSchema / skJson).toFixed(2)}× its JSON-with-schema hit).`
    : '';
  const md = [
    '### Hit latency (value cached, TTL 5 min)',
    '',
    'ns per awaited get: median of 15 rounds × 10,000 gets, the libraries in a shuffled order each round (raw SDK: 3 × 20). "× floor": the ratio to the floor measured in the same round, median over the rounds. JSON: each library\'s JSON path (secretkit: `getJson(id, zodSchema)`, Powertools: `transform: "json"`, middy parses itself). middy: one invocation of a middy-wrapped handler whose before hook supplies the secret.',
    '',
    table(['', 'string ns/op', '× floor', 'JSON ns/op', '× floor', 'API calls during the hits'], rows),
    ...(noSchemaNote ? ['', noSchemaNote.trim()] : []),
  ].join('\n');
  return md;
}

// --- miss CPU ----------------------------------------------------------------------------

async function missCpu(kinds: readonly CandidateKind[]): Promise<string> {
  progress('CPU per miss and per preloaded secret (fresh ids, send answered at once)');
  const shape = { rounds: 101, batches: 10, batchSize: 20, warmupBatches: 10 };
  const r = await measureMissCpu(kinds, shape);
  const us = (name: string): string => fixed(r.get(name)?.us ?? Number.NaN, 1);
  const above = (name: string): string => fixed(r.get(name)?.aboveRef ?? Number.NaN, 1);
  const name = (id: string): string => kinds.find((k) => k.id === id)?.name ?? id;
  const rows: string[][] = [
    ['raw SDK `send` (GetSecretValue)', us('sdk:get'), '—', 'the reference'],
    [
      'raw SDK `send` with a fresh `AbortSignal`',
      us('sdk:get+signal'),
      above('sdk:get+signal'),
      'what the SDK spends on a signal',
    ],
  ];
  for (const kind of kinds) {
    if (kind.floorOnly || kind.id === 'sdk') continue;
    if (kind.unavailable) {
      rows.push([kind.name, na(kind), '', '']);
      continue;
    }
    rows.push([
      kind.name,
      us(`${kind.id}:miss`),
      above(`${kind.id}:miss`),
      kind.id === 'middy' ? 'invocation with the cache off (`cacheExpiry: 0`)' : 'a fresh id each read',
    ]);
  }
  for (const id of ['powertools', 'secretkit'] as const) {
    if (!r.has(`${id}:bare`)) continue;
    rows.push([
      `${name(id)} over a bare \`send\` (no SDK)`,
      us(`${id}:bare`),
      above(`${id}:bare`),
      'its own CPU: above the same bare `send` called directly',
    ]);
  }
  const preloadRows: string[][] = [
    ['raw SDK `send` (BatchGetSecretValue, 20 ids)', us('sdk:batch'), '—'],
    [`${name('secretkit')} \`preload\` (20 ids)`, us('secretkit:preload'), above('secretkit:preload')],
  ];
  const sk = r.get('secretkit:miss')?.aboveRef ?? Number.NaN;
  const pt = r.get('powertools:miss')?.aboveRef ?? Number.NaN;
  target(
    'miss CPU above the raw SDK call',
    '≤ 25 µs',
    sk,
    (n) => `${n.toFixed(1)} µs`,
    (n) => n <= 25,
  );
  const skOwn = r.get('secretkit:bare')?.aboveRef ?? Number.NaN;
  const ptOwn = r.get('powertools:bare')?.aboveRef ?? Number.NaN;
  target(
    'own miss CPU over a bare `send` vs Powertools',
    `≤ 2 × Powertools (${fixed(ptOwn, 1)} µs)`,
    skOwn,
    (n) => `${n.toFixed(1)} µs`,
    (n) => n <= 2 * Math.max(ptOwn, 0),
  );
  target(
    'miss CPU above the SDK vs Powertools',
    `≤ 2 × Powertools (${fixed(pt, 1)} µs)`,
    sk,
    (n) => `${n.toFixed(1)} µs`,
    (n) => n <= 2 * Math.max(pt, 0),
  );
  return [
    '### CPU per miss (cache on, a fresh id each read)',
    '',
    `Process CPU (user + system) per read, in µs, with every \`send\` answered on the next microtask (no timer, no network: only SDK and library work). All rows live in one process and interleaved batch by batch (${shape.batchSize} concurrent reads per batch, a shuffled order each round); "above the SDK" is the median over ${shape.rounds} rounds of the per-round difference to the raw SDK call the read makes. Differences of a few µs are within this machine's noise: compare rows of one run only.`,
    '',
    table(['', 'CPU µs per read', 'above the raw SDK', ''], rows),
    '',
    'Preload, per secret:',
    '',
    table(['', 'CPU µs per secret', 'above the raw SDK'], preloadRows),
  ].join('\n');
}

// --- cold stampede -------------------------------------------------------------------------

async function stampede(kinds: readonly CandidateKind[]): Promise<string> {
  progress('cold stampede');
  const results = new Map<CandidateId, { calls: number; ms: number; failed: number }>();
  const walls = new Map<CandidateId, number[]>();
  for (let rep = 0; rep < REPEATS; rep++) {
    for (const kind of kinds) {
      if (kind.unavailable || kind.floorOnly) continue;
      const { fake, c } = fresh(kind, 300_000);
      fake.put('cold', 'not-a-real-api-key');
      const { ms, value } = await timed(() =>
        Promise.allSettled(Array.from({ length: 1_000 }, () => c.getString('cold'))),
      );
      walls.set(kind.id, [...(walls.get(kind.id) ?? []), ms]);
      const failed = value.filter((r) => r.status === 'rejected').length;
      const prev = results.get(kind.id);
      results.set(kind.id, {
        calls: Math.max(prev?.calls ?? 0, fake.calls.total),
        ms: median(walls.get(kind.id) ?? []),
        failed: Math.max(prev?.failed ?? 0, failed),
      });
      c.close();
    }
  }
  const base = results.get('map')?.ms ?? Number.NaN;
  target(
    'cold stampede, 1,000 gets',
    '1 API call',
    results.get('secretkit')?.calls ?? Number.NaN,
    int,
    (n) => n === 1,
  );
  const rows = kinds
    .filter((k) => !k.floorOnly)
    .map((kind) => {
      const r = results.get(kind.id);
      if (kind.unavailable || !r) return [kind.name, na(kind), '', '', ''];
      return [kind.name, int(r.calls), fixed(r.ms), ratio(r.ms, base), int(r.failed)];
    });
  return [
    '### Cold stampede: 1,000 concurrent gets of one uncached secret',
    '',
    `A fresh instance each time; wall time is the median of ${REPEATS} runs (the libraries interleaved).`,
    '',
    table(['', 'API calls', 'wall ms', '× baseline wall', 'failed gets'], rows),
  ].join('\n');
}

// --- startup -------------------------------------------------------------------------------

async function startup(kinds: readonly CandidateKind[]): Promise<string> {
  progress('100 secrets at startup');
  const ids = Array.from({ length: 100 }, (_, i) => `app/secret-${String(i).padStart(3, '0')}`);
  const results = new Map<CandidateId, { calls: number; batch: number; ms: number; after: number }>();
  const walls = new Map<CandidateId, number[]>();
  for (let rep = 0; rep < REPEATS; rep++) {
    for (const kind of kinds) {
      if (kind.unavailable || kind.floorOnly) continue;
      const { fake, c } = fresh(kind, 300_000);
      for (const id of ids) fake.put(id, `value of ${id}`);
      const { ms } = await timed(() => c.loadMany(ids));
      const calls = fake.calls.total;
      const batch = fake.calls.BatchGetSecretValue;
      // Then every secret is read once, as the app starts serving: should be all hits.
      await (kind.id === 'middy' ? c.loadMany(ids) : Promise.all(ids.map((id) => c.getString(id))));
      walls.set(kind.id, [...(walls.get(kind.id) ?? []), ms]);
      results.set(kind.id, {
        calls,
        batch,
        ms: median(walls.get(kind.id) ?? []),
        after: fake.calls.total - calls,
      });
      c.close();
    }
  }
  const base = results.get('map')?.ms ?? Number.NaN;
  target(
    '100 secrets at startup',
    '≤ 5 API calls',
    results.get('secretkit')?.calls ?? Number.NaN,
    int,
    (n) => n <= 5,
  );
  const rows = kinds
    .filter((k) => !k.floorOnly)
    .map((kind) => {
      const r = results.get(kind.id);
      if (kind.unavailable || !r) return [kind.name, na(kind), '', '', '', ''];
      return [kind.name, int(r.calls), int(r.batch), fixed(r.ms), ratio(r.ms, base), int(r.after)];
    });
  return [
    '### 100 secrets at startup',
    '',
    'secretkit: `preload(ids)` (BatchGetSecretValue, 20 ids per call); middy: one handler with 100 `fetchData` entries; the others: 100 concurrent gets. Then each secret is read once more ("API calls after": 0 means the load filled the cache). Wall time: median of 3 runs.',
    '',
    table(
      ['', 'API calls', 'of which BatchGetSecretValue', 'wall ms', '× baseline wall', 'API calls after'],
      rows,
    ),
  ].join('\n');
}

// --- expiry ----------------------------------------------------------------------------------

async function expiry(kinds: readonly CandidateKind[]): Promise<string> {
  progress('first get after expiry (real time, TTL 1 s)');
  const ttlMs = 1_000;
  const live: Array<{ kind: CandidateKind; fake: FakeSecretsManager; c: Candidate }> = [];
  for (const kind of kinds) {
    if (kind.unavailable || kind.floorOnly) continue;
    const { fake, c } = fresh(kind, ttlMs);
    fake.put('exp', 'v1');
    await c.getString('exp');
    fake.put('exp', 'v2'); // the value changes while cached
    live.push({ kind, fake, c });
  }
  await sleep(ttlMs + 200);
  const first = new Map<CandidateId, { idle: number; ms: number; value: string; calls: number }>();
  for (const { kind, fake, c } of live) {
    const idle = fake.calls.total - 1;
    const before = fake.calls.total;
    let value: string;
    const t = await timed(async () => {
      try {
        value = String(await c.getString('exp'));
      } catch (error) {
        value = `error ${errorText(error)}`;
      }
    });
    await sleep(3 * SEND_DELAY_MS); // let a background refresh finish
    first.set(kind.id, { idle, ms: t.ms, value: value!, calls: fake.calls.total - before });
  }
  for (const { c } of live) c.close();

  progress('steady traffic across expiries (real time, TTL 1 s, 3 s)');
  const steady = await steadyTraffic(kinds, ttlMs);
  const skFirst = first.get('secretkit');
  const skSteady = steady.get('secretkit');
  target(
    'gets that wait on a refresh after warm-up',
    '0',
    skFirst && skSteady ? skSteady.waited + (skFirst.ms >= SEND_DELAY_MS * 0.6 ? 1 : 0) : Number.NaN,
    (n) => `${n} of ${(skSteady?.gets ?? 0) + 1}`,
    (n) => n === 0,
  );

  const rows = kinds
    .filter((k) => !k.floorOnly)
    .map((kind) => {
      const f = first.get(kind.id);
      const s = steady.get(kind.id);
      if (kind.unavailable || !f || !s) return [kind.name, na(kind), '', '', '', '', '', ''];
      const waited = f.ms >= SEND_DELAY_MS * 0.6 ? 'waits' : 'no wait';
      const returned = f.value === 'v1' ? 'old value' : f.value === 'v2' ? 'new value' : f.value;
      return [
        kind.name,
        int(f.idle),
        `${fixed(f.ms, 2)} ms (${ratio(f.ms, SEND_DELAY_MS)} send)`,
        `${waited}, ${returned}`,
        int(f.calls),
        `${s.waited} / ${s.gets}`,
        fixed(s.maxMs, 2),
        int(s.calls),
      ];
    });
  return [
    '### Expiry: does a get wait for the refresh?',
    '',
    `TTL 1 s, real time. "First get after expiry": the value was loaded, changed in the service, and read again 1.2 s later; latency vs the ${SEND_DELAY_MS} ms send delay. "Idle calls": API calls made while nobody read. "Steady traffic": one get every 50 ms for 3 s (about three expiries); a get "waited" when it took ≥ ${SEND_DELAY_MS * 0.6} ms; the first (cold) get is not counted.`,
    '',
    table(
      [
        '',
        'idle calls',
        'first get after expiry',
        'result',
        'API calls',
        'steady: gets that waited',
        'steady: max ms',
        'steady: API calls',
      ],
      rows,
    ),
  ].join('\n');
}

async function steadyTraffic(
  kinds: readonly CandidateKind[],
  ttlMs: number,
): Promise<Map<CandidateId, { gets: number; waited: number; maxMs: number; calls: number }>> {
  const out = new Map<CandidateId, { gets: number; waited: number; maxMs: number; calls: number }>();
  await Promise.all(
    kinds
      .filter((k) => !k.unavailable && !k.floorOnly)
      .map(async (kind) => {
        const { fake, c } = fresh(kind, ttlMs);
        fake.put('steady', 'v1');
        await c.getString('steady');
        const lat: number[] = [];
        for (let i = 0; i < 60; i++) {
          await sleep(50);
          const t = performance.now();
          try {
            await c.getString('steady');
          } catch {
            // counted as a wait below (latency is what matters here)
          }
          lat.push(performance.now() - t);
        }
        out.set(kind.id, {
          gets: lat.length,
          waited: lat.filter((ms) => ms >= SEND_DELAY_MS * 0.6).length,
          maxMs: Math.max(...lat),
          calls: fake.calls.total - 1,
        });
        c.close();
      }),
  );
  return out;
}

// --- outage ----------------------------------------------------------------------------------

interface OutageResult {
  calls: number;
  fresh: number;
  stale: number;
  errors: Map<string, number>;
  timeouts: number;
  medianMs: number;
  maxMs: number;
  unhandled: number;
}

/**
 * After one successful load the service fails (throttling or a network error). 100 gets are
 * spread over 10 simulated minutes (one every 6 s; TTL 60 s, so the first 9 are still fresh).
 * Simulated time: `Date.now` is shifted for the section (Powertools and middy read it) and the
 * same clock is given to secretkit; the fake's send delay stays real.
 */
async function outage(kinds: readonly CandidateKind[]): Promise<string> {
  progress('outage (simulated 10 minutes)');
  const ttlMs = 60_000;
  const stepMs = 6_000;
  const realNow = Date.now;
  let offset = 0;
  const simNow = (): number => realNow() + offset;
  let unhandled = 0;
  const onUnhandled = (): void => {
    unhandled++;
  };
  process.on('unhandledRejection', onUnhandled);
  Date.now = simNow;
  const results = new Map<string, OutageResult>();
  try {
    for (const mode of ['throttle', 'network'] as const satisfies readonly FakeMode[]) {
      for (const kind of kinds) {
        if (kind.unavailable || kind.floorOnly) continue;
        offset = 0;
        unhandled = 0;
        const { fake, c } = fresh(kind, ttlMs, simNow);
        fake.put('out', 'last-good');
        await c.getString('out');
        const start = simNow();
        fake.mode = mode;
        const before = fake.calls.total;
        const r: OutageResult = {
          calls: 0,
          fresh: 0,
          stale: 0,
          errors: new Map(),
          timeouts: 0,
          medianMs: 0,
          maxMs: 0,
          unhandled: 0,
        };
        const lat: number[] = [];
        for (let i = 0; i < 100; i++) {
          offset = i * stepMs + stepMs / 2;
          const t = performance.now();
          const outcome = await withTimeout(c.getString('out'), 3_000);
          lat.push(performance.now() - t);
          if (outcome === 'timeout') r.timeouts++;
          else if (outcome.ok) {
            if (simNow() - start < ttlMs) r.fresh++;
            else r.stale++;
          } else {
            const code = errorText(outcome.error);
            r.errors.set(code, (r.errors.get(code) ?? 0) + 1);
          }
        }
        await sleep(3 * SEND_DELAY_MS);
        r.calls = fake.calls.total - before;
        r.medianMs = median(lat);
        r.maxMs = Math.max(...lat);
        r.unhandled = unhandled;
        results.set(`${kind.id}:${mode}`, r);
        c.close();
      }
    }
  } finally {
    Date.now = realNow;
    await sleep(10);
    process.off('unhandledRejection', onUnhandled);
  }
  for (const mode of ['throttle', 'network'] as const) {
    target(
      `API calls during a 100-get outage (${mode === 'throttle' ? 'throttling' : 'network error'})`,
      '≤ ~8',
      results.get(`secretkit:${mode}`)?.calls ?? Number.NaN,
      int,
      (n) => n <= 8,
    );
  }
  const rows: string[][] = [];
  for (const mode of ['throttle', 'network'] as const) {
    for (const kind of kinds) {
      if (kind.floorOnly) continue;
      const r = results.get(`${kind.id}:${mode}`);
      const label = mode === 'throttle' ? 'ThrottlingException' : 'ECONNRESET';
      if (kind.unavailable || !r) {
        rows.push([kind.name, label, na(kind), '', '', '', '', '']);
        continue;
      }
      const errors = [...r.errors].map(([code, n]) => `${n} ${code}`).join(', ') || '0';
      rows.push([
        kind.name,
        label,
        int(r.calls),
        `${r.fresh} + ${r.stale}`,
        errors,
        int(r.timeouts),
        `${fixed(r.medianMs, 2)} / ${fixed(r.maxMs, 1)}`,
        int(r.unhandled),
      ]);
    }
  }
  return [
    '### Outage: 100 gets over 10 minutes while every call fails',
    '',
    'After one successful load, every `send` fails (throttling, then in a second run a network error). 100 gets, one every 6 s of simulated time (at 3 s, 9 s, … 597 s); TTL 60 s, so the first 10 are fresh hits. "served": fresh + stale values returned; "errors": gets that threw (by code/name); latency is real time per get (timeout 3 s).',
    '',
    table(
      [
        '',
        'fault',
        'API calls',
        'served (fresh + stale)',
        'errors',
        'timeouts',
        'get ms median / max',
        'unhandled rejections',
      ],
      rows,
    ),
  ].join('\n');
}

/**
 * The same outage in real time, short: TTL 1 s, then 12 gets over 3 s while every call fails
 * with a network error. Catches what only real timers show (middy's refresh timer).
 */
async function outageRealTime(kinds: readonly CandidateKind[]): Promise<string> {
  progress('outage in real time (3 s per library)');
  let unhandled = 0;
  const onUnhandled = (): void => {
    unhandled++;
  };
  process.on('unhandledRejection', onUnhandled);
  const rows: string[][] = [];
  try {
    for (const kind of kinds) {
      if (kind.floorOnly) continue;
      if (kind.unavailable) {
        rows.push([kind.name, na(kind), '', '', '']);
        continue;
      }
      unhandled = 0;
      const { fake, c } = fresh(kind, 1_000);
      fake.put('out', 'last-good');
      await c.getString('out');
      fake.mode = 'network';
      const before = fake.calls.total;
      let served = 0;
      let errors = 0;
      // Gets at 125, 375, 625... ms: never close to the 1 s expiry, where timer-driven refreshes
      // (middy) would race with a get.
      const t0 = performance.now();
      for (let i = 0; i < 12; i++) {
        await sleep(Math.max(0, t0 + 125 + 250 * i - performance.now()));
        const outcome = await withTimeout(c.getString('out'), 1_000);
        if (outcome !== 'timeout' && outcome.ok) served++;
        else errors++;
      }
      await sleep(300);
      rows.push([kind.name, int(fake.calls.total - before), int(served), int(errors), int(unhandled)]);
      c.close();
    }
  } finally {
    await sleep(10);
    process.off('unhandledRejection', onUnhandled);
  }
  return [
    'The same in real time (TTL 1 s; 12 gets over 3 s, network errors), to catch background work driven by real timers:',
    '',
    table(['', 'API calls', 'served', 'errors', 'unhandled rejections'], rows),
  ].join('\n');
}

// --- handlers ----------------------------------------------------------------------------------

const HANDLER_LABELS: Record<string, string> = {
  sdk: 'raw SDK (baseline)',
  map: 'plain `Map` + TTL',
  powertools: 'Powertools `SecretsProvider`',
  middy: '`@middy/secrets-manager`',
  secretkit: '**secretkit** `SecretsClient`',
};

async function handlers(kinds: readonly CandidateKind[]): Promise<string> {
  progress('minimal handlers: esbuild bundles and import time (fresh node processes)');
  const results = await measureHandlers(7);
  const base = results.find((r) => r.id === 'sdk');
  const secretkitKind = kinds.find((k) => k.id === 'secretkit');
  const rows = results.map((r: HandlerResult) => {
    const label = HANDLER_LABELS[r.id] ?? r.id;
    if (r.error) {
      const why = r.id === 'secretkit' && secretkitKind?.unavailable ? secretkitKind.unavailable : r.error;
      return [label, `n/a (${why})`, '', '', '', '', '', ''];
    }
    return [
      label,
      kib(r.bundledBytes),
      kib(r.bundledGzip),
      `${fixed(r.sdkShare * 100, 1)}%`,
      kib(r.ownBytes),
      kib(r.ownGzip),
      fixed(r.importMs, 1),
      ratio(r.importMs, base?.importMs ?? Number.NaN),
    ];
  });
  const sk = results.find((r) => r.id === 'secretkit' && !r.error);
  target(
    'own bundled bytes without the SDK',
    '< 10 KiB gzip',
    sk?.ownGzip ?? Number.NaN,
    kib,
    (n) => n < 10 * 1024,
  );
  const notes: string[] = [];
  if (sk) {
    notes.push(
      `secretkit's own bytes, largest inputs (minified bytes): ${sk.topInputs
        .map(([p, b]) => `\`${p.replace(/^.*node_modules\//, '')}\` ${int(b)}`)
        .join(', ')}.`,
    );
  }
  const reader = await readerBundleSection();
  return [
    reader,
    '',
    '### Minimal handler: bundle size and import time',
    '',
    'A handler that reads one string secret, client created at module scope, bundled with esbuild (ESM, minified, node20). "SDK bundled": everything in one file, as deployed with a bundled SDK; "own bytes": the same handler with the SDK (`@aws-sdk/*`, `@smithy/*`, `@aws-crypto/*` and the client\'s dependency closure) external, i.e. the handler plus the library and its other dependencies. "SDK share": SDK bytes in the bundled output (esbuild metafile). Import: `await import()` of the bundled file in a fresh `node` process, median of 7 interleaved runs; ratio to the raw SDK handler.',
    '',
    table(
      [
        '',
        'SDK bundled',
        'gzip',
        'SDK share',
        'own bytes (SDK external)',
        'own gzip',
        'import ms',
        '× raw SDK',
      ],
      rows,
    ),
    ...(notes.length ? ['', ...notes] : []),
  ].join('\n');
}

/** Issue #10's read-only handler: secretkit's gzip (it has no runtime dependencies), and library-only import time. */
async function readerBundleSection(): Promise<string> {
  progress(
    'read-only typed handler: esbuild bundle (SDK and zod external) and import time with the SDK preloaded',
  );
  const results = await measureReaderBundles(9);
  const sk = results.find((r) => r.id === 'secretkit');
  const pt = results.find((r) => r.id === 'powertools');
  target(
    'reader-only handler, secretkit (no dependencies)',
    '<= 12 KiB gzip',
    sk?.gzip ?? Number.NaN,
    kib,
    (n) => n <= 12 * 1024,
  );
  target(
    'library-only import (SDK preloaded) vs Powertools',
    `<= ${fixed(pt?.importMs ?? Number.NaN, 1)} ms`,
    sk?.importMs ?? Number.NaN,
    (n) => `${fixed(n, 1)} ms`,
    (n) => n <= (pt?.importMs ?? Number.NaN),
  );
  const rows = results.map((r) => [
    r.id,
    r.error ? `n/a (${r.error})` : kib(r.bytes),
    kib(r.gzip),
    fixed(r.importMs, 1),
    r.parts
      .slice(0, 6)
      .map(([part, bytes]) => `${part} ${int(bytes)}`)
      .join(', '),
  ]);
  return [
    '### Read-only handler: one typed secret',
    '',
    "A handler reading one JSON secret validated with `zod/mini`, client at module scope, bundled with esbuild (ESM, minified, node20) with `@aws-sdk/*`, `@smithy/*` and zod external: the output is the handler plus the library and its own dependencies (secretkit has none). Import: the SDK and zod are imported first in a fresh `node` process, then the bundle's `await import()` is timed (the library's own cost); median of 9 interleaved runs.",
    '',
    table(['', 'minified', 'gzip', 'import ms (SDK preloaded)', 'largest parts (minified bytes)'], rows),
  ].join('\n');
}

/** Runs every read benchmark; returns the markdown. */
export async function runReadsBench(): Promise<string> {
  process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] = 'true';
  targets.length = 0;
  const kinds = await candidates();
  const sk = kinds.find((k) => k.id === 'secretkit');
  const sections = [
    `Every library reads through a real \`SecretsManagerClient\` (v${sdkVersion()}) whose requests are answered in-process after ${SEND_DELAY_MS} ms (\`maxAttempts: 1\`).${sk?.unavailable ? ` secretkit rows: n/a (${sk.unavailable}).` : ''}`,
    await hits(kinds),
    await missCpu(kinds),
    await stampede(kinds),
    await startup(kinds),
    await expiry(kinds),
    await outage(kinds),
    await outageRealTime(kinds),
    await handlers(kinds),
  ];
  sections.push(
    [
      '### secretkit against the targets of issue 3',
      '',
      table(
        ['', 'target', 'this run', 'met'],
        targets.map((t) => [
          t.what,
          t.target,
          t.measured,
          t.met === undefined ? 'n/a' : t.met ? 'yes' : '**no**',
        ]),
      ),
    ].join('\n'),
  );
  return sections.join('\n\n');
}

function sdkVersion(): string {
  try {
    // Resolved the same way the benchmark's import is.
    const require = createRequire(import.meta.url);
    return String((require('@aws-sdk/client-secrets-manager/package.json') as { version: string }).version);
  } catch {
    return '3';
  }
}
