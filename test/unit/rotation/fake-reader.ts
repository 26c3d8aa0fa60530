/**
 * A fake SecretsReader for unit tests: values by stage, a log of reads, and scripted failures.
 */
import type { ReadOptions, SecretsReader } from '../../../src/client/types.js';
import { SecretkitError } from '../../../src/errors/secretkit-error.js';
import type { StandardSchemaV1 } from '../../../src/schema/standard-schema.js';

/** One read the fake served. */
export interface ReaderCall {
  readonly secretId: string;
  readonly stage: string;
  readonly forceRefresh: boolean;
}

/** The fake reader and its state. */
export interface FakeReader extends SecretsReader {
  /** Values by stage (for every secret id); change them to simulate a rotation. */
  readonly values: Map<string, string>;
  /** Errors to throw by stage instead of a value. */
  readonly errors: Map<string, unknown>;
  /** Every read, in order. */
  readonly calls: ReaderCall[];
}

/**
 * Creates the fake. A stage with no value throws NOT_FOUND like the real client.
 *
 * @param values - initial values by stage
 */
export function createFakeReader(values: Record<string, string>): FakeReader {
  const state = new Map(Object.entries(values));
  const errors = new Map<string, unknown>();
  const calls: ReaderCall[] = [];
  const read = (secretId: string, options: ReadOptions | undefined): string => {
    const stage = options?.versionStage ?? 'AWSCURRENT';
    calls.push({ secretId, stage, forceRefresh: options?.forceRefresh === true });
    if (errors.has(stage)) throw errors.get(stage);
    const value = state.get(stage);
    if (value === undefined) throw new SecretkitError('NOT_FOUND', `no ${stage}`, { secretId });
    return value;
  };
  return {
    values: state,
    errors,
    calls,
    async getString(secretId, options) {
      return read(secretId, options);
    },
    async getJson<S extends StandardSchemaV1>(
      secretId: string,
      schema: S,
      options?: ReadOptions,
    ): Promise<StandardSchemaV1.InferOutput<S>> {
      const result = await schema['~standard'].validate(JSON.parse(read(secretId, options)));
      if (result.issues) throw new SecretkitError('SCHEMA_MISMATCH', 'schema mismatch', { secretId });
      return result.value as StandardSchemaV1.InferOutput<S>;
    },
    async getBinary(secretId, options) {
      return new TextEncoder().encode(read(secretId, options));
    },
  };
}
