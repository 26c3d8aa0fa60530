/**
 * SecretsClient: typed, cached reads of AWS Secrets Manager, with failover across replica
 * regions when given `failover`. The facade only wires the parts together: the cache engine (cache/), the router (the
 * primary region's, primary-router.ts, or with `failover` the region router of failover/),
 * fetching (fetch-secret.ts) and batch preload (preload.ts). Writes, listing and replication
 * are the admin client's (secretkit/admin).
 */
import { inspect } from 'node:util';
import { secretIdentityOf } from '../arn/secret-arn.js';
import { createCacheEngine } from '../cache/engine.js';
import { type CacheEngine, type LoadResult, type LoadSink, SETTLES_SINK } from '../cache/types.js';
import { isFault } from '../errors/classify.js';
import { isSecretkitError, SecretkitError } from '../errors/secretkit-error.js';
import type { RouterBase } from '../failover/plan.js';
import type { RegionRouter } from '../failover/types.js';
import { timeApiCall } from '../observe/api-call.js';
import { channels } from '../observe/channels.js';
import { publishEvent } from '../observe/publish.js';
import { jsonArgsError } from '../schema/json-args.js';
import type { StandardSchemaV1 } from '../schema/standard-schema.js';
import { isStandardSchema } from '../schema/validate.js';
import { CallScope } from '../sdk/send.js';
import { withRefreshNow } from '../transport/refresh-now.js';
import { createTransport, registerTransport } from '../transport/select.js';
import { type CoherentReader, NOTE_REPLICAS, NOTE_ROTATION } from './cache-hook.js';
import { checkSecretId, selectorKey, selectorOf } from './cache-key.js';
import type { CachedSecret } from './cached-secret.js';
import { type FetchContext, fetchSecret } from './fetch-secret.js';
import { logEvent } from './log-events.js';
import { type ResolvedClientOptions, resolveClientOptions } from './options.js';
import { type PreloadResult, preloadSecrets } from './preload.js';
import { createPrimaryRouter } from './primary-router.js';
import { RotationDates } from './rotation-dates.js';
import { SDK_ACCESS, type SdkAccess } from './sdk-access.js';
import { ClientCounters, type SecretsClientStats } from './stats.js';
import type { ReadOptions, SecretkitEvent, SecretsClientOptions, SecretsReader } from './types.js';

// What the hit path takes from a cached version (CacheEngine.peekFresh): module-level functions
// with their argument, so no closure is built per read; `undefined` means "not a hit here".
const takeString = (secret: CachedSecret): string | undefined => secret.peekString();
const takeJson = (secret: CachedSecret): unknown => secret.peekJson();
const takeParsed = (secret: CachedSecret, schema: unknown): unknown => secret.peekParsed(schema);

/**
 * Reads secrets with a TTL- and version-aware cache, single-flight loading, refresh-ahead,
 * stale-if-error within a bound, and failover across replica regions.
 *
 * Create one per process (module scope in a Lambda) and reuse it.
 *
 * @example
 * ```ts
 * const secrets = new SecretsClient({ region: 'us-east-1' });
 * const db = await secrets.getJson('prod/db', z.object({ host: z.string(), password: z.string() }));
 * ```
 */
export class SecretsClient implements SecretsReader, CoherentReader {
  readonly #cache: CacheEngine<CachedSecret>;
  readonly #router: RegionRouter;
  readonly #counters = new ClientCounters();
  readonly #fetch: FetchContext;
  readonly #options: ResolvedClientOptions;
  readonly #rotations: RotationDates;
  /** Settles out-of-band calls (SDK_ACCESS) on close; reads are settled by the router. */
  readonly #scope = new CallScope();
  #closed = false;

  /**
   * @param options - client source, cache, failover and observability options; see {@link SecretsClientOptions}
   * @throws SecretkitError `INVALID_ARGUMENT` when options are invalid or conflict
   */
  constructor(options?: SecretsClientOptions) {
    const emit = this.#emit.bind(this);
    const resolved = resolveClientOptions(options, emit);
    this.#options = resolved;
    this.#rotations = new RotationDates(resolved.cache.maxEntries);
    const clock = resolved.cache.clock;
    // #13: the transport (Agent / SDK) and call budget sit below the cache, behind `send`.
    const transport = createTransport(options ?? {}, clock, (event) => emit(event));
    registerTransport(this, transport);
    const { regions } = resolved;
    const base: RouterBase = {
      primaryRegion: regions.primaryRegion,
      clientFactory: transport.wrap(regions.clientFactory, regions.primaryRegion),
      destroyClient: regions.destroyClient,
      regionTimeoutMs: resolved.regionTimeoutMs,
      isFault,
      clock,
      onEvent: emit,
      // A name read in a replica region goes as the ARN the cache learned for it (routed-read.ts).
      knownArnOf: (name) => this.#cache.identityOf(name),
      maxEntries: resolved.cache.maxEntries,
    };
    if (resolved.failover === undefined) {
      this.#router = createPrimaryRouter(base);
    } else {
      const { router, replicaSets } = resolved.failover.createRouter(base);
      this.#router = router;
      // Where each secret is held, as the admin client's DescribeSecret said (cache-hook.ts).
      Object.defineProperty(this, NOTE_REPLICAS, { value: replicaSets });
    }
    this.#cache = createCacheEngine<CachedSecret>(resolved.cache);
    const observed = (): boolean => this.#options.onEvent !== undefined || channels.awsCall.hasSubscribers;
    this.#fetch = {
      router: this.#router,
      counters: this.#counters,
      onApiCall: (operation, region) => {
        this.#counters.apiCall(operation, region);
        if (this.#options.onEvent) emit({ type: 'api-call', operation, region });
      },
      // Timed only when someone can see the api-call-end event (the logger does not log it):
      // otherwise the miss path builds no closure, event or clock read for it.
      observed,
      wrapCall: (operation, region, request, signal) =>
        observed() ? timeApiCall(clock, operation, region, () => request(signal), emit) : request(signal),
    };
  }

  /** The primary region (writes go there). */
  get region(): string {
    return this.#router.primaryRegion;
  }

  /**
   * Reads a string secret.
   *
   * @param secretId - name, full ARN or partial ARN
   * @param options - version selector (default `AWSCURRENT`), `forceRefresh`
   * @throws SecretkitError `NOT_FOUND`, `DELETED`, `ACCESS_DENIED`, `DECRYPTION_FAILURE`, `NOT_A_STRING`,
   *   `THROTTLED`, `TIMEOUT`, `REGION_UNAVAILABLE`, `ALL_REGIONS_FAILED`, `INVALID_ARGUMENT`, `CLIENT_CLOSED`
   */
  getString(secretId: string, options?: ReadOptions): Promise<string> {
    if (options === undefined) {
      const hit = this.#cache.peekFresh(secretId, takeString, undefined);
      if (hit !== undefined) return Promise.resolve(hit);
    }
    return this.#readString(secretId, options);
  }

  /**
   * The miss path of getString: the read's promise, then the string, with one handler each way
   * (no async frame of its own, and no second promise for counting errors).
   */
  #readString(secretId: string, options: ReadOptions | undefined): Promise<string> {
    return this.#fetchCached(secretId, options).then(
      (secret) => {
        try {
          return secret.string(secretId);
        } catch (error) {
          throw this.#count(error);
        }
      },
      (error: unknown) => {
        throw this.#count(error);
      },
    );
  }

  /**
   * Reads a binary secret (a copy the caller may modify).
   *
   * @param secretId - name, full ARN or partial ARN
   * @param options - version selector, `forceRefresh`
   * @throws SecretkitError `NOT_BINARY` when the version holds a string, and the codes of {@link SecretsClient.getString}
   */
  async getBinary(secretId: string, options?: ReadOptions): Promise<Uint8Array> {
    const secret = await this.#read(secretId, options);
    return this.#guard(() => secret.binary(secretId));
  }

  /**
   * Reads a JSON secret. With a schema (any Standard Schema: zod, valibot, arktype...), the value
   * is validated and typed by it; the parsed, validated value is cached and frozen, so a hit
   * neither re-parses nor re-validates. Without a schema the result is `unknown`.
   *
   * @param secretId - name, full ARN or partial ARN
   * @param schema - the schema that types and validates the value
   * @param options - version selector, `forceRefresh`
   * @throws SecretkitError `INVALID_JSON`, `SCHEMA_MISMATCH` (paths and messages, never values),
   *   and the codes of {@link SecretsClient.getString}
   */
  getJson<S extends StandardSchemaV1>(
    secretId: string,
    schema: S,
    options?: ReadOptions,
  ): Promise<StandardSchemaV1.InferOutput<S>>;
  /**
   * Reads a JSON secret without validation; the result is `unknown` (and frozen).
   *
   * @throws SecretkitError `INVALID_JSON`, and the codes of {@link SecretsClient.getString}
   */
  getJson(secretId: string, options?: ReadOptions): Promise<unknown>;
  getJson(
    secretId: string,
    schemaOrOptions?: StandardSchemaV1 | ReadOptions,
    maybeOptions?: ReadOptions,
  ): Promise<unknown> {
    // The hit path comes before the argument checks, deliberately: only a schema object that
    // already validated this version finds an output (so it is a Standard Schema), and only
    // `getJson(id)` finds the parsed JSON. Anything else (read options, a non-schema, a first
    // read) finds nothing here and takes the full path, which checks the arguments.
    if (maybeOptions === undefined) {
      const hit =
        schemaOrOptions === undefined
          ? this.#cache.peekFresh(secretId, takeJson, undefined)
          : this.#cache.peekFresh(secretId, takeParsed, schemaOrOptions);
      if (hit !== undefined) return Promise.resolve(hit);
    }
    const invalid = jsonArgsError('getJson', schemaOrOptions, maybeOptions, secretId);
    if (invalid) return Promise.reject(this.#count(invalid));
    return this.#readJson(secretId, schemaOrOptions, maybeOptions);
  }

  async #readJson(
    secretId: string,
    schemaOrOptions: StandardSchemaV1 | ReadOptions | undefined,
    maybeOptions: ReadOptions | undefined,
  ): Promise<unknown> {
    const schema = isStandardSchema(schemaOrOptions) ? schemaOrOptions : undefined;
    if (schemaOrOptions !== undefined && !schema && maybeOptions !== undefined) {
      throw this.#count(
        new SecretkitError('INVALID_ARGUMENT', 'The second argument of getJson must be a Standard Schema.'),
      );
    }
    const options = schema ? maybeOptions : (schemaOrOptions as ReadOptions | undefined);
    const secret = await this.#read(secretId, options);
    if (!schema) return this.#guard(() => secret.json(secretId));
    try {
      return await secret.parsed(schema, secretId);
    } catch (error) {
      throw this.#count(error);
    }
  }

  /**
   * Loads the AWSCURRENT value of many secrets with BatchGetSecretValue (20 per call), skipping
   * those already fresh in the cache. Per-secret failures are reported, not thrown.
   *
   * @param secretIds - names, ARNs or partial ARNs
   * @throws SecretkitError `INVALID_ARGUMENT`, `CLIENT_CLOSED`
   */
  async preload(secretIds: readonly string[]): Promise<PreloadResult> {
    try {
      this.#checkOpen();
      if (!Array.isArray(secretIds)) {
        throw new SecretkitError('INVALID_ARGUMENT', 'preload takes an array of secret ids.', {
          details: { option: 'secretIds' },
        });
      }
      for (const id of secretIds) checkSecretId(id);
    } catch (error) {
      throw this.#count(error);
    }
    const wanted = [...new Set(secretIds)];
    const todo = wanted.filter((id) => !this.#cache.hasFresh(id));
    // A write or invalidate of a secret during the batch may have made its value old: the
    // engine then refuses to store it (`since`).
    const since = this.#cache.generation;
    const result = await preloadSecrets(this.#fetch, todo, (id, secret) => {
      this.#cache.set(id, this.#loadResult(secret, false), { since });
    });
    for (const f of result.failed) {
      this.#counters.error(f.error.code);
      // An answer ("you may not read this", "no such secret") makes any cached value wrong,
      // whichever API brought it: evict, as a read would. A fault leaves it for stale-if-error.
      if (!isFault(f.error)) this.#cache.invalidate(f.secretId);
    }
    const fresh = wanted.filter((id) => !todo.includes(id));
    return { loaded: [...fresh, ...result.loaded], failed: result.failed };
  }

  /**
   * Drops cached values: of one secret (every version and stage, under the id as given, and its
   * name or ARN when known), or everything.
   *
   * @param secretId - the secret; omit to clear the whole cache
   * @returns how many entries were dropped
   */
  invalidate(secretId?: string): number {
    return this.#cache.invalidate(secretId);
  }

  /** Counters: cache hits/misses/stale, API calls by operation and region, errors by code, failovers. */
  stats(): SecretsClientStats {
    return this.#counters.snapshot(this.#cache.stats());
  }

  /**
   * Releases everything: drops the cache, aborts in-flight loads, destroys the SDK clients
   * secretkit created (never one passed in). Later calls throw `CLIENT_CLOSED`. Idempotent.
   */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#cache.close();
    this.#scope.close();
    this.#router.close();
  }

  /**
   * The admin hook (secretkit/admin): a secret's next rotation date, learned from DescribeSecret
   * or ListSecrets, caps the freshness of its cached values.
   */
  [NOTE_ROTATION](name: string, date: Date | undefined): void {
    this.#rotations.note(name, date);
  }

  /**
   * Out-of-band calls with the primary client (secretkit/fleet's `watch`): counted here, settled
   * by `close()`.
   *
   * @throws SecretkitError `CLIENT_CLOSED`
   */
  [SDK_ACCESS](): SdkAccess {
    this.#checkOpen();
    const region = this.#router.primaryRegion;
    const fetch = this.#fetch;
    return {
      region,
      client: this.#router.clientFor(region),
      call: { scope: this.#scope, onCall: fetch.onApiCall, wrap: fetch.wrapCall },
    };
  }

  /** A summary without values (for logs): region, replica regions and counters. */
  toJSON(): Record<string, unknown> {
    return {
      type: 'SecretsClient',
      region: this.#router.primaryRegion,
      replicaRegions: this.#router.regions.slice(1),
      closed: this.#closed,
      stats: this.stats(),
    };
  }

  /** Never shows values. */
  [inspect.custom](): string {
    return `SecretsClient ${inspect(this.toJSON(), { depth: 3 })}`;
  }

  /**
   * What the cache stores of a fetched secret: its identity is its ARN (region left out), and
   * reads by that ARN hit. An ARN that does not name the secret is not trusted with either.
   */
  #loadResult(secret: CachedSecret, immutable: boolean): LoadResult<CachedSecret> {
    const identity = secretIdentityOf(secret.arn, secret.name);
    return {
      value: secret,
      sizeBytes: secret.sizeBytes,
      immutable,
      notAfterMs: this.#rotations.nextMs(secret.name),
      identity,
      name: secret.name,
      ids: identity === undefined ? undefined : [secret.arn],
    };
  }

  /** The load result of a fetched stage's value (made once per client, not per miss). */
  readonly #finishCurrent = (secret: CachedSecret): LoadResult<CachedSecret> =>
    this.#loadResult(secret, false);
  /** The load result of a fetched version id's value, which never changes. */
  readonly #finishImmutable = (secret: CachedSecret): LoadResult<CachedSecret> =>
    this.#loadResult(secret, true);

  /** Every read that is not a peeked hit, with its errors counted (the async read methods). */
  #read(secretId: string, options: ReadOptions | undefined): Promise<CachedSecret> {
    return this.#fetchCached(secretId, options).then(undefined, (error: unknown) => {
      throw this.#count(error);
    });
  }

  /**
   * Every read that is not a peeked hit. Never throws: a bad argument is a rejection. Its errors
   * are not counted yet: the caller's one handler counts them (`#read`, `#readString`), so a
   * string miss has no promise of its own for the counting.
   */
  #fetchCached(secretId: string, options: ReadOptions | undefined): Promise<CachedSecret> {
    try {
      this.#checkOpen();
      checkSecretId(secretId);
      const selector = selectorOf(secretId, options);
      return this.#cache.get(
        secretId,
        // The miss path: one closure and no promise of its own (the fetch settles the engine's
        // sink).
        (_signal: AbortSignal, sink: LoadSink<CachedSecret>): typeof SETTLES_SINK => {
          const finish = 'versionId' in selector ? this.#finishImmutable : this.#finishCurrent;
          if (options?.forceRefresh === true)
            withRefreshNow(() => fetchSecret(this.#fetch, secretId, selector, finish, sink));
          else fetchSecret(this.#fetch, secretId, selector, finish, sink);
          return SETTLES_SINK;
        },
        options === undefined
          ? undefined
          : { selector: selectorKey(selector), forceRefresh: options.forceRefresh === true },
      );
    } catch (error) {
      // A bad argument, a closed client, a throwing injected clock: a rejection, never a throw.
      return Promise.reject(error);
    }
  }

  #guard<T>(fn: () => T): T {
    try {
      return fn();
    } catch (error) {
      throw this.#count(error);
    }
  }

  #count(error: unknown): unknown {
    if (isSecretkitError(error)) this.#counters.error(error.code);
    return error;
  }

  #checkOpen(): void {
    if (this.#closed) throw new SecretkitError('CLIENT_CLOSED', 'This SecretsClient was closed.');
  }

  #emit(event: SecretkitEvent): void {
    const { onEvent, logger } = this.#options;
    publishEvent(event);
    if (logger) logEvent(logger, event);
    if (onEvent) {
      try {
        onEvent(event);
      } catch {
        // A throwing listener must not break reads.
      }
    }
  }
}
