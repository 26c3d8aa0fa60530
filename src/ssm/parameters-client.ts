/**
 * ParametersClient: typed, cached reads of AWS Systems Manager Parameter Store (String,
 * StringList, SecureString), on the same cache engine and schema code as secrets: TTL,
 * single-flight, refresh-ahead, stale-if-error within `maxStaleMs`, schema validation.
 */

import { inspect } from 'node:util';
import { SSMClient } from '@aws-sdk/client-ssm';
import { resolveCacheOptions } from '../cache/defaults.js';
import { createCacheEngine } from '../cache/engine.js';
import type { CacheEngine, CacheEvent } from '../cache/types.js';
import type { SecretsClientStats } from '../client/stats.js';
import { ClientCounters } from '../client/stats.js';
import { isFault } from '../errors/classify.js';
import { compactError } from '../errors/compact.js';
import { isSecretkitError, SecretkitError } from '../errors/secretkit-error.js';
import { writeLog } from '../observe/logger.js';
import type { StandardSchemaV1 } from '../schema/standard-schema.js';
import { isStandardSchema } from '../schema/validate.js';
import type { AwsCallContext } from './aws-call.js';
import { CachedParameter, type ParameterFormat, type ParameterType } from './cached-parameter.js';
import {
  fetchByPath,
  fetchParameter,
  fetchParameters,
  type PutParameterOptions,
  type PutParameterResult,
  putParameter,
  type SsmFetchContext,
} from './fetch.js';
import {
  type ParametersClientOptions,
  type ParametersEvent,
  type ResolvedParametersOptions,
  resolveParametersOptions,
  type SSMClientLike,
} from './options.js';
import { type ParsedParameterName, parseParameterName } from './parameter-name.js';

/** Options of one read. */
export interface ParameterReadOptions {
  /** Skip the cache and fetch now (the result is cached). @defaultValue false */
  readonly forceRefresh?: boolean | undefined;
}

/** Options of a schema read. */
export interface ParameterSchemaOptions extends ParameterReadOptions {
  /**
   * How the value reaches the schema: `raw` (the string; a StringList's items as `string[]`) or
   * `json` (parsed as JSON first). @defaultValue `'raw'`
   */
  readonly format?: ParameterFormat | undefined;
}

/** The outcome of {@link ParametersClient.preload}. */
export interface ParameterPreloadResult {
  /** Names now cached (as given). */
  readonly loaded: readonly string[];
  /** Names that failed, each with its error. */
  readonly failed: ReadonlyArray<{
    /** The name that failed (as given). */
    readonly name: string;
    /** Why it failed. */
    readonly error: SecretkitError;
  }>;
}

/** Options of {@link ParametersClient.getByPath}. */
export interface ByPathOptions extends ParameterReadOptions {
  /** Include every level below the path. @defaultValue true */
  readonly recursive?: boolean | undefined;
}

/** One parameter found under a path: its name, type and version (the value is read by name). */
export interface ParameterInfo {
  /** The full name. */
  readonly name: string;
  /** The type. */
  readonly type: ParameterType;
  /** The version read. */
  readonly version: number;
}

/** Counters of a {@link ParametersClient} (same shape as a SecretsClient's). */
export type ParametersClientStats = SecretsClientStats;

/**
 * Reads Parameter Store with a cache. Create one per process and reuse it.
 *
 * @example
 * ```ts
 * import { ParametersClient } from 'secretkit/ssm';
 * const params = new ParametersClient({ region: 'us-east-1' });
 * const url = await params.getString('/app/prod/db-url');
 * const flags = await params.getStringList('/app/prod/flags');
 * ```
 */
export class ParametersClient {
  readonly #cache: CacheEngine<CachedParameter>;
  readonly #paths: CacheEngine<readonly CachedParameter[]>;
  readonly #counters = new ClientCounters();
  readonly #resolved: ResolvedParametersOptions;
  readonly #options: ParametersClientOptions;
  readonly #closeController = new AbortController();
  readonly #fetch: SsmFetchContext;
  #client: SSMClientLike | undefined;
  #owned: SSMClient | undefined;
  #closed = false;

  /**
   * @param options - client, cache and observability options; see {@link ParametersClientOptions}
   * @throws SecretkitError `INVALID_ARGUMENT` naming an unknown or invalid option
   */
  constructor(options: ParametersClientOptions = {}) {
    this.#resolved = resolveParametersOptions(options);
    this.#options = options;
    this.#client = options.client;
    const clock = options.clock ?? { now: Date.now };
    const cacheOptions = resolveCacheOptions({
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
      random: options.random ?? Math.random,
      isFault,
      isNotFound: (error: unknown) => isSecretkitError(error, 'NOT_FOUND'),
      compactError,
      onEvent: (event: CacheEvent) => this.#emit(event),
    });
    this.#cache = createCacheEngine<CachedParameter>(cacheOptions);
    this.#paths = createCacheEngine<readonly CachedParameter[]>(cacheOptions);
    this.#fetch = {
      client: () => this.#sdk(),
      withDecryption: this.#resolved.withDecryption,
      call: (operation: string): AwsCallContext => ({
        operation,
        timeoutMs: this.#resolved.timeoutMs,
        closeSignal: this.#closeController.signal,
        onCall: (op) => {
          this.#counters.apiCall(op, this.#regionLabel());
          this.#emit({ type: 'api-call', operation: op });
        },
      }),
    };
  }

  /**
   * Reads a parameter as a string (a StringList as its comma-separated text). `name` may carry a
   * selector: `name:3` (version; cached without expiry) or `name:label`. Names under
   * `/aws/reference/secretsmanager/` read a Secrets Manager secret.
   *
   * @throws SecretkitError `NOT_FOUND`, `ACCESS_DENIED`, `DECRYPTION_FAILURE`, `THROTTLED`, `TIMEOUT`,
   *   `REGION_UNAVAILABLE`, `INVALID_ARGUMENT`, `CLIENT_CLOSED`
   */
  async getString(name: string, options?: ParameterReadOptions): Promise<string> {
    return (await this.#read(name, options)).string();
  }

  /**
   * Reads a StringList as its items.
   *
   * @throws SecretkitError `INVALID_ARGUMENT` when the parameter is not a StringList, and the codes of {@link ParametersClient.getString}
   */
  async getStringList(name: string, options?: ParameterReadOptions): Promise<string[]> {
    const parameter = await this.#read(name, options);
    return this.#guard(() => parameter.list(name));
  }

  /**
   * Reads a parameter holding JSON, validated and typed by a Standard Schema (output cached, frozen).
   *
   * @throws SecretkitError `INVALID_JSON`, `SCHEMA_MISMATCH` (paths, never values), and the codes of {@link ParametersClient.getString}
   */
  getJson<S extends StandardSchemaV1>(
    name: string,
    schema: S,
    options?: ParameterReadOptions,
  ): Promise<StandardSchemaV1.InferOutput<S>> {
    return this.getValue(name, schema, { ...options, format: 'json' });
  }

  /**
   * Reads a parameter validated by a schema: the string (a StringList's items) by default, or
   * the parsed JSON with `format: 'json'`.
   *
   * @throws SecretkitError `SCHEMA_MISMATCH`, `INVALID_JSON`, and the codes of {@link ParametersClient.getString}
   */
  async getValue<S extends StandardSchemaV1>(
    name: string,
    schema: S,
    options?: ParameterSchemaOptions,
  ): Promise<StandardSchemaV1.InferOutput<S>> {
    if (!isStandardSchema(schema)) {
      throw this.#count(
        new SecretkitError('INVALID_ARGUMENT', 'The schema must be a Standard Schema.', {
          details: { option: 'schema' },
        }),
      );
    }
    const format = options?.format ?? 'raw';
    if (format !== 'raw' && format !== 'json') {
      throw this.#count(
        new SecretkitError('INVALID_ARGUMENT', 'format must be "raw" or "json".', {
          details: { option: 'format' },
        }),
      );
    }
    const parameter = await this.#read(name, options);
    try {
      return await parameter.parsed(schema, format, name);
    } catch (error) {
      throw this.#count(error);
    }
  }

  /**
   * Loads many parameters with GetParameters (10 names a call), skipping those fresh in the cache.
   * Per-name failures are reported, not thrown.
   *
   * @throws SecretkitError `INVALID_ARGUMENT`, `CLIENT_CLOSED`
   */
  async preload(names: readonly string[]): Promise<ParameterPreloadResult> {
    this.#checkOpen();
    const wanted = [...new Set(names)];
    const parsedNames = new Map(wanted.map((name) => [name, parseParameterName(name)]));
    const parsedOf = (name: string) => parsedNames.get(name) as ParsedParameterName;
    const todo = wanted.filter((name) => {
      const parsed = parsedOf(name);
      return !this.#cache.hasFresh(parsed.base, parsed.selector ?? '');
    });
    // An invalidation of a parameter during the batch: the engine refuses its old value (`since`).
    const since = this.#cache.generation;
    // Secrets Manager references are read one by one (GetParameter): they are few, and moto does
    // not answer them in GetParameters (docs/testing.md).
    const references = todo.filter((name) => parsedOf(name).isSecretReference);
    const batched = todo.filter((name) => !references.includes(name));
    const single = new Map<string, CachedParameter | SecretkitError>();
    const [{ values, errors }] = await Promise.all([
      fetchParameters(this.#fetch, batched),
      ...references.map(async (name) => {
        try {
          single.set(name, await this.#fetchOne(name));
        } catch (error) {
          single.set(name, error as SecretkitError);
        }
      }),
    ]);
    for (const [name, result] of single) {
      if (result instanceof CachedParameter) values.set(name, result);
      else errors.set(name, result);
    }
    const failed: Array<{ name: string; error: SecretkitError }> = [];
    const loaded: string[] = wanted.filter((name) => !todo.includes(name));
    for (const name of todo) {
      const value = values.get(name);
      if (value === undefined) {
        const error =
          errors.get(name) ?? new SecretkitError('NOT_FOUND', `Parameter "${name}" was not returned.`);
        this.#counters.error(error.code);
        failed.push({ name, error });
        continue;
      }
      const parsed = parsedOf(name);
      this.#cache.set(
        parsed.base,
        { value, sizeBytes: value.sizeBytes, immutable: parsed.isVersion },
        { selector: parsed.selector ?? '', since },
      );
      loaded.push(name);
    }
    return { loaded, failed };
  }

  /**
   * Every parameter under a path (GetParametersByPath, recursive by default, all pages), cached
   * like a single read (one cache entry per path); each value is also cached under its name, so
   * reading it by name afterwards costs no call.
   *
   * @param path - a hierarchy path starting with `/`
   * @throws SecretkitError `INVALID_ARGUMENT`, `ACCESS_DENIED`, faults, `CLIENT_CLOSED`
   */
  async getByPath(path: string, options?: ByPathOptions): Promise<readonly ParameterInfo[]> {
    if (typeof path !== 'string' || !path.startsWith('/')) {
      throw this.#count(
        new SecretkitError('INVALID_ARGUMENT', 'A parameter path must be a string starting with "/".', {
          details: { option: 'path' },
        }),
      );
    }
    this.#checkOpen();
    const recursive = options?.recursive ?? true;
    const since = this.#cache.generation;
    let found: readonly CachedParameter[];
    try {
      found = await this.#paths.get(
        path,
        async (signal) => {
          const list = await fetchByPath(this.#fetch, path, recursive, signal);
          return { value: Object.freeze(list), sizeBytes: list.reduce((n, p) => n + p.sizeBytes, 64) };
        },
        { selector: recursive ? 'r' : '1', forceRefresh: options?.forceRefresh === true },
      );
    } catch (error) {
      throw this.#count(error);
    }
    for (const p of found) this.#cache.set(p.name, { value: p, sizeBytes: p.sizeBytes }, { since });
    return found.map((p) => ({ name: p.name, type: p.type, version: p.version }));
  }

  /**
   * Writes a parameter (PutParameter) and drops every cached read of it (all selectors) and of
   * the paths above it, so the next read sees the new value.
   *
   * @param value - a string, or the items of a StringList
   * @throws SecretkitError `ALREADY_EXISTS` (without `overwrite`), `ACCESS_DENIED`, `INVALID_REQUEST`, `INVALID_ARGUMENT`
   */
  async putParameter(
    name: string,
    value: string | readonly string[],
    options: PutParameterOptions = {},
  ): Promise<PutParameterResult> {
    try {
      this.#checkOpen();
      const parsed = parseParameterName(name);
      if (parsed.selector !== undefined) {
        throw new SecretkitError(
          'INVALID_ARGUMENT',
          'putParameter takes a name without a version or label selector.',
          {
            details: { option: 'name' },
          },
        );
      }
      const isList = Array.isArray(value);
      if (!isList && typeof value !== 'string') {
        throw new SecretkitError(
          'INVALID_ARGUMENT',
          'A parameter value must be a string or an array of strings.',
          {
            details: { option: 'value' },
          },
        );
      }
      const type = options.type ?? (isList ? 'StringList' : 'String');
      const text = isList ? (value as readonly string[]).join(',') : (value as string);
      try {
        return await putParameter(this.#fetch, name, text, type, options);
      } finally {
        this.invalidate(name);
      }
    } catch (error) {
      throw this.#count(error);
    }
  }

  /**
   * Drops cached reads: of one parameter (every selector, and every cached path above it), or everything.
   *
   * @returns how many entries were dropped
   */
  invalidate(name?: string): number {
    if (name === undefined) return this.#cache.invalidate() + this.#paths.invalidate();
    const base = parseParameterName(name).base;
    let dropped = this.#cache.invalidate(base);
    // Every path read that may list it: "/", and each ancestor with and without its slash.
    for (let at = base.indexOf('/'); at !== -1; at = base.indexOf('/', at + 1)) {
      const path = base.slice(0, at + 1);
      dropped += this.#paths.invalidate(path);
      if (at > 0) dropped += this.#paths.invalidate(base.slice(0, at));
    }
    return dropped;
  }

  /** Counters: cache hits/misses/stale, API calls by operation, errors by code. */
  stats(): ParametersClientStats {
    const a = this.#cache.stats();
    const b = this.#paths.stats();
    return this.#counters.snapshot({
      hits: a.hits + b.hits,
      misses: a.misses + b.misses,
      staleServed: a.staleServed + b.staleServed,
      refreshes: a.refreshes + b.refreshes,
      backgroundRefreshes: a.backgroundRefreshes + b.backgroundRefreshes,
      loadErrors: a.loadErrors + b.loadErrors,
      entries: a.entries + b.entries,
      inFlight: a.inFlight + b.inFlight,
    });
  }

  /** Drops the cache, aborts calls in flight, destroys the SDK client secretkit created. Idempotent. */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#closeController.abort();
    this.#cache.close();
    this.#paths.close();
    this.#owned?.destroy();
  }

  /** A summary without values. */
  toJSON(): Record<string, unknown> {
    return { type: 'ParametersClient', closed: this.#closed, stats: this.stats() };
  }

  /** Never shows values. */
  [inspect.custom](): string {
    return `ParametersClient ${inspect(this.toJSON(), { depth: 3 })}`;
  }

  #regionLabel(): string {
    const region = this.#options.region ?? this.#options.clientConfig?.region;
    return typeof region === 'string' ? region : 'default';
  }

  #sdk(): SSMClientLike {
    if (this.#client === undefined) {
      const config = this.#options.clientConfig ?? {};
      this.#owned = new SSMClient({
        ...config,
        ...(this.#options.region !== undefined ? { region: this.#options.region } : {}),
      });
      this.#client = this.#owned;
    }
    return this.#client;
  }

  async #fetchOne(name: string): Promise<CachedParameter> {
    return fetchParameter(this.#fetch, name);
  }

  async #read(name: string, options: ParameterReadOptions | undefined): Promise<CachedParameter> {
    let parsed: ParsedParameterName;
    try {
      this.#checkOpen();
      parsed = parseParameterName(name);
    } catch (error) {
      throw this.#count(error);
    }
    try {
      return await this.#cache.get(
        parsed.base,
        async (signal) => {
          const value = await fetchParameter(this.#fetch, name, signal);
          return { value, sizeBytes: value.sizeBytes, immutable: parsed.isVersion };
        },
        { selector: parsed.selector ?? '', forceRefresh: options?.forceRefresh === true },
      );
    } catch (error) {
      throw this.#count(error);
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
    if (this.#closed) throw new SecretkitError('CLIENT_CLOSED', 'This ParametersClient was closed.');
  }

  #emit(event: ParametersEvent): void {
    const { onEvent, logger } = this.#options;
    if (logger && event.type === 'stale') {
      writeLog(
        logger,
        'warn',
        { event: 'stale', parameter: event.secretId, ageMs: event.ageMs },
        'secretkit: serving a stale parameter because AWS is failing',
      );
    }
    if (onEvent) {
      try {
        onEvent(event);
      } catch {
        // A throwing listener must not break reads.
      }
    }
  }
}
