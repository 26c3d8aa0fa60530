/**
 * Public option and read types of {@link SecretsClient} (the contract other modules code
 * against: rotation's `withSecret`, the loader, examples and the testing kit).
 */
import type { SecretsManagerClientConfig } from '@aws-sdk/client-secrets-manager';
import type { Clock } from '../cache/clock.js';
import type { CacheEvent } from '../cache/types.js';
import type { RouterEvent } from '../failover/types.js';
import type { ApiCallEndEvent } from '../observe/api-call.js';
import type { SecretkitLogger } from '../observe/logger.js';
import type { StandardSchemaV1 } from '../schema/standard-schema.js';
import type { SecretsManagerClientLike } from '../sdk/client-like.js';
import type { TransportEvent, TransportOptions } from '../transport/types.js';

/** Which version of a secret to read. Give at most one of the two. */
export interface VersionSelector {
  /** A staging label. @defaultValue `'AWSCURRENT'` */
  readonly versionStage?: string | undefined;
  /** A version id (immutable: cached without expiry). */
  readonly versionId?: string | undefined;
}

/** Options of one read. */
export interface ReadOptions extends VersionSelector {
  /** Skip the cache and fetch now (the result is cached). Used after an authentication failure. @defaultValue false */
  readonly forceRefresh?: boolean | undefined;
}

export type { SecretkitLogger } from '../observe/logger.js';

/** An AWS API call made by the client (one per `send`). */
export interface ApiCallEvent {
  /** Marks an AWS API call. */
  readonly type: 'api-call';
  /** Operation name, e.g. `GetSecretValue`. */
  readonly operation: string;
  /** Region the call went to. */
  readonly region: string;
}

/** Every event `onEvent` receives. Events never carry secret values. */
export type SecretkitEvent = CacheEvent | RouterEvent | ApiCallEvent | ApiCallEndEvent | TransportEvent;

/** Where the SDK client comes from: one of `client` or `clientConfig`, or neither (default config). */
export type ClientSource =
  | {
      /** An SDK client (or anything with its `send`) for the primary region. */
      readonly client: SecretsManagerClientLike;
      /** Clients for replica regions, by region; required for each of `replicaRegions`. */
      readonly replicaClients?: Readonly<Record<string, SecretsManagerClientLike>> | undefined;
      /** Not allowed with `client`: configure the client you pass instead. */
      readonly clientConfig?: never;
      /** Not allowed with `client`: pass `replicaClients` instead. */
      readonly regionClientConfig?: never;
    }
  | {
      /** Not allowed with `clientConfig`. */
      readonly client?: never;
      /** Not allowed with `clientConfig`: secretkit creates the replica clients. */
      readonly replicaClients?: never;
      /** Configuration for the SDK clients secretkit creates (one per region, lazily). */
      readonly clientConfig?: SecretsManagerClientConfig | undefined;
      /** Per-region overrides merged over `clientConfig` (e.g. an endpoint per region). */
      readonly regionClientConfig?: Readonly<Record<string, Partial<SecretsManagerClientConfig>>> | undefined;
    };

/** Cache options; see docs/caching.md for each default and why. */
export interface CacheOptions {
  /** Freshness of a cached value. @defaultValue 300_000 (5 minutes) */
  readonly ttlMs?: number | undefined;
  /** Expiry is pulled earlier by a random fraction of the TTL up to this. @defaultValue 0.1 */
  readonly jitterRatio?: number | undefined;
  /** A hit in the last fraction of the TTL starts one background refresh. @defaultValue 0.2 */
  readonly refreshAheadRatio?: number | undefined;
  /**
   * Past expiry, a read within this window returns the old value at once and refreshes in the
   * background (stale-while-revalidate); later reads wait. 0 disables. @defaultValue 60_000
   */
  readonly staleWhileRevalidateMs?: number | undefined;
  /** How long past expiry a value may be served while AWS is failing. 0 disables. @defaultValue 900_000 */
  readonly maxStaleMs?: number | undefined;
  /**
   * How long a NOT_FOUND answer (a missing secret, or a stage on no version, such as AWSPENDING
   * outside a rotation) is remembered, so asking again costs no call. 0 disables. @defaultValue 30_000
   */
  readonly notFoundTtlMs?: number | undefined;
  /** First backoff after a failed refresh. @defaultValue 1_000 */
  readonly backoffBaseMs?: number | undefined;
  /** Backoff cap. @defaultValue 128_000 */
  readonly backoffMaxMs?: number | undefined;
  /** Most entries kept (LRU). @defaultValue 1024 */
  readonly maxEntries?: number | undefined;
  /** Optional bound on the total size of cached values in bytes. @defaultValue undefined (no bound) */
  readonly maxBytes?: number | undefined;
}

/** Region failover options; see docs/multi-region.md. */
export interface FailoverOptions {
  /** Regions holding replicas, tried in order after the primary. @defaultValue [] */
  readonly replicaRegions?: readonly string[] | undefined;
  /** Deadline of one attempt in one region (the SDK's own retries included). @defaultValue 3_000 */
  readonly regionTimeoutMs?: number | undefined;
  /** Ask the next region too when the primary has not answered by then. @defaultValue undefined (off) */
  readonly hedgeAfterMs?: number | undefined;
  /** Faults in a row that open a region's circuit. @defaultValue 1 */
  readonly breakerFailureThreshold?: number | undefined;
  /** How long an open circuit skips a region before a half-open probe. @defaultValue 30_000 */
  readonly breakerCooldownMs?: number | undefined;
}

/** Options of {@link SecretsClient}. */
export type SecretsClientOptions = ClientSource &
  CacheOptions &
  FailoverOptions &
  TransportOptions & {
    /** Primary region. @defaultValue `clientConfig.region`, else `AWS_REGION` / `AWS_DEFAULT_REGION`, else the SDK's own resolution */
    readonly region?: string | undefined;
    /** Receives every event (hits, misses, API calls, failovers...). Never given values. */
    readonly onEvent?: ((event: SecretkitEvent) => void) | undefined;
    /** Logger for warnings (stale served, failover). Never given values. */
    readonly logger?: SecretkitLogger | undefined;
    /** Injectable time source (tests). @defaultValue Date.now */
    readonly clock?: Clock | undefined;
    /** Injectable randomness in [0, 1) (tests). @defaultValue Math.random */
    readonly random?: (() => number) | undefined;
  };

/** The read side of {@link SecretsClient}: what rotation's `withSecret` and the loader depend on. */
export interface SecretsReader {
  /**
   * Reads a string secret.
   *
   * @throws SecretkitError the codes of {@link SecretsClient.getString}
   */
  getString(secretId: string, options?: ReadOptions): Promise<string>;
  /**
   * Reads a JSON secret and validates it with a Standard Schema; typed by the schema.
   *
   * @throws SecretkitError the codes of {@link SecretsClient.getJson}
   */
  getJson<S extends StandardSchemaV1>(
    secretId: string,
    schema: S,
    options?: ReadOptions,
  ): Promise<StandardSchemaV1.InferOutput<S>>;
  /**
   * Reads a binary secret.
   *
   * @throws SecretkitError the codes of {@link SecretsClient.getBinary}
   */
  getBinary(secretId: string, options?: ReadOptions): Promise<Uint8Array>;
}
