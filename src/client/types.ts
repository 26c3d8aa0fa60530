/**
 * Public option and read types of {@link SecretsClient} (the contract other modules code
 * against: rotation's `withSecret`, the loader, examples and the testing kit).
 */
import type { SecretsManagerClientConfig } from '@aws-sdk/client-secrets-manager';
import type { Clock } from '../cache/clock.js';
import type { CacheOptions } from '../cache/defaults.js';
import type { CacheEvent } from '../cache/types.js';
import type { Failover } from '../failover/plan.js';

export type { CacheOptions } from '../cache/defaults.js';

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
      /** Clients for replica regions, by region; required for each of `failover`'s `replicaRegions`. */
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

/** Options of {@link SecretsClient}. */
export type SecretsClientOptions = ClientSource &
  CacheOptions &
  TransportOptions & {
    /** Primary region. @defaultValue `clientConfig.region`, else `AWS_REGION` / `AWS_DEFAULT_REGION`, else the SDK's own resolution */
    readonly region?: string | undefined;
    /** Deadline of one read attempt in one region (the SDK's own retries included), at most 2³¹−1. @defaultValue 3_000 */
    readonly regionTimeoutMs?: number | undefined;
    /**
     * Replica regions a read fails over to: `failover({ replicaRegions: ['us-west-2'] })` from
     * `secretkit/failover` (see docs/multi-region.md). @defaultValue undefined (the primary region only)
     */
    readonly failover?: Failover | undefined;
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
