/**
 * Fills the region router's options from the client's `FailoverOptions`, with the defaults of
 * failover/defaults.ts, validating each value.
 */
import { SecretkitError } from '../errors/secretkit-error.js';
import {
  DEFAULT_BREAKER_COOLDOWN_MS,
  DEFAULT_BREAKER_FAILURE_THRESHOLD,
  DEFAULT_HEDGE_AFTER_MS,
  DEFAULT_REGION_TIMEOUT_MS,
} from '../failover/defaults.js';
import type { RegionRouterOptions } from '../failover/types.js';

/** Router options whose tunables may be left out. */
export type PartialRouterOptions = Omit<
  RegionRouterOptions,
  'regionTimeoutMs' | 'hedgeAfterMs' | 'breakerFailureThreshold' | 'breakerCooldownMs'
> & {
  readonly regionTimeoutMs?: number | undefined;
  readonly hedgeAfterMs?: number | undefined;
  readonly breakerFailureThreshold?: number | undefined;
  readonly breakerCooldownMs?: number | undefined;
};

function positive(name: string, value: number | undefined, fallback: number, integer = false): number {
  if (value === undefined) return fallback;
  if (
    typeof value !== 'number' ||
    !Number.isFinite(value) ||
    value <= 0 ||
    (integer && !Number.isInteger(value))
  ) {
    throw new SecretkitError(
      'INVALID_ARGUMENT',
      `${name} must be a positive ${integer ? 'integer' : 'number'}.`,
    );
  }
  return value;
}

/**
 * Validates and fills router options.
 *
 * @throws SecretkitError `INVALID_ARGUMENT` naming the option
 */
export function resolveRouterOptions(options: PartialRouterOptions): RegionRouterOptions {
  const regionTimeoutMs = positive('regionTimeoutMs', options.regionTimeoutMs, DEFAULT_REGION_TIMEOUT_MS);
  const hedge = options.hedgeAfterMs ?? DEFAULT_HEDGE_AFTER_MS;
  return Object.freeze({
    ...options,
    regionTimeoutMs,
    hedgeAfterMs: hedge === undefined ? undefined : positive('hedgeAfterMs', hedge, hedge),
    breakerFailureThreshold: positive(
      'breakerFailureThreshold',
      options.breakerFailureThreshold,
      DEFAULT_BREAKER_FAILURE_THRESHOLD,
      true,
    ),
    breakerCooldownMs: positive('breakerCooldownMs', options.breakerCooldownMs, DEFAULT_BREAKER_COOLDOWN_MS),
  });
}
