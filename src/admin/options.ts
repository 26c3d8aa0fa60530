/**
 * Options of {@link SecretsAdmin} and their resolver: validated once (unknown keys included),
 * frozen, read by the admin client.
 */
import type { CoherentReader } from '../client/cache-hook.js';
import { type RegionClients, resolveRegionClients } from '../client/regions.js';
import type { ApiCallEvent, ClientSource } from '../client/types.js';
import {
  checkKnownKeys,
  checkOptionsObject,
  functionOption,
  invalidOption,
  MAX_TIMER_MS,
  numberOption,
} from '../options/checks.js';
import { DEFAULT_CALL_TIMEOUT_MS } from '../sdk/send.js';

/** Options of {@link SecretsAdmin}. */
export type SecretsAdminOptions = ClientSource & {
  /** Primary region (writes go there). @defaultValue `clientConfig.region`, else `AWS_REGION` / `AWS_DEFAULT_REGION`, else the SDK's own resolution */
  readonly region?: string | undefined;
  /** Regions holding replicas (with `client`, give `replicaClients` for each). @defaultValue [] */
  readonly replicaRegions?: readonly string[] | undefined;
  /** Deadline of each AWS call, the SDK's own retries included, at most 2³¹−1. @defaultValue 10_000 */
  readonly timeoutMs?: number | undefined;
  /**
   * Readers whose caches stay coherent: after a write the secret's cached values are dropped,
   * and rotation dates learned from describe/list cap their freshness. Pass your `SecretsClient`.
   * @defaultValue []
   */
  readonly readers?: readonly CoherentReader[] | undefined;
  /** Receives one event per AWS call. Never given values. */
  readonly onEvent?: ((event: ApiCallEvent) => void) | undefined;
};

const OWNER = 'SecretsAdmin';

const KEYS: ReadonlySet<string> = new Set([
  'client',
  'replicaClients',
  'clientConfig',
  'regionClientConfig',
  'region',
  'replicaRegions',
  'timeoutMs',
  'readers',
  'onEvent',
]);

/** The resolved options. Frozen. */
export interface ResolvedAdminOptions {
  /** Regions and clients. */
  readonly regions: RegionClients;
  /** Deadline of each call. */
  readonly timeoutMs: number;
  /** Readers kept coherent. */
  readonly readers: readonly CoherentReader[];
  /** The event listener, if any. */
  readonly onEvent: ((event: ApiCallEvent) => void) | undefined;
}

/**
 * Validates and resolves {@link SecretsAdminOptions}.
 *
 * @throws SecretkitError `INVALID_ARGUMENT` naming the option (`details.option`)
 */
export function resolveAdminOptions(input: SecretsAdminOptions | undefined): ResolvedAdminOptions {
  checkOptionsObject(OWNER, input);
  const options: SecretsAdminOptions = input ?? {};
  checkKnownKeys(OWNER, options, KEYS);
  const readers = options.readers ?? [];
  if (
    !Array.isArray(readers) ||
    readers.some((r) => typeof (r as CoherentReader)?.invalidate !== 'function')
  ) {
    throw invalidOption(OWNER, 'readers', 'an array of readers (SecretsClient)', readers);
  }
  return Object.freeze({
    regions: resolveRegionClients(options),
    timeoutMs: numberOption(OWNER, 'timeoutMs', options.timeoutMs, DEFAULT_CALL_TIMEOUT_MS, {
      min: 0,
      exclusiveMin: true,
      max: MAX_TIMER_MS,
    }),
    readers: Object.freeze([...readers]),
    onEvent: functionOption<((event: ApiCallEvent) => void) | undefined>(
      OWNER,
      'onEvent',
      options.onEvent,
      undefined,
    ),
  });
}
