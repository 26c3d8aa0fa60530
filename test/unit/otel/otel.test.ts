/**
 * secretkit/otel with the real OpenTelemetry SDK and its in-memory exporters: metrics (cache
 * hits/misses/stale, API calls by operation and region, failovers, load latency, rotation
 * steps) and span events on the active span of the read.
 */
import { context } from '@opentelemetry/api';
import {
  AggregationTemporality,
  type DataPoint,
  type Histogram,
  InMemoryMetricExporter,
  MeterProvider,
  PeriodicExportingMetricReader,
} from '@opentelemetry/sdk-metrics';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { instrumentSecretkit, type SecretkitInstrumentation } from 'secretkit/otel';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { failover } from '../../../src/failover/index.js';
import { SecretsClient, type SecretsManagerClientLike } from '../../../src/index.js';
import { type RotationStrategy, runRotation } from '../../../src/rotation/index.js';
import { InMemorySecretsManager } from '../../../src/testing/index.js';
import { TestContextManager } from '../../support/otel-context.js';

const VALUE = 'VALUE-0c4d-planted';
const contextManager = new TestContextManager();

beforeAll(() => {
  context.setGlobalContextManager(contextManager);
});
afterAll(() => {
  context.disable();
});

function otel() {
  const exporter = new InMemoryMetricExporter(AggregationTemporality.CUMULATIVE);
  // A long interval: metrics are collected by forceFlush() only.
  const reader = new PeriodicExportingMetricReader({ exporter, exportIntervalMillis: 3_600_000 });
  const meterProvider = new MeterProvider({ readers: [reader] });
  const spans = new InMemorySpanExporter();
  const tracerProvider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(spans)] });
  return {
    meterProvider,
    tracer: tracerProvider.getTracer('test'),
    spans,
    /** Data points of metric `name`. */
    async points(name: string): Promise<DataPoint<number | Histogram>[]> {
      await reader.forceFlush();
      const last = exporter.getMetrics().at(-1);
      const metric = last?.scopeMetrics.flatMap((s) => s.metrics).find((m) => m.descriptor.name === name);
      return (metric?.dataPoints ?? []) as DataPoint<number | Histogram>[];
    },
    async shutdown() {
      await meterProvider.shutdown();
      await tracerProvider.shutdown();
    },
  };
}

let instrumentation: SecretkitInstrumentation | undefined;
afterEach(() => {
  instrumentation?.disable();
  instrumentation = undefined;
});

describe('secretkit/otel', () => {
  it('records cache, AWS call, failover and load-latency metrics with semantic-convention attributes', async () => {
    const o = otel();
    instrumentation = instrumentSecretkit({ meterProvider: o.meterProvider });
    let now = Date.UTC(2030, 0, 1);
    const clock = { now: () => now };
    const fake = new InMemorySecretsManager({ clock });
    fake.seed({ name: 'prod/db', value: VALUE, replicaRegions: ['us-west-2'] });
    const slow = (client: SecretsManagerClientLike, ms: number): SecretsManagerClientLike => ({
      send: ((command: Parameters<SecretsManagerClientLike['send']>[0], options?: object) => {
        now += ms;
        return client.send(command, options);
      }) as SecretsManagerClientLike['send'],
    });
    const secrets = new SecretsClient({
      client: slow(fake, 40),
      region: 'us-east-1',
      failover: failover({ replicaRegions: ['us-west-2'] }),
      replicaClients: { 'us-west-2': slow(fake.client('us-west-2'), 60) },
      clock,
      random: () => 0,
      ttlMs: 60_000,
    });
    try {
      await secrets.getString('prod/db'); // miss, GetSecretValue in us-east-1 (40 ms)
      await secrets.getString('prod/db'); // hit
      await secrets.getString('prod/db'); // hit
      fake.setOutage('us-east-1', 'server');
      now += 120_000;
      await secrets.getString('prod/db'); // miss, fails in us-east-1, fails over to us-west-2
      fake.setOutage('server');
      now += 120_000;
      await secrets.getString('prod/db'); // stale served
    } finally {
      secrets.close();
    }

    const sum = async (name: string): Promise<number> =>
      (await o.points(name)).reduce((total, p) => total + (p.value as number), 0);
    expect(await sum('secretkit.cache.hits')).toBe(2);
    expect(await sum('secretkit.cache.misses')).toBe(3);
    expect(await sum('secretkit.cache.stale_served')).toBe(1);
    // once in the primary's outage, once more in the full outage (the circuit's cooldown had passed)
    expect(await sum('secretkit.failovers')).toBe(2);

    const calls = await o.points('secretkit.aws.calls');
    const base = { 'rpc.system': 'aws-api', 'rpc.service': 'SecretsManager', 'rpc.method': 'GetSecretValue' };
    expect(calls).toContainEqual(
      expect.objectContaining({ attributes: { ...base, 'cloud.region': 'us-east-1' }, value: 1 }),
    );
    expect(calls).toContainEqual(
      expect.objectContaining({
        attributes: { ...base, 'cloud.region': 'us-east-1', 'error.type': 'InternalServiceError' },
        value: 2,
      }),
    );
    expect(calls).toContainEqual(
      expect.objectContaining({ attributes: { ...base, 'cloud.region': 'us-west-2' }, value: 1 }),
    );

    const durations = await o.points('secretkit.aws.call.duration');
    const west = durations.find((p) => p.attributes['cloud.region'] === 'us-west-2')?.value as Histogram;
    expect(west).toMatchObject({ count: 1, sum: 0.06 });

    // refresh latency: the first load took 40 ms, the failover load 40 + 60 ms
    const loads = await o.points('secretkit.cache.load.duration');
    const ok = loads.find((p) => p.attributes['error.type'] === undefined)?.value as Histogram;
    expect(ok.count).toBe(2);
    expect(ok.sum).toBeCloseTo(0.14, 10);
    expect(await sum('secretkit.circuit.changes')).toBeGreaterThanOrEqual(1);
    await o.shutdown();
  });

  it('adds span events to the span active during the read', async () => {
    const o = otel();
    instrumentation = instrumentSecretkit({ meterProvider: o.meterProvider });
    const fake = new InMemorySecretsManager();
    fake.seed({ name: 'prod/api-key', value: VALUE });
    const secrets = new SecretsClient({ client: fake, region: 'us-east-1' });
    try {
      await o.tracer.startActiveSpan('handle-request', async (span) => {
        await secrets.getString('prod/api-key');
        await secrets.getString('prod/api-key');
        span.end();
      });
    } finally {
      secrets.close();
    }
    const [span] = o.spans.getFinishedSpans();
    expect(span?.events.map((e) => e.name)).toEqual([
      'secretkit.cache.miss',
      'secretkit.aws.call',
      'secretkit.cache.load',
      'secretkit.cache.hit',
    ]);
    expect(span?.events[0]?.attributes).toEqual({ 'secretkit.secret.id': 'prod/api-key' });
    expect(span?.events[1]?.attributes).toMatchObject({
      'rpc.system': 'aws-api',
      'rpc.method': 'GetSecretValue',
      'cloud.region': 'us-east-1',
    });
    expect(JSON.stringify(o.spans.getFinishedSpans().map((s) => s.events))).not.toContain(VALUE);
    await o.shutdown();
  });

  it('records rotation steps, and nothing after disable()', async () => {
    const o = otel();
    instrumentation = instrumentSecretkit({ meterProvider: o.meterProvider, spanEvents: false });
    const fake = new InMemorySecretsManager();
    fake.seed({ name: 'prod/db', json: { password: VALUE } });
    const strategy: RotationStrategy = {
      name: 'test',
      createPendingValue: async () => JSON.stringify({ password: `${VALUE}-2` }),
      setSecret: async () => undefined,
      testSecret: async () => undefined,
    };
    await runRotation(fake, 'prod/db', strategy);
    const steps = await o.points('secretkit.rotation.steps');
    expect(steps.map((p) => p.attributes['secretkit.rotation.step']).sort()).toEqual([
      'createSecret',
      'finishSecret',
      'setSecret',
      'testSecret',
    ]);
    expect(steps.every((p) => p.attributes['secretkit.rotation.outcome'] === 'done')).toBe(true);

    instrumentation.disable();
    const secrets = new SecretsClient({ client: fake, region: 'us-east-1' });
    try {
      await secrets.getJson('prod/db');
    } finally {
      secrets.close();
    }
    expect(await o.points('secretkit.cache.misses')).toEqual([]);
    await o.shutdown();
  });
});
