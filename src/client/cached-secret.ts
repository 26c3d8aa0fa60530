/**
 * What the cache holds for one (secret, version selector): the raw value as AWS returned it,
 * plus the parsed JSON and each schema's output, computed once per value. Redacts itself in
 * `util.inspect`, `JSON.stringify` and `String()`.
 */
import { inspect } from 'node:util';
import { SecretkitError } from '../errors/secretkit-error.js';
import { parseSecretJson } from '../schema/parse-json.js';
import type { StandardSchemaV1 } from '../schema/standard-schema.js';
import { validateSecret } from '../schema/validate.js';

const UNPARSED = Symbol('unparsed');

/** One version of a secret, as cached. */
export class CachedSecret {
  readonly #string: string | undefined;
  readonly #binary: Uint8Array | undefined;
  #json: unknown = UNPARSED;
  // Created on the first schema read only: a string secret never pays for two WeakMaps (each
  // a table the GC treats specially), and a cache miss allocates less.
  #bySchema: WeakMap<StandardSchemaV1, Promise<unknown>> | undefined;
  /** Settled schema outputs, for the synchronous hit path. */
  #resolved: WeakMap<StandardSchemaV1, unknown> | undefined;
  /**
   * The schema that validated this value last, and its output: the hit path compares the
   * schema by identity before any WeakMap lookup (one schema per secret is the common case).
   */
  #lastSchema: unknown;
  #lastOutput: unknown;
  /** The secret's name. */
  readonly name: string;
  /** The secret's full ARN (of the region that served it). */
  readonly arn: string;
  /** The version id. */
  readonly versionId: string;

  /**
   * @param meta - name, ARN and version id (the staging labels are not kept: nothing reads them,
   *   and an array per cached secret would outlive the read: the miss path)
   * @param value - exactly one of a string or binary
   */
  constructor(
    meta: { name: string; arn: string; versionId: string },
    value: { string?: string | undefined; binary?: Uint8Array | undefined },
  ) {
    this.name = meta.name;
    this.arn = meta.arn;
    this.versionId = meta.versionId;
    this.#string = value.string;
    this.#binary = value.binary;
  }

  /** Approximate size in bytes (for the cache's `maxBytes`). */
  get sizeBytes(): number {
    // The value, the metadata strings, and the object with its lazily parsed forms.
    const meta = this.arn.length + this.name.length + this.versionId.length;
    return (this.#string?.length ?? 0) * 2 + (this.#binary?.byteLength ?? 0) + 2 * meta + 320;
  }

  /** The string value; `NOT_A_STRING` when the version holds binary. */
  string(secretId: string): string {
    if (this.#string !== undefined) return this.#string;
    throw new SecretkitError(
      'NOT_A_STRING',
      `Secret "${secretId}" holds binary data, not a string; use getBinary.`,
      {
        secretId,
      },
    );
  }

  /** The binary value (a copy); `NOT_BINARY` when the version holds a string. */
  binary(secretId: string): Uint8Array {
    if (this.#binary !== undefined) return this.#binary.slice();
    throw new SecretkitError(
      'NOT_BINARY',
      `Secret "${secretId}" holds a string, not binary data; use getString.`,
      {
        secretId,
      },
    );
  }

  /** The string value, or `undefined` when the version holds binary (hit path; no error). */
  peekString(): string | undefined {
    return this.#string;
  }

  /**
   * The hit path's schema output: the validated output for `schema` if a validation of this
   * value by that very object already succeeded, else `undefined` (then the caller takes the
   * full path, which also checks that `schema` is one). Deliberately cheap: an identity
   * comparison, then one WeakMap lookup (which answers `undefined` for a non-object).
   */
  peekParsed(schema: unknown): unknown {
    if (schema === this.#lastSchema) return this.#lastOutput;
    return this.#resolved?.get(schema as StandardSchemaV1);
  }

  /** The parsed JSON if a read already parsed it, else `undefined` (hit path; no error). */
  peekJson(): unknown {
    return this.#json === UNPARSED ? undefined : this.#json;
  }

  /** The value parsed as JSON (parsed once). */
  json(secretId: string): unknown {
    if (this.#json === UNPARSED) this.#json = deepFreeze(parseSecretJson(this.string(secretId), secretId));
    return this.#json;
  }

  /** The value validated by `schema` (validated once per schema object; the output is frozen). */
  parsed<S extends StandardSchemaV1>(schema: S, secretId: string): Promise<StandardSchemaV1.InferOutput<S>> {
    if (this.#bySchema === undefined) this.#bySchema = new WeakMap();
    const bySchema = this.#bySchema;
    let result = bySchema.get(schema);
    if (!result) {
      result = (async () => {
        const output = deepFreeze(await validateSecret(schema, this.json(secretId), secretId));
        if (this.#resolved === undefined) this.#resolved = new WeakMap();
        this.#resolved.set(schema, output);
        this.#lastSchema = schema;
        this.#lastOutput = output;
        return output;
      })();
      // A failed validation is not remembered: the next read reports it again, and a fixed
      // secret (new version) is a new CachedSecret anyway.
      result.catch(() => bySchema.delete(schema));
      bySchema.set(schema, result);
    }
    return result as Promise<StandardSchemaV1.InferOutput<S>>;
  }

  /** Never the value. */
  toJSON(): Record<string, unknown> {
    return { name: this.name, arn: this.arn, versionId: this.versionId, value: '[redacted]' };
  }

  /** Never the value. */
  toString(): string {
    return `CachedSecret(${this.name}@${this.versionId}, value redacted)`;
  }

  /** Never the value. */
  [inspect.custom](): string {
    return this.toString();
  }
}

function deepFreeze<T>(value: T, depth = 0): T {
  if (depth > 64 || typeof value !== 'object' || value === null || Object.isFrozen(value)) return value;
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== Array.prototype && proto !== null) return value;
  Object.freeze(value);
  for (const item of Object.values(value)) deepFreeze(item, depth + 1);
  return value;
}
