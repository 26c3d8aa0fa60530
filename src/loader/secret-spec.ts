/**
 * Declarations of what an app needs, for `defineSecrets`: which secret or parameter, which
 * shape, which version, which role. A spec knows how to read itself from its source.
 */
import type { ReadOptions, SecretsReader, VersionSelector } from '../client/types.js';
import type { StandardSchemaV1 } from '../schema/standard-schema.js';
import { readJsonSpec } from './json-spec.js';
import type { ParametersLoaderSource } from './sources.js';
import { type TagFilter, type TreeOptions, type TreeSpec, treeSpec } from './tree-spec.js';

/** Version and account of a declared secret. */
export interface SecretSpecOptions extends VersionSelector {
  /**
   * Read the secret with this IAM role (STS AssumeRole), e.g. a role in the account that owns
   * it. `load` then needs `roles` among its sources (`crossAccountSources` from `secretkit/accounts`).
   */
  readonly roleArn?: string | undefined;
}

/** One declared secret, producing a `T`. */
export interface SecretSpec<T> {
  /** Marks a Secrets Manager secret. */
  readonly kind: 'secret';
  /** The secret id (name, ARN or partial ARN). */
  readonly secretId: string;
  /** The version selector, if not AWSCURRENT. */
  readonly version: VersionSelector | undefined;
  /** The role to read it with, if not the caller's own credentials. */
  readonly roleArn: string | undefined;
  /**
   * Reads and converts the value.
   *
   * @throws SecretkitError what the reader's `getString`, `getJson` or `getBinary` throws
   */
  read(reader: SecretsReader): Promise<T>;
}

/** One declared Parameter Store parameter, producing a `T`. */
export interface ParameterSpec<T> {
  /** Marks a parameter. */
  readonly kind: 'parameter';
  /** The name, with an optional `:version` or `:label` selector. */
  readonly name: string;
  /**
   * Reads and converts the value.
   *
   * @throws SecretkitError what the reader's `getString` or `getValue` throws
   */
  read(reader: ParametersLoaderSource): Promise<T>;
}

/** Anything `defineSecrets` accepts. */
export type AnySpec = SecretSpec<unknown> | ParameterSpec<unknown> | TreeSpec<unknown>;

/** The type a spec produces. */
export type SpecOutput<S> =
  S extends SecretSpec<infer T>
    ? T
    : S extends ParameterSpec<infer T>
      ? T
      : S extends TreeSpec<infer T>
        ? T
        : never;

function split(options: SecretSpecOptions | undefined): {
  version: VersionSelector | undefined;
  roleArn: string | undefined;
  read: ReadOptions | undefined;
} {
  if (options === undefined) return { version: undefined, roleArn: undefined, read: undefined };
  const { roleArn, ...selector } = options;
  const hasSelector = selector.versionId !== undefined || selector.versionStage !== undefined;
  return { version: hasSelector ? selector : undefined, roleArn, read: hasSelector ? selector : undefined };
}

/** Options of {@link secret.param}. */
export interface ParamSpecOptions {
  /**
   * How the value reaches the schema: `raw` (the string; a StringList's items as `string[]`) or
   * `json` (parsed first). @defaultValue `'raw'`
   */
  readonly format?: 'raw' | 'json' | undefined;
}

/** Builders of specs. */
export const secret = {
  /** A string secret. */
  string(secretId: string, options?: SecretSpecOptions): SecretSpec<string> {
    const o = split(options);
    return { kind: 'secret', secretId, ...o, read: (reader) => reader.getString(secretId, o.read) };
  },
  /**
   * A JSON secret validated and typed by a Standard Schema (zod, valibot, arktype...). Anything
   * else as `schema` fails this entry with `INVALID_ARGUMENT` at `load()`.
   */
  json<S extends StandardSchemaV1>(
    secretId: string,
    schema: S,
    options?: SecretSpecOptions,
  ): SecretSpec<StandardSchemaV1.InferOutput<S>> {
    const o = split(options);
    return {
      kind: 'secret',
      secretId,
      ...o,
      read: (reader) => readJsonSpec(reader, secretId, schema, o.read),
    };
  },
  /** A binary secret. */
  binary(secretId: string, options?: SecretSpecOptions): SecretSpec<Uint8Array> {
    const o = split(options);
    return { kind: 'secret', secretId, ...o, read: (reader) => reader.getBinary(secretId, o.read) };
  },
  /**
   * A Parameter Store parameter (`name`, `name:3` or `name:label`): a string without a schema;
   * with one, the value (a StringList's items as `string[]`; JSON with `format: 'json'`)
   * validated and typed by it. Batched with GetParameters, 10 names a call.
   */
  param: param as {
    (name: string): ParameterSpec<string>;
    <S extends StandardSchemaV1>(
      name: string,
      schema: S,
      options?: ParamSpecOptions,
    ): ParameterSpec<StandardSchemaV1.InferOutput<S>>;
  },
  /**
   * Every secret under a name prefix (or every parameter under a path), typed by a record of
   * schemas keyed by the name relative to the prefix. Reports each missing key, and with
   * `strict: true` each unexpected one. Secrets are parsed as JSON before their schema (like
   * `secret.json`); parameters are given raw (like `secret.param`) unless `format` says otherwise.
   */
  tree<const Schemas extends Readonly<Record<string, StandardSchemaV1>>>(
    prefix: string,
    schemas: Schemas,
    options?: TreeOptions,
  ): TreeSpec<{ readonly [K in keyof Schemas]: StandardSchemaV1.InferOutput<Schemas[K]> }> {
    return treeSpec({ kind: 'prefix', prefix }, schemas, options);
  },
  /**
   * Every secret carrying a tag (key, and value when given), typed by a record of schemas keyed
   * by secret name (minus `options.prefix` when given). Same reporting as {@link secret.tree}.
   */
  tagged<const Schemas extends Readonly<Record<string, StandardSchemaV1>>>(
    filter: TagFilter,
    schemas: Schemas,
    options?: Omit<TreeOptions, 'from'> & {
      /** Removed from each secret name to get its key. */
      readonly prefix?: string | undefined;
    },
  ): TreeSpec<{ readonly [K in keyof Schemas]: StandardSchemaV1.InferOutput<Schemas[K]> }> {
    return treeSpec({ kind: 'tag', filter, prefix: options?.prefix ?? '' }, schemas, {
      ...options,
      from: 'secrets',
    });
  },
} as const;

function param(name: string, schema?: StandardSchemaV1, options?: ParamSpecOptions): ParameterSpec<unknown> {
  if (schema === undefined) return { kind: 'parameter', name, read: (reader) => reader.getString(name) };
  const format = options?.format ?? 'raw';
  return { kind: 'parameter', name, read: (reader) => reader.getValue(name, schema, { format }) };
}
