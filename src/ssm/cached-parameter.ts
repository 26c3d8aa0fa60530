/**
 * One parameter value as cached: type, version and the value, with the JSON parse and each
 * schema's output computed once. Redacts itself in `util.inspect`, `JSON.stringify`, `String()`.
 */
import { inspect } from 'node:util';
import { SecretkitError } from '../errors/secretkit-error.js';
import { parseSecretJson } from '../schema/parse-json.js';
import type { StandardSchemaV1 } from '../schema/standard-schema.js';
import { validateSecret } from '../schema/validate.js';

/** The three Parameter Store types. */
export type ParameterType = 'String' | 'StringList' | 'SecureString';

/** How a parameter's value is handed to a schema. */
export type ParameterFormat = 'raw' | 'json';

/** One version of a parameter, as cached. */
export class CachedParameter {
  readonly #value: string;
  #json: unknown;
  #parsedJson = false;
  readonly #outputs = new WeakMap<StandardSchemaV1, Map<ParameterFormat, Promise<unknown>>>();
  /** The parameter's name (without selector). */
  readonly name: string;
  /** The parameter's type. */
  readonly type: ParameterType;
  /** The version read. */
  readonly version: number;
  /** The parameter's ARN, when Parameter Store returned one. */
  readonly arn: string | undefined;

  /**
   * @param meta - name, type, version and ARN
   * @param value - the value as Parameter Store returned it (decrypted for a SecureString)
   */
  constructor(
    meta: { name: string; type: ParameterType; version: number; arn?: string | undefined },
    value: string,
  ) {
    this.name = meta.name;
    this.type = meta.type;
    this.version = meta.version;
    this.arn = meta.arn;
    this.#value = value;
  }

  /** Approximate size in bytes (for the cache's `maxBytes`). */
  get sizeBytes(): number {
    return this.#value.length * 2 + 128;
  }

  /** The value as a string (a StringList is its comma-separated text). */
  string(): string {
    return this.#value;
  }

  /** The value of a StringList as its items; `INVALID_ARGUMENT` for other types. */
  list(label: string): string[] {
    if (this.type !== 'StringList') {
      throw new SecretkitError(
        'INVALID_ARGUMENT',
        `Parameter "${label}" is a ${this.type}, not a StringList.`,
        {
          secretId: label,
        },
      );
    }
    return this.#value.split(',');
  }

  /** The raw value for a schema: the items of a StringList, else the string. */
  raw(): string | string[] {
    return this.type === 'StringList' ? this.#value.split(',') : this.#value;
  }

  /** The value parsed as JSON (parsed once, frozen). */
  json(label: string): unknown {
    if (!this.#parsedJson) {
      this.#json = Object.freeze(parseSecretJson(this.#value, label));
      this.#parsedJson = true;
    }
    return this.#json;
  }

  /** The value validated by `schema` (once per schema and format). */
  parsed<S extends StandardSchemaV1>(
    schema: S,
    format: ParameterFormat,
    label: string,
  ): Promise<StandardSchemaV1.InferOutput<S>> {
    let byFormat = this.#outputs.get(schema);
    if (byFormat === undefined) {
      byFormat = new Map();
      this.#outputs.set(schema, byFormat);
    }
    let result = byFormat.get(format);
    if (result === undefined) {
      const formats = byFormat;
      result = (async () =>
        validateSecret(schema, format === 'json' ? this.json(label) : this.raw(), label))();
      result.catch(() => formats.delete(format));
      byFormat.set(format, result);
    }
    return result as Promise<StandardSchemaV1.InferOutput<S>>;
  }

  /** Never the value. */
  toJSON(): Record<string, unknown> {
    return { name: this.name, type: this.type, version: this.version, value: '[redacted]' };
  }

  /** Never the value. */
  toString(): string {
    return `CachedParameter(${this.name}@${this.version}, value redacted)`;
  }

  /** Never the value. */
  [inspect.custom](): string {
    return this.toString();
  }
}
