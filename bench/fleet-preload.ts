/**
 * Fleet start-up over the Agent (issue 13, "the Agent has no batch call"): N = 50 processes on
 * one host each warm 20 or 100 secrets at start-up, two ways:
 *   batch — `preload(ids)` on the SDK (BatchGetSecretValue, 20 ids per call): what `preload` and
 *           `defineSecrets` do today, with or without the Agent transport;
 *   agent — one read per secret through the host's Agent STAND-IN (test/support/agent-standin.ts),
 *           whose cache serves the repeats of the other processes.
 * Each both with the processes starting one after another (staggered) and all at once (a cold
 * host). Real HTTP against the emulator (moto), so wall times are the emulator's and this
 * machine's, not AWS's; the call counts are exact. Reported: API calls reaching AWS, and wall time.
 *
 *   npx tsx bench/fleet-preload.ts
 */
import { pathToFileURL } from 'node:url';
import {
  CreateSecretCommand,
  SecretsManagerClient,
  type SecretsManagerClientConfig,
} from '@aws-sdk/client-secrets-manager';
import { startMoto } from '../scripts/lib/moto-server.js';
import { agentTransport, transportStats } from '../src/fleet/index.js';
import { SecretsClient } from '../src/index.js';
import { startAgentStandIn } from '../test/support/agent-standin.js';

const N = 50;
const TOKEN = 'bench-token';

interface Row {
  readonly secrets: number;
  readonly way: 'batch' | 'agent';
  readonly start: 'staggered' | 'at once';
  readonly awsCalls: number;
  readonly wallMs: number;
  readonly perProcessMedianMs: number;
  readonly failed: number;
  readonly codes: string;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1] ?? Number.NaN;

async function scenario(
  config: SecretsManagerClientConfig & { readonly region: string },
  ids: readonly string[],
  way: Row['way'],
  start: Row['start'],
): Promise<Row> {
  const upstream = new SecretsManagerClient(config);
  const standIn = way === 'agent' ? await startAgentStandIn({ upstream, token: TOKEN }) : undefined;
  const procs = Array.from(
    { length: N },
    () =>
      new SecretsClient({
        region: config.region,
        clientConfig: config,
        // The emulator answers a cold host's burst slowly: measure calls, not the 3 s deadline.
        regionTimeoutMs: 120_000,
        ...(standIn
          ? { transport: agentTransport({ endpoint: standIn.url, token: TOKEN, timeoutMs: 30_000 }) }
          : {}),
      }),
  );
  let failed = 0;
  const codes = new Map<string, number>();
  const note = (e: unknown): void => {
    const code = String((e as { code?: unknown }).code ?? 'unknown');
    codes.set(code, (codes.get(code) ?? 0) + 1);
  };
  const times: number[] = [];
  const warm = async (p: SecretsClient): Promise<void> => {
    const t = performance.now();
    if (way === 'batch') {
      const out = await p.preload(ids);
      failed += out.failed.length;
      for (const f of out.failed) note(f.error);
    } else {
      const settled = await Promise.allSettled(ids.map((id) => p.getString(id)));
      for (const s of settled) {
        if (s.status === 'rejected') {
          failed += 1;
          note(s.reason);
        }
      }
    }
    times.push(performance.now() - t);
  };
  const t0 = performance.now();
  if (start === 'at once') await Promise.all(procs.map(warm));
  else for (const p of procs) await warm(p);
  const wallMs = performance.now() - t0;
  const sdkCalls = procs.reduce((a, p) => a + (transportStats(p)?.sdkCalls ?? 0), 0);
  for (const p of procs) p.close();
  const awsCalls = sdkCalls + (standIn?.upstreamCalls ?? 0);
  await standIn?.close();
  upstream.destroy();
  return {
    secrets: ids.length,
    way,
    start,
    awsCalls,
    wallMs,
    perProcessMedianMs: median(times),
    failed,
    codes: [...codes].map(([c, n]) => `${c} ×${n}`).join(', '),
  };
}

/** Runs the start-up comparison and returns a markdown section. */
export async function runFleetPreloadBench(): Promise<string> {
  const moto = await startMoto();
  const config: SecretsManagerClientConfig & { readonly region: string } = {
    region: 'us-east-1',
    endpoint: moto.endpoint,
    credentials: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'test' },
    maxAttempts: 1,
  };
  const rows: Row[] = [];
  try {
    const admin = new SecretsManagerClient(config);
    const all = Array.from({ length: 100 }, (_, i) => `preload/s${i}`);
    for (const id of all) {
      await admin.send(new CreateSecretCommand({ Name: id, SecretString: `value-of-${id}` }));
    }
    admin.destroy();
    for (const size of [20, 100]) {
      const ids = all.slice(0, size);
      for (const start of ['staggered', 'at once'] as const) {
        for (const way of ['batch', 'agent'] as const) {
          const t = performance.now();
          rows.push(await scenario(config, ids, way, start));
          process.stderr.write(
            `fleet-preload: ${size} ${way} ${start} in ${((performance.now() - t) / 1000).toFixed(1)} s\n`,
          );
        }
      }
    }
  } finally {
    await moto.stop();
  }
  const label = { batch: 'preload (BatchGetSecretValue, SDK)', agent: 'one read per secret via the Agent' };
  return [
    `${N} processes on one host, each warming its secrets at start-up; emulator over real HTTP (wall times are moto's on this machine, not AWS's; calls are exact). A cold Agent stand-in per row; like the Agent (aws_secretsmanager_caching: a read lock, a miss, then a fetch), it does not merge concurrent misses of the same secret.`,
    '',
    '| secrets | way | processes start | API calls reaching AWS | wall time, all processes | per process (median) | failed reads |',
    '|---:|---|---|---:|---:|---:|---|',
    ...rows.map(
      (r) =>
        `| ${r.secrets} | ${label[r.way]} | ${r.start} | ${r.awsCalls} | ${r.wallMs.toFixed(0)} ms | ${r.perProcessMedianMs.toFixed(0)} ms | ${r.failed === 0 ? '0' : `${r.failed} (${r.codes})`} |`,
    ),
  ].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.stdout.write(`${await runFleetPreloadBench()}\n`);
  process.exit(0);
}
