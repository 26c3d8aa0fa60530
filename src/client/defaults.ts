/**
 * `DEFAULTS`: every default of secretkit's reader in one frozen object (the constants live
 * with their folders, each with its reason: cache/defaults.ts, failover/defaults.ts,
 * client/preload.ts, sdk/send.ts).
 */
import {
  DEFAULT_BACKOFF_BASE_MS,
  DEFAULT_BACKOFF_MAX_MS,
  DEFAULT_JITTER_RATIO,
  DEFAULT_MAX_ENTRIES,
  DEFAULT_MAX_STALE_MS,
  DEFAULT_NOT_FOUND_TTL_MS,
  DEFAULT_REFRESH_AHEAD_RATIO,
  DEFAULT_STALE_WHILE_REVALIDATE_MS,
  DEFAULT_TTL_MS,
} from '../cache/defaults.js';
import {
  DEFAULT_BREAKER_COOLDOWN_MS,
  DEFAULT_BREAKER_FAILURE_THRESHOLD,
  DEFAULT_REGION_TIMEOUT_MS,
} from '../failover/defaults.js';
import { DEFAULT_CALL_TIMEOUT_MS } from '../sdk/send.js';

/** The defaults of every option, and the API limits secretkit works within. See docs/caching.md. */
export const DEFAULTS = Object.freeze({
  /** The staging label every read uses unless told otherwise. */
  versionStage: 'AWSCURRENT',
  /** Freshness of a cached value (5 minutes). */
  ttlMs: DEFAULT_TTL_MS,
  /** Expiry pulled earlier by up to this fraction of the TTL. */
  jitterRatio: DEFAULT_JITTER_RATIO,
  /** A hit in this last fraction of the TTL refreshes in the background. */
  refreshAheadRatio: DEFAULT_REFRESH_AHEAD_RATIO,
  /** Stale-while-revalidate window past expiry. */
  staleWhileRevalidateMs: DEFAULT_STALE_WHILE_REVALIDATE_MS,
  /** How long past expiry a value may be served while AWS is failing. */
  maxStaleMs: DEFAULT_MAX_STALE_MS,
  /** How long a NOT_FOUND answer is remembered. */
  notFoundTtlMs: DEFAULT_NOT_FOUND_TTL_MS,
  /** First backoff after a failed refresh. */
  backoffBaseMs: DEFAULT_BACKOFF_BASE_MS,
  /** Backoff cap. */
  backoffMaxMs: DEFAULT_BACKOFF_MAX_MS,
  /** Most entries kept (LRU). */
  maxEntries: DEFAULT_MAX_ENTRIES,
  /** Deadline of one read attempt in one region, SDK retries included. */
  regionTimeoutMs: DEFAULT_REGION_TIMEOUT_MS,
  /** Faults in a row that open a region's circuit. */
  breakerFailureThreshold: DEFAULT_BREAKER_FAILURE_THRESHOLD,
  /** How long an open circuit skips its region. */
  breakerCooldownMs: DEFAULT_BREAKER_COOLDOWN_MS,
  /** Deadline of an admin or rotation call, SDK retries included. */
  callTimeoutMs: DEFAULT_CALL_TIMEOUT_MS,
  /** Ids per BatchGetSecretValue call (the API's limit). */
  batchSize: 20,
  /** BatchGetSecretValue calls in flight at once during `preload`. */
  batchConcurrency: 5,
} as const);
