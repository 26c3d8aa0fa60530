/**
 * Issue #16's miss-CPU table: process CPU (user + system) per cache miss, for every library in
 * one process, against the raw SDK call the miss makes. Every library reads through its own real
 * SDK client answered by a {@link FakeSecretsManager} with no delay (the answer comes on the next
 * microtask, so no timer runs and the CPU is the SDK's and the library's work only).
 *
 * Noise control on a shared machine: all libraries are live at once and interleaved batch by
 * batch, in a shuffled order each round; each batch's CPU is attributed to the library that ran
 * it; the figure is the median over the rounds of the per-round difference to the raw SDK.
 */
import { BatchGetSecretValueCommand, GetSecretValueCommand } from '@aws-sdk/client-secrets-manager';
import { bareClient } from './bare-client.js';
import type { Candidate, CandidateKind } from './candidates.js';
import { FakeSecretsManager } from './fake-secrets-manager.js';
import { median } from './measure.js';

/** One measured operation: reads `count` secrets never read before by this op. */
interface MissOp {
  readonly name: string;
  /** The op it is compared with (the raw SDK calls it makes). */
  readonly ref: string;
  /** Reads the secrets `ids` (fresh) and resolves when all are read. */
  run(ids: readonly string[]): Promise<unknown>;
  /** Secret ids this op reads, in order (pre-created in its fake). */
  readonly nextIds: (count: number) => string[];
  close(): void;
}

/** CPU per secret of one op. */
export interface MissCpu {
  /** Median µs of CPU per secret read. */
  readonly us: number;
  /** Median over the rounds of (this op − its reference op), µs per secret. */
  readonly aboveRef: number;
  /** The op it is compared with. */
  readonly ref: string;
}

/** Shape of a run. */
export interface MissCpuShape {
  readonly rounds: number;
  /** Batches per op per round. */
  readonly batches: number;
  /** Secrets per batch (read concurrently; one `preload` call for the preload ops). */
  readonly batchSize: number;
  readonly warmupBatches: number;
}

const DEFAULT_SHAPE: MissCpuShape = { rounds: 15, batches: 10, batchSize: 20, warmupBatches: 10 };

function idSource(fake: FakeSecretsManager, prefix: string, total: number): (count: number) => string[] {
  const ids = Array.from({ length: total }, (_, i) => `${prefix}/${i}`);
  for (const id of ids) fake.put(id, `value of ${id}`);
  let next = 0;
  return (count) => {
    const out = ids.slice(next, next + count);
    next += count;
    if (out.length < count) throw new Error(`${prefix}: ran out of fresh ids`);
    return out;
  };
}

/** Fresh ids for an op whose `send` needs no stored secrets. */
function freshIds(prefix: string, total: number): (count: number) => string[] {
  let next = 0;
  return (count) => {
    if (next + count > total) throw new Error(`${prefix}: ran out of fresh ids`);
    return Array.from({ length: count }, () => `${prefix}/${next++}`);
  };
}

function cpuUs(): number {
  const { user, system } = process.cpuUsage();
  return user + system;
}

/**
 * Measures CPU per miss (one fresh id per read) and per preloaded secret.
 *
 * @param kinds - the candidates of this run (the floor is skipped: it has no miss path of its own)
 * @returns µs per secret by op name: `<id>:miss` and `<id>:preload`, `<id>:bare` (secretkit
 *   and Powertools over a bare `send`, against `bare:get`), plus the raw SDK's `sdk:get` and
 *   `sdk:batch`
 */
export async function measureMissCpu(
  kinds: readonly CandidateKind[],
  shape: MissCpuShape = DEFAULT_SHAPE,
): Promise<Map<string, MissCpu>> {
  const perOp = (shape.rounds * shape.batches + shape.warmupBatches) * shape.batchSize;
  const ops: MissOp[] = [];
  const fakeFor = () => new FakeSecretsManager({ delayMs: 0 });

  // The raw SDK: one GetSecretValue per secret, and one BatchGetSecretValue per batch.
  {
    const fake = fakeFor();
    const client = fake.client();
    const get = (id: string) =>
      client.send(new GetSecretValueCommand({ SecretId: id, VersionStage: 'AWSCURRENT' }));
    ops.push({
      name: 'sdk:get',
      ref: 'sdk:get',
      run: (ids) => Promise.all(ids.map(get)),
      nextIds: idSource(fake, 'raw-get', perOp),
      close: () => client.destroy(),
    });
    // The same call given a fresh AbortSignal, as any library that can cancel a call passes:
    // what the SDK itself spends on the signal (its retry middleware races it).
    const fake3 = fakeFor();
    const client3 = fake3.client();
    ops.push({
      name: 'sdk:get+signal',
      ref: 'sdk:get',
      run: (ids) =>
        Promise.all(
          ids.map((id) =>
            client3.send(new GetSecretValueCommand({ SecretId: id, VersionStage: 'AWSCURRENT' }), {
              abortSignal: new AbortController().signal,
            }),
          ),
        ),
      nextIds: idSource(fake3, 'raw-signal', perOp),
      close: () => client3.destroy(),
    });
    const fake2 = fakeFor();
    const client2 = fake2.client();
    ops.push({
      name: 'sdk:batch',
      ref: 'sdk:batch',
      run: (ids) => client2.send(new BatchGetSecretValueCommand({ SecretIdList: [...ids] })),
      nextIds: idSource(fake2, 'raw-batch', perOp),
      close: () => client2.destroy(),
    });
  }

  // The bare `send` called directly: the reference of the `<id>:bare` rows.
  {
    const bare = bareClient();
    ops.push({
      name: 'bare:get',
      ref: 'bare:get',
      run: (ids) =>
        Promise.all(
          ids.map((id) => bare.send(new GetSecretValueCommand({ SecretId: id, VersionStage: 'AWSCURRENT' }))),
        ),
      nextIds: freshIds('bare-get', perOp),
      close: () => undefined,
    });
  }

  for (const kind of kinds) {
    if (kind.unavailable || kind.floorOnly || kind.id === 'sdk') continue;
    // middy's cache belongs to one handler with fixed `fetchData`: a miss is an invocation with
    // the cache off (`cacheExpiry: 0`), which fetches every time; the others read fresh ids.
    const middy = kind.id === 'middy';
    const fake = fakeFor();
    const c: Candidate = kind.create({ fake, ttlMs: middy ? 0 : 300_000 });
    const fresh = idSource(fake, `${kind.id}-miss`, middy ? 1 : perOp);
    ops.push({
      name: `${kind.id}:miss`,
      ref: 'sdk:get',
      run: middy
        ? (ids) => Promise.all(ids.map(() => c.getString('middy-miss/0')))
        : (ids) => Promise.all(ids.map((id) => c.getString(id))),
      nextIds: middy ? (count) => Array.from({ length: count }, () => 'middy-miss/0') : fresh,
      close: () => c.close(),
    });
    if (kind.id !== 'powertools' && kind.id !== 'secretkit') continue;
    // The library's own CPU per miss: the same library over a bare `send` (a canned answer on
    // the next microtask, no SDK), against calling that bare `send` directly.
    const overBare = kind.create({
      fake: { client: () => bareClient(), region: 'us-east-1' } as unknown as FakeSecretsManager,
      ttlMs: 300_000,
    });
    ops.push({
      name: `${kind.id}:bare`,
      ref: 'bare:get',
      run: (ids) => Promise.all(ids.map((id) => overBare.getString(id))),
      nextIds: freshIds(`${kind.id}-bare`, perOp),
      close: () => overBare.close(),
    });
    if (kind.id !== 'secretkit') continue;
    // secretkit's preload is one BatchGetSecretValue per 20 ids: compared with the raw batch call.
    const fake2 = fakeFor();
    const c2 = kind.create({ fake: fake2, ttlMs: 300_000 });
    ops.push({
      name: `${kind.id}:preload`,
      ref: 'sdk:batch',
      run: (ids) => c2.loadMany(ids),
      nextIds: idSource(fake2, `${kind.id}-preload`, perOp),
      close: () => c2.close(),
    });
  }

  try {
    for (const op of ops)
      for (let b = 0; b < shape.warmupBatches; b++) await op.run(op.nextIds(shape.batchSize));
    const perRound = new Map<string, number[]>(ops.map((op) => [op.name, []]));
    const above = new Map<string, number[]>(ops.map((op) => [op.name, []]));
    let seed = 0x9e3779b9;
    const random = (): number => {
      seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0;
      return seed / 2 ** 32;
    };
    for (let r = 0; r < shape.rounds; r++) {
      const spent = new Map<string, number>(ops.map((op) => [op.name, 0]));
      for (let b = 0; b < shape.batches; b++) {
        const order = [...ops];
        for (let i = order.length - 1; i > 0; i--) {
          const j = Math.floor(random() * (i + 1));
          [order[i], order[j]] = [order[j] as MissOp, order[i] as MissOp];
        }
        for (const op of order) {
          const ids = op.nextIds(shape.batchSize);
          const start = cpuUs();
          await op.run(ids);
          spent.set(op.name, (spent.get(op.name) ?? 0) + cpuUs() - start);
        }
      }
      const reads = shape.batches * shape.batchSize;
      for (const op of ops) {
        const us = (spent.get(op.name) ?? 0) / reads;
        perRound.get(op.name)?.push(us);
        above.get(op.name)?.push(us - (spent.get(op.ref) ?? 0) / reads);
      }
      await new Promise((resolve) => setImmediate(resolve)); // let GC and timers run between rounds
    }
    return new Map(
      ops.map((op) => [
        op.name,
        { us: median(perRound.get(op.name) ?? []), aboveRef: median(above.get(op.name) ?? []), ref: op.ref },
      ]),
    );
  } finally {
    for (const op of ops) op.close();
  }
}
