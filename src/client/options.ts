/**
 * The one options resolver of {@link SecretsClient}: validates every option (unknown keys
 * included), resolves regions once and the clock once, and returns one frozen object that the
 * rest of the client reads. Cache tunables are validated by their folder's resolver
 * (cache/defaults.ts), called from here; failover's by `failover()` (failover/failover.ts),
 * whose object the `failover` option takes.
 */
import { secretNamesOf } from '../arn/secret-arn.js';
import { CACHE_OPTION_KEYS, resolveCacheOptions } from '../cache/defaults.js';
import type { CacheEngineOptions, CacheEvent } from '../cache/types.js';
import { isFault } from '../errors/classify.js';
import { compactError } from '../errors/compact.js';
import { isSecretkitError } from '../errors/secretkit-error.js';
import { DEFAULT_REGION_TIMEOUT_MS, FAILOVER_OPTION_KEYS } from '../failover/defaults.js';
import { type FailoverPlan, failoverPlan } from '../failover/plan.js';
import { channels } from '../observe/channels.js';
import {
  checkKnownKeys,
  checkOptionsObject,
  functionOption,
  invalidOption,
  MAX_TIMER_MS,
  numberOption,
  replacedOption,
} from '../options/checks.js';
import { transportPlanner } from '../transport/select.js';
import { type RegionClients, resolveRegionClients } from './regions.js';
import type { SecretkitEvent, SecretkitLogger, SecretsClientOptions } from './types.js';

const OWNER = 'SecretsClient';

/** The channel of each hot cache event (see CacheEngineOptions.listens). */
const HOT_CHANNELS = {
  hit: channels.cacheHit,
  miss: channels.cacheMiss,
  refresh: channels.cacheRefresh,
  loaded: channels.cacheLoad,
  evict: channels.cacheEvict,
} as const;

/** Every option name of {@link SecretsClientOptions}. */
export const CLIENT_OPTION_KEYS: ReadonlySet<string> = new Set<string>([
  'client',
  'replicaClients',
  'clientConfig',
  'regionClientConfig',
  'region',
  'onEvent',
  'logger',
  'clock',
  'random',
  // transport/ (#13): `transport` checked here, the budget by createTransport
  'transport',
  'maxCallsPerMinute',
  'regionTimeoutMs',
  'failover',
  ...CACHE_OPTION_KEYS,
]);

/** What the client reads after construction. Frozen. */
export interface ResolvedClientOptions {
  /** Cache engine options (events go to `emit`). */
  readonly cache: CacheEngineOptions;
  /** The regions and the client factory (replica regions from `failover`). */
  readonly regions: RegionClients;
  /** Deadline of one read attempt in one region. */
  readonly regionTimeoutMs: number;
  /** The `failover` object's plan, when the option is set. */
  readonly failover: FailoverPlan | undefined;
  /** The user's event listener, if any. */
  readonly onEvent: ((event: SecretkitEvent) => void) | undefined;
  /** The user's logger, if any. */
  readonly logger: SecretkitLogger | undefined;
}

/**
 * `transport`: `'sdk'`, undefined, or an object made by `agentTransport()` (secretkit/fleet).
 * The 0.1 forms (`transport: 'agent' | 'auto'`, the `agent` option) say what to write instead.
 */
function checkTransport(options: SecretsClientOptions): void {
  const transport: unknown = options.transport;
  const old = 'agent' in options ? 'agent' : transport === 'agent' || transport === 'auto' ? 'transport' : '';
  if (old !== '') {
    throw replacedOption(
      OWNER,
      old,
      old === 'agent' ? 'agent' : `transport: '${transport}'`,
      "use `transport: agentTransport()` from 'secretkit/fleet' (it takes the Agent settings and mode: 'auto')",
    );
  }
  if (transport !== undefined && transport !== 'sdk' && transportPlanner(transport) === undefined) {
    throw invalidOption(OWNER, 'transport', "'sdk' or made by agentTransport() (secretkit/fleet)", transport);
  }
}

/**
 * `failover`: an object made by `failover()` (secretkit/failover). The options it took were
 * `SecretsClient`'s own in 0.1; they say what to write instead.
 */
function checkFailover(options: SecretsClientOptions): FailoverPlan | undefined {
  for (const key of FAILOVER_OPTION_KEYS) {
    if (key in options) {
      throw replacedOption(
        OWNER,
        key,
        key,
        `pass \`failover: failover({ ${key}, … })\` from 'secretkit/failover' (see docs/migrating.md)`,
      );
    }
  }
  const given: unknown = options.failover;
  if (given === undefined) return undefined;
  const plan = failoverPlan(given);
  if (plan === undefined) {
    throw invalidOption(OWNER, 'failover', 'made by failover() (secretkit/failover)', given);
  }
  return plan;
}

function checkLogger(logger: unknown): SecretkitLogger | undefined {
  if (logger === undefined) return undefined;
  if (typeof logger !== 'object' || logger === null) {
    throw invalidOption(OWNER, 'logger', 'an object with debug/info/warn/error methods', logger);
  }
  for (const level of ['debug', 'info', 'warn', 'error'] as const) {
    const method = (logger as Record<string, unknown>)[level];
    if (method !== undefined && typeof method !== 'function') {
      throw invalidOption(OWNER, `logger.${level}`, 'a function', method);
    }
  }
  return logger as SecretkitLogger;
}

/**
 * Validates and resolves the options of a {@link SecretsClient}.
 *
 * @param input - what the caller passed
 * @param emit - the client's one event fan-out (cache and router events go there)
 * @throws SecretkitError `INVALID_ARGUMENT` naming the option (`details.option`): unknown keys,
 *   out-of-range numbers, timers above 2³¹−1 ms, bad regions, conflicting client sources, a
 *   `transport` that is neither 'sdk' nor made by `agentTransport()`
 */
export function resolveClientOptions(
  input: SecretsClientOptions | undefined,
  emit: (event: SecretkitEvent) => void,
): ResolvedClientOptions {
  checkOptionsObject(OWNER, input);
  const options: SecretsClientOptions = input ?? {};
  checkTransport(options); // before the key check: a 0.1 `agent` option gets its own message
  const failover = checkFailover(options); // before it too: the 0.1 failover options
  checkKnownKeys(OWNER, options, CLIENT_OPTION_KEYS);
  const onEvent = functionOption<((event: SecretkitEvent) => void) | undefined>(
    OWNER,
    'onEvent',
    options.onEvent,
    undefined,
  );
  const logger = checkLogger(options.logger);
  // The clock and randomness are defaulted here, once; the cache resolver checks their shape.
  const clock = options.clock ?? { now: Date.now };
  const random = options.random ?? Math.random;
  const cache = resolveCacheOptions({
    ttlMs: options.ttlMs,
    jitterRatio: options.jitterRatio,
    refreshAheadRatio: options.refreshAheadRatio,
    staleWhileRevalidateMs: options.staleWhileRevalidateMs,
    maxStaleMs: options.maxStaleMs,
    notFoundTtlMs: options.notFoundTtlMs,
    backoffBaseMs: options.backoffBaseMs,
    backoffMaxMs: options.backoffMaxMs,
    maxEntries: options.maxEntries,
    maxBytes: options.maxBytes,
    clock,
    random,
    isFault,
    isNotFound: (error: unknown) => isSecretkitError(error, 'NOT_FOUND'),
    compactError,
    namesOf: secretNamesOf,
    onEvent: (event: CacheEvent) => emit(event),
    // Hit, miss, refresh, loaded and evict events go to onEvent and their channels only (the
    // logger skips them): without onEvent, they are built only when their channel has subscribers.
    listens: onEvent === undefined ? (type) => HOT_CHANNELS[type].hasSubscribers : undefined,
  });
  const regions = resolveRegionClients({
    ...options,
    replicaRegions: failover?.replicaRegions,
  } as Parameters<typeof resolveRegionClients>[0]);
  const regionTimeoutMs = numberOption(
    OWNER,
    'regionTimeoutMs',
    options.regionTimeoutMs,
    DEFAULT_REGION_TIMEOUT_MS,
    { min: 0, exclusiveMin: true, max: MAX_TIMER_MS },
  );
  return Object.freeze({ cache, regions, regionTimeoutMs, failover, onEvent, logger });
}
