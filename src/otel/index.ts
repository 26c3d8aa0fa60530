/**
 * `secretkit/otel`: OpenTelemetry metrics and span events for every SecretsClient and rotation
 * in the process. It subscribes to secretkit's diagnostics channels, so it needs no reference to
 * a client and sees the ESM and CommonJS copies of secretkit alike. Requires `@opentelemetry/api`
 * (an optional peer of secretkit; the root entry never imports it). See docs/observability.md.
 *
 * @packageDocumentation
 */
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { type Attributes, type MeterProvider, metrics, trace } from '@opentelemetry/api';
import {
  type AwsCallMessage,
  type CacheLoadMessage,
  type CacheReadMessage,
  type CacheRefreshMessage,
  type CacheStaleMessage,
  type CircuitMessage,
  DIAGNOSTICS_CHANNELS,
  type FailoverMessage,
  type RegionFailureMessage,
  type RotationStepMessage,
} from '../observe/channels.js';
import { VERSION } from '../version.js';
import {
  AWS_API,
  CLOUD_REGION,
  ERROR_TYPE,
  RPC_METHOD,
  RPC_SERVICE,
  RPC_SYSTEM,
  SECRET_ID,
  SECRETS_MANAGER,
} from './attributes.js';

/** Options of {@link instrumentSecretkit}. */
export interface SecretkitInstrumentationOptions {
  /** Where the instruments come from. @defaultValue the global meter provider (`metrics.getMeterProvider()`) */
  readonly meterProvider?: MeterProvider | undefined;
  /** Add span events (cache hit/miss/stale/load, AWS calls, failover) to the active span. @defaultValue true */
  readonly spanEvents?: boolean | undefined;
}

/** A running instrumentation. */
export interface SecretkitInstrumentation {
  /** Stops recording (unsubscribes from every channel). Idempotent. */
  disable(): void;
}

const seconds = (ms: number): number => ms / 1000;

/**
 * Records secretkit metrics (and span events on the active span) from now on, for every client.
 * Call it once, after the OpenTelemetry SDK has registered its providers (or pass `meterProvider`).
 *
 * Metrics: `secretkit.cache.hits`, `secretkit.cache.misses`, `secretkit.cache.stale_served`,
 * `secretkit.cache.refreshes`, `secretkit.cache.load.duration` (s; refresh latency),
 * `secretkit.aws.calls` and `secretkit.aws.call.duration` (s; by `rpc.method` and `cloud.region`),
 * `secretkit.region.failures`, `secretkit.failovers`, `secretkit.circuit.changes`,
 * `secretkit.rotation.steps` and `secretkit.rotation.step.duration` (s).
 *
 * @param options - meter provider, span events on or off
 * @returns a handle whose `disable()` stops recording
 * @example
 * ```ts
 * import { instrumentSecretkit } from 'secretkit/otel';
 * instrumentSecretkit(); // after sdk.start()
 * ```
 */
export function instrumentSecretkit(options: SecretkitInstrumentationOptions = {}): SecretkitInstrumentation {
  const provider = options.meterProvider ?? metrics.getMeterProvider();
  const meter = provider.getMeter('secretkit', VERSION);
  const spanEvents = options.spanEvents ?? true;
  const event = (name: string, attributes: Attributes): void => {
    if (spanEvents) trace.getActiveSpan()?.addEvent(name, attributes);
  };

  const hits = meter.createCounter('secretkit.cache.hits', {
    description: 'Reads answered from the cache',
    unit: '{hit}',
  });
  const misses = meter.createCounter('secretkit.cache.misses', {
    description: 'Reads that found no usable value and waited for a load',
    unit: '{miss}',
  });
  const stale = meter.createCounter('secretkit.cache.stale_served', {
    description: 'Reads answered with the last good value because AWS failed',
    unit: '{read}',
  });
  const refreshes = meter.createCounter('secretkit.cache.refreshes', {
    description: 'Loads of a key that had a value (background: refresh-ahead or stale-while-revalidate)',
    unit: '{refresh}',
  });
  const loadDuration = meter.createHistogram('secretkit.cache.load.duration', {
    description: 'Duration of cache loads (first loads and refreshes, failover included)',
    unit: 's',
  });
  const calls = meter.createCounter('secretkit.aws.calls', {
    description: 'AWS API calls made by secretkit',
    unit: '{call}',
  });
  const callDuration = meter.createHistogram('secretkit.aws.call.duration', {
    description: 'Duration of AWS API calls made by secretkit',
    unit: 's',
  });
  const regionFailures = meter.createCounter('secretkit.region.failures', {
    description: 'Attempts in one region that failed with a fault',
    unit: '{failure}',
  });
  const failovers = meter.createCounter('secretkit.failovers', {
    description: 'Reads that moved on to the next region',
    unit: '{failover}',
  });
  const circuitChanges = meter.createCounter('secretkit.circuit.changes', {
    description: 'Region circuit breaker transitions (secretkit.circuit.state: open or closed)',
    unit: '{change}',
  });
  const rotationSteps = meter.createCounter('secretkit.rotation.steps', {
    description: 'Rotation steps run by the rotation framework',
    unit: '{step}',
  });
  const rotationDuration = meter.createHistogram('secretkit.rotation.step.duration', {
    description: 'Duration of rotation steps',
    unit: 's',
  });

  const withError = (attributes: Attributes, errorType: string | undefined): Attributes =>
    errorType === undefined ? attributes : { ...attributes, [ERROR_TYPE]: errorType };

  const listeners: Record<string, (message: unknown) => void> = {
    [DIAGNOSTICS_CHANNELS.cacheHit]: (message) => {
      hits.add(1);
      event('secretkit.cache.hit', { [SECRET_ID]: (message as CacheReadMessage).secretId });
    },
    [DIAGNOSTICS_CHANNELS.cacheMiss]: (message) => {
      misses.add(1);
      event('secretkit.cache.miss', { [SECRET_ID]: (message as CacheReadMessage).secretId });
    },
    [DIAGNOSTICS_CHANNELS.cacheStale]: (message) => {
      const m = message as CacheStaleMessage;
      stale.add(1, { [ERROR_TYPE]: m.errorType });
      event('secretkit.cache.stale', { [SECRET_ID]: m.secretId, 'secretkit.stale.age_ms': m.ageMs });
    },
    [DIAGNOSTICS_CHANNELS.cacheRefresh]: (message) => {
      refreshes.add(1, { 'secretkit.refresh.background': (message as CacheRefreshMessage).background });
    },
    [DIAGNOSTICS_CHANNELS.cacheLoad]: (message) => {
      const m = message as CacheLoadMessage;
      loadDuration.record(seconds(m.durationMs), withError({}, m.errorType));
      event(
        'secretkit.cache.load',
        withError({ [SECRET_ID]: m.secretId, 'secretkit.duration_ms': m.durationMs }, m.errorType),
      );
    },
    [DIAGNOSTICS_CHANNELS.awsCall]: (message) => {
      const m = message as AwsCallMessage;
      const attributes = withError(
        {
          [RPC_SYSTEM]: AWS_API,
          [RPC_SERVICE]: SECRETS_MANAGER,
          [RPC_METHOD]: m.operation,
          [CLOUD_REGION]: m.region,
        },
        m.errorType,
      );
      calls.add(1, attributes);
      callDuration.record(seconds(m.durationMs), attributes);
      event('secretkit.aws.call', { ...attributes, 'secretkit.duration_ms': m.durationMs });
    },
    [DIAGNOSTICS_CHANNELS.regionFailure]: (message) => {
      const m = message as RegionFailureMessage;
      regionFailures.add(1, { [CLOUD_REGION]: m.region, [ERROR_TYPE]: m.errorType });
    },
    [DIAGNOSTICS_CHANNELS.failover]: (message) => {
      const m = message as FailoverMessage;
      failovers.add(1, { [CLOUD_REGION]: m.from, 'secretkit.failover.to': m.to });
      event('secretkit.failover', { [CLOUD_REGION]: m.from, 'secretkit.failover.to': m.to });
    },
    [DIAGNOSTICS_CHANNELS.circuit]: (message) => {
      const m = message as CircuitMessage;
      circuitChanges.add(1, { [CLOUD_REGION]: m.region, 'secretkit.circuit.state': m.state });
    },
    [DIAGNOSTICS_CHANNELS.rotationStep]: (message) => {
      const m = message as RotationStepMessage;
      const attributes = withError(
        {
          'secretkit.rotation.step': m.step,
          'secretkit.rotation.outcome': m.outcome,
          'secretkit.rotation.strategy': m.strategy,
        },
        m.errorType,
      );
      rotationSteps.add(1, attributes);
      rotationDuration.record(seconds(m.durationMs), attributes);
      event('secretkit.rotation.step', { ...attributes, [SECRET_ID]: m.secretId });
    },
  };

  for (const [name, listener] of Object.entries(listeners)) subscribe(name, listener);
  let enabled = true;
  return {
    disable() {
      if (!enabled) return;
      enabled = false;
      for (const [name, listener] of Object.entries(listeners)) unsubscribe(name, listener);
    },
  };
}
