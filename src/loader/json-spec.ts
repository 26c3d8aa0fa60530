/**
 * How `secret.json` reads: the schema argument is checked first (a Joi 17 schema or read
 * options given in its place fail with `INVALID_ARGUMENT`, never read unvalidated), and what
 * a reader's `getJson` rejects with is labelled honestly: a `SecretkitError` or an AWS SDK
 * error as such, anything else as `SCHEMA_MISMATCH`, since the schema's own code runs inside
 * the read, without its message (which may quote the value).
 */
import type { ReadOptions, SecretsReader } from '../client/types.js';
import { isSecretkitError, SecretkitError } from '../errors/secretkit-error.js';
import { schemaArgError } from '../schema/json-args.js';
import type { StandardSchemaV1 } from '../schema/standard-schema.js';

function isAwsShaped(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { $metadata, $fault } = error as { $metadata?: unknown; $fault?: unknown };
  return typeof $metadata === 'object' || typeof $fault === 'string';
}

function errorClass(error: unknown): string {
  const name = typeof error === 'object' && error !== null ? (error as { name?: unknown }).name : undefined;
  return typeof name === 'string' && /^[A-Za-z]{1,40}Error$/.test(name) ? `a ${name}` : 'an error';
}

/**
 * Reads `secretId` with `reader.getJson`, validated by `schema`.
 *
 * @param reader - the source
 * @param secretId - the secret
 * @param schema - what `secret.json` was given as its schema
 * @param options - the version selector
 * @throws SecretkitError `INVALID_ARGUMENT` when `schema` is not a Standard Schema;
 *   `SCHEMA_MISMATCH` when the read threw something that is neither a SecretkitError nor an
 *   AWS error; otherwise what the reader threw
 */
export async function readJsonSpec<S extends StandardSchemaV1>(
  reader: SecretsReader,
  secretId: string,
  schema: S,
  options: ReadOptions | undefined,
): Promise<StandardSchemaV1.InferOutput<S>> {
  const invalid = schemaArgError('secret.json', schema, secretId);
  if (invalid) throw invalid;
  try {
    return await reader.getJson(secretId, schema, options);
  } catch (error) {
    if (isSecretkitError(error) || isAwsShaped(error)) throw error;
    throw new SecretkitError(
      'SCHEMA_MISMATCH',
      `Secret "${secretId}" could not be read and validated: the reader or its schema threw ${errorClass(error)} (its message is not shown, as it may quote the value).`,
      { secretId },
    );
  }
}
