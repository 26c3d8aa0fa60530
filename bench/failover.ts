/**
 * Failover benchmark (issue 4): read latency through the region router with real SDK clients
 * against moto, when the primary region refuses connections, when it is black-holed, and in
 * the steady state after failover (breaker open), each as a ratio to a healthy read measured in
 * the same run. The primary region's endpoint is the fault proxy (test/support/fault-proxy.ts);
 * replica regions talk to moto directly. These are uncached reads: what a cache miss costs.
 *
 *   npx tsx bench/failover.ts          # prints the markdown table
 *
 * Timings are medians of bounded loops; the machine is shared, so read the ratios.
 */
import { pathToFileURL } from 'node:url';
import {
  CreateSecretCommand,
  GetSecretValueCommand,
  SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';
import { startMoto } from '../scripts/lib/moto-server.js';
import { isFault } from '../src/errors/classify.js';
import { createRegionRouter } from '../src/failover/router.js';
import type { RegionRouter } from '../src/failover/types.js';
import { type FaultMode, type FaultProxy, startFaultProxy } from '../test/support/fault-proxy.js';

const PRIMARY = 'us-east-1';
const REPLICA = 'us-west-2';
const CREDENTIALS = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'test' } as const;
/** Deadline used here (shorter than the 3 s default so the run stays short; ratios scale with it). */
const REGION_TIMEOUT_MS = 1_000;
/** Healthy / steady-state samples per scenario. */
const STEADY_SAMPLES = 40;
/** First-read samples (each needs a fresh router; a black-holed one costs a deadline). */
const FIRST_SAMPLES = 5;
const SECRET = 'bench/failover';

interface Bench {
  readonly moto: string;
  readonly proxy: FaultProxy;
  readonly arn: string;
}

function client(region: string, endpoint: string): SecretsManagerClient {
  return new SecretsManagerClient({
    region,
    endpoint,
    credentials: CREDENTIALS,
    maxAttempts: 1,
    requestHandler: { connectionTimeout: 500 },
  });
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** A router over fresh clients: primary through the proxy, replica direct. */
function newRouter(bench: Bench, hedgeAfterMs?: number): RegionRouter {
  const clients = new Map<string, SecretsManagerClient>();
  return createRegionRouter({
    primaryRegion: PRIMARY,
    replicaRegions: [REPLICA],
    clientFactory: (region) => {
      const c = client(region, region === PRIMARY ? bench.proxy.endpoint : bench.moto);
      clients.set(region, c);
      return c;
    },
    destroyClient: (region) => clients.get(region)?.destroy(),
    regionTimeoutMs: REGION_TIMEOUT_MS,
    hedgeAfterMs,
    breakerFailureThreshold: 1,
    breakerCooldownMs: 60_000,
    isFault,
    clock: { now: () => Date.now() },
  });
}

/** One timed read of the secret through `router`, in ms; checks where it was served. */
async function timedRead(router: RegionRouter, arn: string, expectRegion: string): Promise<number> {
  const t0 = performance.now();
  const result = await router.read((a) =>
    a.client.send(new GetSecretValueCommand({ SecretId: a.idFor(arn), VersionStage: 'AWSCURRENT' }), {
      abortSignal: a.signal,
    }),
  );
  const ms = performance.now() - t0;
  if (result.region !== expectRegion)
    throw new Error(`expected a read from ${expectRegion}, got ${result.region}`);
  return ms;
}

/** Median of `n` reads on one (warm) router. */
async function steady(router: RegionRouter, arn: string, region: string, n: number): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < n; i += 1) samples.push(await timedRead(router, arn, region));
  return median(samples);
}

/** Median of the first failed-over read after `mode`, each on a fresh router with warm clients. */
async function firstRead(bench: Bench, mode: FaultMode): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < FIRST_SAMPLES; i += 1) {
    await bench.proxy.setMode({ kind: 'pass' });
    const router = newRouter(bench);
    try {
      await timedRead(router, bench.arn, PRIMARY);
      await router
        .clientFor(REPLICA)
        .send(new GetSecretValueCommand({ SecretId: SECRET, VersionStage: 'AWSCURRENT' }));
      await bench.proxy.setMode(mode);
      samples.push(await timedRead(router, bench.arn, REPLICA));
    } finally {
      router.close();
    }
  }
  await bench.proxy.setMode({ kind: 'pass' });
  return median(samples);
}

/** Steady state with `mode` on the primary: the first read opens the circuit, then `n` reads. */
async function afterFailover(bench: Bench, mode: FaultMode): Promise<number> {
  await bench.proxy.setMode({ kind: 'pass' });
  const router = newRouter(bench);
  try {
    await timedRead(router, bench.arn, PRIMARY);
    await bench.proxy.setMode(mode);
    await timedRead(router, bench.arn, REPLICA);
    return await steady(router, bench.arn, REPLICA, STEADY_SAMPLES);
  } finally {
    router.close();
    await bench.proxy.setMode({ kind: 'pass' });
  }
}

/** Hedged reads while the primary answers after `delayMs`. */
async function hedged(bench: Bench, delayMs: number, hedgeAfterMs: number): Promise<number> {
  const router = newRouter(bench, hedgeAfterMs);
  try {
    await timedRead(router, bench.arn, PRIMARY);
    await router
      .clientFor(REPLICA)
      .send(new GetSecretValueCommand({ SecretId: SECRET, VersionStage: 'AWSCURRENT' }));
    await bench.proxy.setMode({ kind: 'delay', ms: delayMs });
    return await steady(router, bench.arn, REPLICA, 10);
  } finally {
    router.close();
    await bench.proxy.setMode({ kind: 'pass' });
  }
}

function row(what: string, ms: number, healthy: number, note: string): string {
  return `| ${what} | ${ms.toFixed(1)} | ${(ms / healthy).toFixed(2)}× | ${note} |`;
}

/**
 * Runs the failover benchmark: starts moto and the fault proxy, measures, stops both.
 *
 * @returns a markdown table (latency medians in ms and ratios to a healthy read)
 */
export async function runFailoverBench(): Promise<string> {
  const moto = await startMoto();
  const proxy = await startFaultProxy(moto.endpoint);
  try {
    const setup = client(PRIMARY, moto.endpoint);
    const created = await setup.send(
      new CreateSecretCommand({
        Name: SECRET,
        SecretString: 'bench-value',
        AddReplicaRegions: [{ Region: REPLICA }],
      }),
    );
    setup.destroy();
    const bench: Bench = { moto: moto.endpoint, proxy, arn: created.ARN ?? SECRET };

    const warm = newRouter(bench);
    let healthy: number;
    let replicaDirect: number;
    try {
      await steady(warm, bench.arn, PRIMARY, 5);
      healthy = await steady(warm, bench.arn, PRIMARY, STEADY_SAMPLES);
    } finally {
      warm.close();
    }
    const replicaOnly = client(REPLICA, moto.endpoint);
    try {
      const samples: number[] = [];
      for (let i = 0; i < STEADY_SAMPLES; i += 1) {
        const t0 = performance.now();
        await replicaOnly.send(new GetSecretValueCommand({ SecretId: SECRET, VersionStage: 'AWSCURRENT' }));
        samples.push(performance.now() - t0);
      }
      replicaDirect = median(samples);
    } finally {
      replicaOnly.destroy();
    }

    const refusedFirst = await firstRead(bench, { kind: 'refuse' });
    const refusedSteady = await afterFailover(bench, { kind: 'refuse' });
    const holeFirst = await firstRead(bench, { kind: 'blackhole' });
    const holeSteady = await afterFailover(bench, { kind: 'blackhole' });
    const hedgedSlow = await hedged(bench, 500, 50);

    return [
      `Uncached reads through the region router, real SDK clients, moto on 127.0.0.1; primary via the fault proxy; regionTimeoutMs ${REGION_TIMEOUT_MS} ms (default 3 000), breaker threshold 1. Medians: ${STEADY_SAMPLES} steady reads, ${FIRST_SAMPLES} first reads. The proxy hop adds about a millisecond to the healthy baseline; the replica is reached directly.`,
      '',
      '| scenario | median ms | vs healthy | note |',
      '| --- | ---: | ---: | --- |',
      row('healthy primary (via proxy)', healthy, healthy, 'baseline'),
      row(
        'replica region, direct (no router)',
        replicaDirect,
        healthy,
        'what a replica read costs by itself',
      ),
      row('primary refuses: first read', refusedFirst, healthy, 'ECONNREFUSED, then the replica'),
      row('primary refuses: steady state', refusedSteady, healthy, 'circuit open, straight to the replica'),
      row(
        'primary black-holed: first read',
        holeFirst,
        healthy,
        `bounded by regionTimeoutMs (${REGION_TIMEOUT_MS} ms)`,
      ),
      row('primary black-holed: steady state', holeSteady, healthy, 'circuit open, straight to the replica'),
      row('primary slow (500 ms), hedgeAfterMs 50', hedgedSlow, healthy, 'replica wins the hedge'),
    ].join('\n');
  } finally {
    await proxy.close();
    await moto.stop();
  }
}

const invokedDirectly =
  process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (invokedDirectly) {
  runFailoverBench().then(
    (markdown) => {
      process.stdout.write(`${markdown}\n`);
    },
    (error: unknown) => {
      process.stderr.write(`failover bench failed: ${String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
