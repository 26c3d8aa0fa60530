/**
 * Fleet benchmark (issue 13): N = 50 simulated processes reading 20 secrets every simulated
 * 2 seconds for a simulated hour, one secret rotated at minute 30, in four configurations:
 *   sdk    — each process on the SDK transport (today);
 *   agent  — every process through one shared Agent STAND-IN (test/support/agent-standin.ts);
 *   events — SDK transport + Secrets Manager events applied with handleSecretEvent;
 *   budget — SDK transport + maxCallsPerMinute per process.
 * Secrets Manager is secretkit/testing's in-memory fake on the same fake clock, so the hour takes
 * seconds and calls are counted exactly. Reported: AWS API calls per hour, and the simulated
 * time from the rotation to the last process serving the new value (2 s resolution).
 *
 * The event delivery delay is measured apart, in real time, on the emulator's SQS: one event
 * fanned out to 50 queues, 50 subscribers (secretkit/fleet), until the last cache was dropped.
 *
 *   npx tsx bench/fleet.ts
 */
import { pathToFileURL } from 'node:url';
import { PutSecretValueCommand, type SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { CreateQueueCommand, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { startMoto } from '../scripts/lib/moto-server.js';
import {
  agentTransport,
  handleSecretEvent,
  subscribeToSecretEvents,
  transportStats,
} from '../src/fleet/index.js';
import { SecretsClient } from '../src/index.js';
import { InMemorySecretsManager, seededRandom } from '../src/testing/index.js';
import { startAgentStandIn } from '../test/support/agent-standin.js';

const N = 50;
const SECRETS = 20;
const HOUR_S = 3600;
const ROTATE_AT_S = 1800;
/** Each process reads every secret once per STEP_S simulated seconds. */
const STEP_S = 2;
/**
 * For FINE_WINDOW_S after the rotation the processes read every FINE_STEP_MS instead, so
 * "rotation → last process fresh" is resolved to 100 ms where it matters (events), not 2 s.
 */
const FINE_WINDOW_S = 10;
const FINE_STEP_MS = 100;
const BUDGET_PER_MINUTE = 5;
const TOKEN = 'bench-token';

interface Result {
  readonly config: string;
  readonly callsPerHour: number;
  readonly freshAfterS: number | undefined;
  readonly note: string;
}

type Mode = 'sdk' | 'agent' | 'events' | 'budget';

async function simulate(mode: Mode, eventDelayMs: number): Promise<Result> {
  let now = Date.parse('2026-12-02T00:00:00Z');
  const clock = { now: () => now };
  const fake = new InMemorySecretsManager({ clock, seed: 1 });
  const ids = Array.from({ length: SECRETS }, (_, i) => `fleet/s${i}`);
  for (const id of ids) fake.seed({ name: id, value: `${id}@v1` });
  const standIn =
    mode === 'agent'
      ? await startAgentStandIn({
          upstream: fake as unknown as SecretsManagerClient,
          token: TOKEN,
          now: clock.now,
        })
      : undefined;
  const procs = Array.from(
    { length: N },
    (_, i) =>
      new SecretsClient({
        client: fake,
        region: 'us-east-1',
        clock,
        random: seededRandom(i + 1),
        ...(mode === 'agent'
          ? { transport: agentTransport({ endpoint: standIn?.url, token: TOKEN, timeoutMs: 30_000 }) }
          : {}),
        ...(mode === 'budget' ? { maxCallsPerMinute: BUDGET_PER_MINUTE } : {}),
      }),
  );
  // With a budget, cold misses past it fail at once: warm each process with one BatchGetSecretValue.
  if (mode === 'budget') for (const p of procs) await p.preload(ids);
  const rotated = ids[0] as string;
  let arn = '';
  let freshAtMs: number | undefined;
  let errors = 0;
  let reads = 0;
  let eventSent = false;
  const rotateMs = ROTATE_AT_S * 1000;
  for (let t = 0; t < HOUR_S * 1000; ) {
    const step = t >= rotateMs && t < rotateMs + FINE_WINDOW_S * 1000 ? FINE_STEP_MS : STEP_S * 1000;
    t += step;
    now += step;
    if (t === rotateMs) {
      const out = await fake.send(
        new PutSecretValueCommand({ SecretId: rotated, SecretString: `${rotated}@v2` }),
      );
      arn = out.ARN ?? rotated;
    }
    // The event is applied at the first step at or after the measured delivery delay.
    if (mode === 'events' && !eventSent && t >= rotateMs + eventDelayMs) {
      eventSent = true;
      const event = {
        'detail-type': 'AWS API Call via CloudTrail',
        source: 'aws.secretsmanager',
        detail: {
          eventSource: 'secretsmanager.amazonaws.com',
          eventName: 'PutSecretValue',
          requestParameters: { secretId: rotated },
          responseElements: { arn },
        },
      };
      for (const p of procs) handleSecretEvent(p, event);
    }
    // Let I/O run (Agent answers, background refreshes): the processes are simulated in one loop.
    await new Promise((r) => setImmediate(r));
    let freshProcs = 0;
    for (const p of procs) {
      await new Promise((r) => setImmediate(r));
      for (const id of ids) {
        reads += 1;
        try {
          const v = await p.getString(id);
          if (id === rotated && v.endsWith('@v2')) freshProcs += 1;
        } catch {
          errors += 1;
        }
      }
    }
    if (t >= rotateMs && freshAtMs === undefined && freshProcs === N) freshAtMs = t - rotateMs;
  }
  const awsCalls =
    fake.calls('GetSecretValue') + fake.calls('BatchGetSecretValue') + fake.calls('DescribeSecret');
  const fallbacks = procs.reduce((a, p) => a + (transportStats(p)?.sdkCalls ?? 0), 0);
  const reasons: Record<string, number> = {};
  for (const p of procs) {
    for (const [k, v] of Object.entries(transportStats(p)?.fallbacks ?? {}))
      reasons[k] = (reasons[k] ?? 0) + (v ?? 0);
  }
  for (const p of procs) p.close();
  await standIn?.close();
  const notes: Record<Mode, string> = {
    sdk: 'each process refreshes each secret once per TTL (5 min)',
    agent: `upstream calls by the one Agent (TTL 5 min); ${fallbacks} SDK calls (fallbacks ${JSON.stringify(reasons)}); staleness adds the client TTL and the Agent TTL`,
    events: `+ events applied ${(eventDelayMs / 1000).toFixed(1)} s after the put (measured delivery, below); SQS long polls are billed by SQS, not here`,
    budget: `${BUDGET_PER_MINUTE} calls/min per process, preload at start; ${errors} of ${reads} reads failed closed (THROTTLED past maxStaleMs)`,
  };
  return {
    config: mode,
    callsPerHour: awsCalls,
    freshAfterS: freshAtMs === undefined ? undefined : freshAtMs / 1000,
    note: notes[mode],
  };
}

/** Real time from sending one event (to 50 queues) to the last of 50 subscribers applying it. */
interface Delivery {
  /** First send started → last subscriber applied the event. */
  readonly ms: number;
  /** Per queue: its SendMessage acknowledged → its subscriber applied the event (median, max). */
  readonly perQueueMedianMs: number;
  readonly perQueueMaxMs: number;
  /** First send started → last SendMessage acknowledged (the fan-out, done by SNS in production). */
  readonly sendsMs: number;
  readonly polls: number;
}

async function measureEventDelivery(): Promise<Delivery> {
  const moto = await startMoto();
  const config = {
    region: 'us-east-1',
    endpoint: moto.endpoint,
    credentials: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'test' },
    maxAttempts: 1,
  };
  const sqs = new SQSClient(config);
  try {
    const urls: string[] = [];
    for (let i = 0; i < N; i += 1) {
      urls.push((await sqs.send(new CreateQueueCommand({ QueueName: `fleet-${i}` }))).QueueUrl as string);
    }
    const clients = urls.map(() => new SecretsClient({ region: 'us-east-1', clientConfig: config }));
    const applied = new Set<number>();
    const appliedAt: number[] = [];
    const sentAt: number[] = [];
    let allApplied: () => void = () => {};
    const done = new Promise<void>((r) => {
      allApplied = r;
    });
    const subs = urls.map((url, i) =>
      subscribeToSecretEvents({
        queueUrl: url,
        clients: clients[i] as SecretsClient,
        sqs: config,
        waitTimeSeconds: 20,
        onEvent: (r) => {
          if (r.outcome === 'applied' && !applied.has(i)) {
            applied.add(i);
            appliedAt[i] = performance.now();
          }
          if (applied.size === N) allApplied();
        },
      }),
    );
    await new Promise((r) => setTimeout(r, 1500)); // every subscriber is in its long poll
    const body = JSON.stringify({
      'detail-type': 'AWS Service Event via CloudTrail',
      source: 'aws.secretsmanager',
      detail: {
        eventSource: 'secretsmanager.amazonaws.com',
        eventName: 'RotationSucceeded',
        additionalEventData: {
          SecretId: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:fleet/s0-AbCdEf',
        },
      },
    });
    const started = performance.now();
    await Promise.all(
      urls.map(async (url, i) => {
        await sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: body }));
        sentAt[i] = performance.now();
      }),
    );
    const sendsMs = Math.max(...sentAt) - started;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([done, new Promise<void>((r) => (timer = setTimeout(r, 60_000)))]);
    clearTimeout(timer);
    const ms = applied.size === N ? Math.max(...appliedAt) - started : Number.NaN;
    // The subscriber can apply an event before the sender has read SendMessage's answer: clamp at 0.
    const perQueue = appliedAt.map((at, i) => Math.max(0, at - (sentAt[i] ?? at))).sort((a, b) => a - b);
    process.stderr.write(`fleet: delivery to ${applied.size}/${N} subscribers\n`);
    const polls = subs.reduce((a, s) => a + s.stats().polls, 0);
    await Promise.all(subs.map((s) => s.close()));
    for (const c of clients) c.close();
    return {
      ms,
      perQueueMedianMs: perQueue[perQueue.length >> 1] ?? Number.NaN,
      perQueueMaxMs: perQueue.at(-1) ?? Number.NaN,
      sendsMs,
      polls,
    };
  } finally {
    sqs.destroy();
    await moto.stop();
  }
}

/** Runs the fleet benchmark and returns a markdown section. */
export async function runFleetBench(): Promise<string> {
  const delivery = process.env['FLEET_SKIP_SQS']
    ? {
        ms: Number.NaN,
        perQueueMedianMs: Number.NaN,
        perQueueMaxMs: Number.NaN,
        sendsMs: Number.NaN,
        polls: 0,
      }
    : await measureEventDelivery();
  // The simulation applies the event after the whole measured delivery (fan-out included).
  const delayMs = Number.isNaN(delivery.ms) ? 2_000 : Math.ceil(delivery.ms);
  const results: Result[] = [];
  const only = process.env['FLEET_ONLY'];
  for (const mode of ['sdk', 'agent', 'events', 'budget'] as const) {
    if (only && only !== mode) continue;
    const t = performance.now();
    results.push(await simulate(mode, delayMs));
    process.stderr.write(`fleet: ${mode} simulated in ${((performance.now() - t) / 1000).toFixed(1)} s\n`);
  }
  const base = results[0]?.callsPerHour ?? 1;
  const rows = results.map(
    (r) =>
      `| ${r.config} | ${r.callsPerHour} | ${(r.callsPerHour / base).toFixed(3)} | ${r.freshAfterS === undefined ? 'never within the hour' : `${r.freshAfterS.toFixed(1)} s`} | ${r.note} |`,
  );
  return [
    `${N} processes × ${SECRETS} secrets, each read every ${STEP_S} simulated seconds for 1 h; one secret rotated at 30 min. Defaults otherwise (TTL 5 min, jitter 0.1).`,
    '',
    '| configuration | AWS API calls / hour | vs sdk | rotation → last process fresh | notes |',
    '|---|---:|---:|---:|---|',
    ...rows,
    '',
    `Event delivery on the emulator's SQS (real time): one event sent to ${N} queues, ${N} subscribers long-polling: last cache dropped ${delivery.ms.toFixed(0)} ms after the first send began (used as ${(delayMs / 1000).toFixed(1)} s in the simulation; EventBridge's own delivery delay is not included). Of that, the ${N} concurrent SendMessage calls (the fan-out SNS does in production) took ${delivery.sendsMs.toFixed(0)} ms to be acknowledged; per queue, from its SendMessage acknowledged to its subscriber's cache dropped: median ${delivery.perQueueMedianMs.toFixed(0)} ms, max ${delivery.perQueueMaxMs.toFixed(0)} ms. ${delivery.polls} receive calls in all.`,
  ].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.stdout.write(`${await runFleetBench()}\n`);
  process.exit(0);
}
