/**
 * `failover()` (exported by secretkit/failover): the object that gives a `SecretsClient` replica
 * regions (`failover: failover({ replicaRegions: ['us-west-2'] })`). Everything failover-specific
 * lives behind it: checking the settings, the region router with its circuit breakers and
 * hedging (router.ts, routed-read.ts), and the per-secret replica sets the admin client feeds
 * (replica-sets.ts). The client reaches it only through {@link FAILOVER_PLAN} (plan.ts), so a
 * reader of one region never loads this code.
 */
import {
  checkKnownKeys,
  checkOptionsObject,
  invalidOption,
  MAX_TIMER_MS,
  numberOption,
} from '../options/checks.js';
import { checkRegionName } from '../options/region-name.js';
import {
  DEFAULT_BREAKER_COOLDOWN_MS,
  DEFAULT_BREAKER_FAILURE_THRESHOLD,
  DEFAULT_HEDGE_AFTER_MS,
  type FailoverOptions,
  resolveRouterOptions,
} from './defaults.js';
import { FAILOVER_PLAN, type Failover, type FailoverPlan } from './plan.js';
import { KnownReplicaSets } from './replica-sets.js';
import { createRegionRouter } from './router.js';

const OWNER = 'failover';

const KEYS: ReadonlySet<string> = new Set<keyof FailoverOptions>([
  'replicaRegions',
  'hedgeAfterMs',
  'breakerFailureThreshold',
  'breakerCooldownMs',
]);

/**
 * Region failover for a `SecretsClient`: reads go to the primary region and, on a fault (a
 * timeout, a network error, throttling, a 5xx), to the next healthy replica region. Answers
 * (not found, access denied) surface at once. See docs/multi-region.md.
 *
 * @param options - the replica regions, in failover order, and the breaker and hedging settings
 * @returns an object to pass as the client's `failover` option (it holds no client state)
 * @throws SecretkitError `INVALID_ARGUMENT` naming the option: an unknown key, a bad or repeated
 *   region name, a number out of range (a hedge delay above 2³¹−1 ms)
 *
 * @example
 * ```ts
 * import { SecretsClient } from 'secretkit';
 * import { failover } from 'secretkit/failover';
 *
 * const secrets = new SecretsClient({
 *   region: 'us-east-1',
 *   failover: failover({ replicaRegions: ['us-west-2'] }),
 * });
 * ```
 */
export function failover(options: FailoverOptions): Failover {
  checkOptionsObject(OWNER, options);
  if (options === undefined) {
    throw invalidOption(OWNER, 'replicaRegions', 'an array of region names', undefined);
  }
  checkKnownKeys(OWNER, options, KEYS);
  const given: unknown = options.replicaRegions;
  if (!Array.isArray(given)) {
    throw invalidOption(OWNER, 'replicaRegions', 'an array of region names', given);
  }
  for (const region of given) checkRegionName(region, 'replicaRegions');
  const replicaRegions: readonly string[] = Object.freeze([...(given as string[])]);
  if (new Set(replicaRegions).size !== replicaRegions.length) {
    throw invalidOption(OWNER, 'replicaRegions', 'distinct region names', given);
  }
  const hedgeAfterMs = numberOption(OWNER, 'hedgeAfterMs', options.hedgeAfterMs, DEFAULT_HEDGE_AFTER_MS, {
    min: 0,
    max: MAX_TIMER_MS,
  });
  const breakerFailureThreshold = numberOption(
    OWNER,
    'breakerFailureThreshold',
    options.breakerFailureThreshold,
    DEFAULT_BREAKER_FAILURE_THRESHOLD,
    { min: 1, max: 1_000_000, integer: true },
  );
  const breakerCooldownMs = numberOption(
    OWNER,
    'breakerCooldownMs',
    options.breakerCooldownMs,
    DEFAULT_BREAKER_COOLDOWN_MS,
    { min: 0 },
  );
  const plan: FailoverPlan = Object.freeze({
    replicaRegions,
    createRouter(base: Parameters<FailoverPlan['createRouter']>[0]) {
      // Bounded like the cache: a secret it forgets falls back to the client-wide list.
      const replicaSets = new KnownReplicaSets(base.maxEntries);
      const router = createRegionRouter({
        ...resolveRouterOptions({
          primaryRegion: base.primaryRegion,
          replicaRegions,
          clientFactory: base.clientFactory,
          destroyClient: base.destroyClient,
          regionTimeoutMs: base.regionTimeoutMs,
          hedgeAfterMs,
          breakerFailureThreshold,
          breakerCooldownMs,
          isFault: base.isFault,
          clock: base.clock,
          onEvent: base.onEvent,
        }),
        knownReplicas: replicaSets,
        knownArnOf: base.knownArnOf,
      });
      return { router, replicaSets };
    },
  });
  const made = { kind: 'failover' as const, replicaRegions };
  Object.defineProperty(made, FAILOVER_PLAN, { value: plan });
  return Object.freeze(made) as unknown as Failover;
}
