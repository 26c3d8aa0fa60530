/**
 * The local source: the same `defineSecrets` definition, the same schemas, values from a JSON or
 * `.env` file or from environment variables instead of AWS. Chosen only explicitly (an option or
 * `SECRETKIT_SOURCE=local`), announced once through the logger, visible in `stats()`, and
 * refused on AWS compute unless overridden.
 */

import { inspect } from 'node:util';
import type { ListSecretsOptions, SecretListEntry } from '../admin/listing.js';
import { CachedSecret } from '../client/cached-secret.js';
import type { PreloadResult } from '../client/preload.js';
import type { ReadOptions, SecretkitLogger } from '../client/types.js';
import { SecretkitError } from '../errors/secretkit-error.js';
import type {
  LoadSources,
  ParametersLoaderSource,
  RoleSources,
  SecretsLoaderSource,
} from '../loader/sources.js';
import { writeLog } from '../observe/logger.js';
import type { StandardSchemaV1 } from '../schema/standard-schema.js';
import { CachedParameter } from '../ssm/cached-parameter.js';
import { rejectUnknownKeys } from '../ssm/options.js';
import { parseParameterName } from '../ssm/parameter-name.js';
import { parameterEnvName, secretEnvName } from './env-names.js';
import { type LocalValues, readValuesFile } from './read-file.js';
import { assertLocalAllowed } from './safety.js';

/** Options of {@link createLocalSource}. */
export interface LocalSourceOptions {
  /** A values file: `*.json` (`{ "secrets": {}, "parameters": {}, "tags": {} }`) or `.env` style. */
  readonly file?: string | undefined;
  /** Read `SECRETKIT_SECRET_*` / `SECRETKIT_PARAM_*` environment variables (after the file). @defaultValue true without `file` */
  readonly env?: boolean | undefined;
  /** The environment to read and to check for AWS compute. @defaultValue `process.env` */
  readonly environment?: Readonly<Record<string, string | undefined>> | undefined;
  /** Start even when AWS_LAMBDA_FUNCTION_NAME or ECS_CONTAINER_METADATA_URI* is set. @defaultValue false */
  readonly allowInCloud?: boolean | undefined;
  /** Where the one startup warning goes. @defaultValue `console` */
  readonly logger?: SecretkitLogger | undefined;
}

/** Counters of a local source. */
export interface LocalSourceStats {
  /** Always `local`: these values do not come from AWS. */
  readonly source: 'local';
  /** Where the values come from: `file:<path>`, `env`, or both. */
  readonly origin: readonly string[];
  /** Secrets held (exact names; 0 for environment-style keys, which are looked up by name). */
  readonly secrets: number;
  /** Parameters held (as above). */
  readonly parameters: number;
  /** Reads answered. */
  readonly reads: number;
  /** Reads of a name that has no local value. */
  readonly misses: number;
}

const KNOWN = new Set(['file', 'env', 'environment', 'allowInCloud', 'logger']);

function notFound(kind: 'secret' | 'parameter', name: string, hint: string): SecretkitError {
  return new SecretkitError('NOT_FOUND', `Local ${kind} "${name}" has no value (${hint}).`, {
    secretId: name,
    details: { store: 'local' },
  });
}

/** Values in local development, shaped like every source `defineSecrets(...).load()` takes. */
export class LocalSource implements LoadSources {
  /** Secrets, read like a SecretsClient. */
  readonly secrets: SecretsLoaderSource;
  /** Parameters, read like a ParametersClient. */
  readonly parameters: ParametersLoaderSource;
  /** Specs with a `roleArn` read the same local values (there are no accounts locally). */
  readonly roles: RoleSources;
  readonly #values: LocalValues | undefined;
  readonly #env: ReadonlyMap<string, string>;
  readonly #origin: readonly string[];
  readonly #secretCache = new Map<string, CachedSecret>();
  readonly #paramCache = new Map<string, CachedParameter>();
  #reads = 0;
  #misses = 0;

  /** Use {@link createLocalSource}. */
  constructor(values: LocalValues | undefined, env: ReadonlyMap<string, string>, origin: readonly string[]) {
    this.#values = values;
    this.#env = env;
    this.#origin = origin;
    this.secrets = this.#secretsSource();
    this.parameters = this.#parametersSource();
    this.roles = { forRole: () => this.secrets };
  }

  /** What this source holds and served (never values). */
  stats(): LocalSourceStats {
    return Object.freeze({
      source: 'local',
      origin: this.#origin,
      secrets: this.#values?.secrets.size ?? 0,
      parameters: this.#values?.parameters.size ?? 0,
      reads: this.#reads,
      misses: this.#misses,
    });
  }

  /** A summary without values. */
  toJSON(): Record<string, unknown> {
    return { type: 'LocalSource', ...this.stats() };
  }

  /** Never shows values. */
  [inspect.custom](): string {
    return `LocalSource ${inspect(this.toJSON())}`;
  }

  #secret(secretId: string, options?: ReadOptions): CachedSecret {
    const stage = options?.versionStage;
    if (options?.versionId !== undefined || (stage !== undefined && stage !== 'AWSCURRENT')) {
      this.#misses++;
      throw notFound('secret', secretId, 'a local source holds only the current version');
    }
    let cached = this.#secretCache.get(secretId);
    if (cached === undefined) {
      const value = this.#values?.secrets.get(secretId) ?? this.#env.get(secretEnvName(secretId));
      if (value === undefined) {
        this.#misses++;
        throw notFound('secret', secretId, `set it in the file or as ${secretEnvName(secretId)}`);
      }
      cached = new CachedSecret(
        { name: secretId, arn: `local:${secretId}`, versionId: 'local' },
        { string: value },
      );
      this.#secretCache.set(secretId, cached);
    }
    this.#reads++;
    return cached;
  }

  #parameter(name: string): CachedParameter {
    const parsed = parseParameterName(name);
    if (parsed.selector !== undefined) {
      this.#misses++;
      throw notFound('parameter', name, 'a local source holds only the current version; drop the selector');
    }
    let cached = this.#paramCache.get(parsed.base);
    if (cached === undefined) {
      const value = this.#values?.parameters.get(parsed.base) ?? this.#env.get(parameterEnvName(parsed.base));
      if (value === undefined) {
        this.#misses++;
        throw notFound('parameter', name, `set it in the file or as ${parameterEnvName(parsed.base)}`);
      }
      const list = typeof value !== 'string';
      cached = new CachedParameter(
        { name: parsed.base, type: list ? 'StringList' : 'String', version: 1 },
        list ? value.join(',') : value,
      );
      this.#paramCache.set(parsed.base, cached);
    }
    this.#reads++;
    return cached;
  }

  #names(kind: 'secrets' | 'parameters'): string[] {
    if (this.#values === undefined) {
      throw new SecretkitError(
        'INVALID_ARGUMENT',
        'Trees and tags need a JSON values file in local mode (environment-style names cannot be listed).',
        { details: { option: 'file' } },
      );
    }
    return [...this.#values[kind].keys()];
  }

  #secretsSource(): SecretsLoaderSource {
    const self = this;
    return {
      getString: async (id, options) => self.#secret(id, options).string(id),
      getBinary: async (id, options) => self.#secret(id, options).binary(id),
      getJson: async <S extends StandardSchemaV1>(id: string, schema: S, options?: ReadOptions) =>
        self.#secret(id, options).parsed(schema, id),
      async preload(ids: readonly string[]): Promise<PreloadResult> {
        const loaded: string[] = [];
        const failed: Array<{ secretId: string; error: SecretkitError }> = [];
        for (const id of new Set(ids)) {
          try {
            self.#secret(id);
            loaded.push(id);
          } catch (error) {
            failed.push({ secretId: id, error: error as SecretkitError });
          }
        }
        return { loaded, failed };
      },
      async *listSecrets(options?: ListSecretsOptions): AsyncGenerator<SecretListEntry> {
        for (const name of self.#names('secrets')) {
          if (options?.namePrefix !== undefined && !name.startsWith(options.namePrefix)) continue;
          const tags = self.#values?.tags.get(name) ?? {};
          if (
            options?.tagKey !== undefined &&
            !Object.keys(tags).some((k) => k.startsWith(options.tagKey ?? ''))
          )
            continue;
          yield { arn: `local:${name}`, name, tags };
        }
      },
    };
  }

  #parametersSource(): ParametersLoaderSource {
    const self = this;
    return {
      getString: async (name) => self.#parameter(name).string(),
      getValue: async <S extends StandardSchemaV1>(
        name: string,
        schema: S,
        options?: { readonly format?: 'raw' | 'json' | undefined },
      ) => self.#parameter(name).parsed(schema, options?.format ?? 'raw', name),
      async preload(names: readonly string[]) {
        const loaded: string[] = [];
        const failed: Array<{ name: string; error: SecretkitError }> = [];
        for (const name of new Set(names)) {
          try {
            self.#parameter(name);
            loaded.push(name);
          } catch (error) {
            failed.push({ name, error: error as SecretkitError });
          }
        }
        return { loaded, failed };
      },
      async getByPath(path: string) {
        const base = path.endsWith('/') ? path : `${path}/`;
        return self
          .#names('parameters')
          .filter((n) => n.startsWith(base))
          .map((name) => ({ name }));
      },
    };
  }
}

/**
 * Creates a local source. It says so once, at once, through the logger (warn level).
 *
 * @throws SecretkitError `INVALID_ARGUMENT` for an unknown option, an unreadable or malformed
 *   file, or on AWS compute (AWS_LAMBDA_FUNCTION_NAME, ECS_CONTAINER_METADATA_URI*) without `allowInCloud`
 *
 * @example
 * ```ts
 * const local = createLocalSource({ file: '.secrets.local.json' });
 * const config = await definition.load(local); // same definition, same schemas
 * ```
 */
export function createLocalSource(options: LocalSourceOptions = {}): LocalSource {
  rejectUnknownKeys(options, KNOWN, 'local source option');
  const environment = options.environment ?? process.env;
  assertLocalAllowed(environment, options.allowInCloud === true);
  const origin: string[] = [];
  let values: LocalValues | undefined;
  const env = new Map<string, string>();
  if (options.file !== undefined) {
    if (typeof options.file !== 'string' || options.file === '') {
      throw new SecretkitError('INVALID_ARGUMENT', 'file must be a non-empty path.', {
        details: { option: 'file' },
      });
    }
    const read = readValuesFile(options.file);
    values = read.json;
    for (const [k, v] of read.env ?? []) env.set(k, v);
    origin.push(`file:${options.file}`);
  }
  if (options.env ?? options.file === undefined) {
    for (const [k, v] of Object.entries(environment)) {
      if (
        v !== undefined &&
        (k.startsWith('SECRETKIT_SECRET_') || k.startsWith('SECRETKIT_PARAM_')) &&
        !env.has(k)
      )
        env.set(k, v);
    }
    origin.push('env');
  }
  const logger = options.logger ?? console;
  writeLog(
    logger,
    'warn',
    { event: 'local-source', origin },
    `secretkit: LOCAL SOURCE in use: secrets and parameters come from ${origin.join(' and ')}, not from AWS`,
  );
  return new LocalSource(values, env, origin);
}

/**
 * The local source when the environment asks for it (`SECRETKIT_SOURCE=local`, with the file in
 * `SECRETKIT_LOCAL_FILE` or values in `SECRETKIT_SECRET_*` / `SECRETKIT_PARAM_*`), else `undefined`.
 * Never chosen by accident: nothing else turns it on.
 *
 * @throws SecretkitError what {@link createLocalSource} throws, and `INVALID_ARGUMENT` for another `SECRETKIT_SOURCE` value than `local` or `aws`
 */
export function localSourceFromEnv(
  options: Omit<LocalSourceOptions, 'file' | 'env'> = {},
): LocalSource | undefined {
  const environment = options.environment ?? process.env;
  const choice = environment['SECRETKIT_SOURCE'];
  if (choice === undefined || choice === '' || choice === 'aws') return undefined;
  if (choice !== 'local') {
    throw new SecretkitError(
      'INVALID_ARGUMENT',
      `SECRETKIT_SOURCE must be "local" or "aws" (got "${choice}").`,
      {
        details: { option: 'SECRETKIT_SOURCE' },
      },
    );
  }
  const file = environment['SECRETKIT_LOCAL_FILE'];
  return createLocalSource({ ...options, environment, ...(file ? { file, env: true } : {}) });
}
