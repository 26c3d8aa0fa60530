/**
 * Defaults of the region router, each with its reason. docs/multi-region.md explains them for
 * users; `failover()` (failover.ts) fills `RegionRouterOptions` from `FailoverOptions` with these.
 */
import { MAX_TIMER_MS, numberOption } from '../options/checks.js';
import type { RegionRouterOptions } from './types.js';

/**
 * Deadline of one attempt in one region (the SDK's own retries included): 3 s.
 *
 * GetSecretValue answers in tens of milliseconds in-region and its p99 is well under 1 s; a
 * first call also pays DNS, TLS and credential resolution, and the SDK may retry a throttled
 * or 5xx call once or twice with backoff inside the same attempt. 3 s leaves room for all of
 * that, while a black-holed region (accepts the connection, never answers) costs one bounded
 * wait instead of the SDK's default socket timeouts (none by default on Node).
 */
export const DEFAULT_REGION_TIMEOUT_MS = 3_000;

/**
 * Faults in a row that open a region's circuit: 1.
 *
 * A fault that reaches the router has already outlived the SDK's own retries or used a whole
 * deadline, so it is not a blip. Reads are cached, so calls to AWS are rare (one per secret
 * per TTL): a threshold of several failures would take minutes to trip, and every failure
 * before it costs a read up to `regionTimeoutMs`. A wrongly opened circuit only sends reads
 * to an in-sync replica for one cool-down.
 */
export const DEFAULT_BREAKER_FAILURE_THRESHOLD = 1;

/**
 * How long an open circuit skips its region before one half-open probe: 30 s.
 *
 * The same as Envoy's outlier-detection base ejection time. Long enough that a region in an
 * outage costs at most one slow read per 30 s (the probe), short enough that reads return to
 * the primary within half a minute of its recovery.
 */
export const DEFAULT_BREAKER_COOLDOWN_MS = 30_000;

/** Hedging is off by default: it doubles the calls (and the cost) of every slow read. */
export const DEFAULT_HEDGE_AFTER_MS: number | undefined = undefined;

/** {@link RegionRouterOptions} with the tunables optional (filled by {@link resolveRouterOptions}). */
export type RouterOptionsInput = Omit<
  RegionRouterOptions,
  'replicaRegions' | 'regionTimeoutMs' | 'hedgeAfterMs' | 'breakerFailureThreshold' | 'breakerCooldownMs'
> & {
  readonly replicaRegions?: readonly string[] | undefined;
  readonly regionTimeoutMs?: number | undefined;
  readonly hedgeAfterMs?: number | undefined;
  readonly breakerFailureThreshold?: number | undefined;
  readonly breakerCooldownMs?: number | undefined;
};

const OWNER = 'Failover';

/**
 * Validates the router's tunables, fills the defaults above and freezes the result. Regions
 * are validated once, by the client's options resolver (client/options.ts), not here.
 *
 * @param input - router options with optional tunables (e.g. from `FailoverOptions`)
 * @throws SecretkitError `INVALID_ARGUMENT` naming the option (`details.option`): a deadline
 *   or hedge delay above {@link MAX_TIMER_MS} would be clamped by Node to 1 ms
 */
export function resolveRouterOptions(input: RouterOptionsInput): RegionRouterOptions {
  const timer = { min: 0, exclusiveMin: true, max: MAX_TIMER_MS } as const;
  return Object.freeze({
    ...input,
    replicaRegions: Object.freeze([...(input.replicaRegions ?? [])]),
    regionTimeoutMs: numberOption(
      OWNER,
      'regionTimeoutMs',
      input.regionTimeoutMs,
      DEFAULT_REGION_TIMEOUT_MS,
      timer,
    ),
    hedgeAfterMs: numberOption(OWNER, 'hedgeAfterMs', input.hedgeAfterMs, DEFAULT_HEDGE_AFTER_MS, {
      min: 0,
      max: MAX_TIMER_MS,
    }),
    breakerFailureThreshold: numberOption(
      OWNER,
      'breakerFailureThreshold',
      input.breakerFailureThreshold,
      DEFAULT_BREAKER_FAILURE_THRESHOLD,
      { min: 1, max: 1_000_000, integer: true },
    ),
    breakerCooldownMs: numberOption(
      OWNER,
      'breakerCooldownMs',
      input.breakerCooldownMs,
      DEFAULT_BREAKER_COOLDOWN_MS,
      {
        min: 0,
      },
    ),
  });
}

/** Options of `failover()` (secretkit/failover); see docs/multi-region.md. */
export interface FailoverOptions {
  /** Regions holding replicas, tried in order after the primary. */
  readonly replicaRegions: readonly string[];
  /** Ask the next region too when the primary has not answered by then, at most 2³¹−1. @defaultValue undefined (off) */
  readonly hedgeAfterMs?: number | undefined;
  /** Faults in a row that open a region's circuit. @defaultValue 1 */
  readonly breakerFailureThreshold?: number | undefined;
  /** How long an open circuit skips a region before a half-open probe. @defaultValue 30_000 */
  readonly breakerCooldownMs?: number | undefined;
}

/** The names of {@link FailoverOptions}: `SecretsClient` options in 0.1, `failover()`'s since 0.2. */
export const FAILOVER_OPTION_KEYS: readonly (keyof FailoverOptions)[] = [
  'replicaRegions',
  'hedgeAfterMs',
  'breakerFailureThreshold',
  'breakerCooldownMs',
];
