/**
 * The only backoff maths of the cache: exponential from a base, capped, with jitter between
 * half the wait and the whole wait (like AWS's Java caching client). Every unit is milliseconds.
 */

/** Backoff parameters, in milliseconds. */
export interface BackoffPolicy {
  /** Wait after the first failure (before jitter). */
  readonly backoffBaseMs: number;
  /** Cap of the wait (before jitter). */
  readonly backoffMaxMs: number;
}

/**
 * The un-jittered wait after `failures` consecutive failures: `base * 2^(failures - 1)`,
 * capped at `backoffMaxMs`.
 *
 * @param failures - consecutive failures so far (1 for the first)
 * @param policy - base and cap
 * @returns the wait in milliseconds (0 when `failures < 1`)
 */
export function backoffCeilingMs(failures: number, policy: BackoffPolicy): number {
  if (failures < 1) return 0;
  // 2 ** 1024 is Infinity, which Math.min caps: no overflow to worry about.
  return Math.min(policy.backoffMaxMs, policy.backoffBaseMs * 2 ** (failures - 1));
}

/**
 * The jittered wait after `failures` consecutive failures: uniformly between half the
 * {@link backoffCeilingMs} and all of it, so clients that failed together retry apart.
 *
 * @param failures - consecutive failures so far (1 for the first)
 * @param policy - base and cap
 * @param random - randomness in [0, 1)
 * @returns the wait in milliseconds
 */
export function backoffDelayMs(failures: number, policy: BackoffPolicy, random: () => number): number {
  const ceiling = backoffCeilingMs(failures, policy);
  return ceiling / 2 + random() * (ceiling / 2);
}
