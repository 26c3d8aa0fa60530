/**
 * Declarations of the secrets an app needs, for `defineSecrets`: which id, which shape, which
 * version. A spec knows how to read itself from a {@link SecretsReader}.
 */
import type { ReadOptions, SecretsReader, VersionSelector } from '../client/types.js';
import type { StandardSchemaV1 } from '../schema/standard-schema.js';
import { readJsonSpec } from './json-spec.js';

/** One declared secret, producing a `T`. */
export interface SecretSpec<T> {
  /** The secret id (name, ARN or partial ARN). */
  readonly secretId: string;
  /** The version selector, if not AWSCURRENT. */
  readonly version: VersionSelector | undefined;
  /**
   * Reads and converts the value.
   *
   * @throws SecretkitError what the reader's `getString`, `getJson` or `getBinary` throws
   *   (e.g. `NOT_FOUND`, `SCHEMA_MISMATCH`)
   */
  read(reader: SecretsReader): Promise<T>;
}

/** The type a spec produces. */
export type SpecOutput<S> = S extends SecretSpec<infer T> ? T : never;

function readOptions(version: VersionSelector | undefined): ReadOptions | undefined {
  return version;
}

/** Builders of {@link SecretSpec}s. */
export const secret = {
  /** A string secret. */
  string(secretId: string, version?: VersionSelector): SecretSpec<string> {
    return { secretId, version, read: (reader) => reader.getString(secretId, readOptions(version)) };
  },
  /**
   * A JSON secret validated and typed by a Standard Schema (zod, valibot, arktype...). Anything
   * else as `schema` fails this entry with `INVALID_ARGUMENT` at `load()`.
   */
  json<S extends StandardSchemaV1>(
    secretId: string,
    schema: S,
    version?: VersionSelector,
  ): SecretSpec<StandardSchemaV1.InferOutput<S>> {
    return {
      secretId,
      version,
      read: (reader) => readJsonSpec(reader, secretId, schema, readOptions(version)),
    };
  },
  /** A binary secret. */
  binary(secretId: string, version?: VersionSelector): SecretSpec<Uint8Array> {
    return { secretId, version, read: (reader) => reader.getBinary(secretId, readOptions(version)) };
  },
} as const;
