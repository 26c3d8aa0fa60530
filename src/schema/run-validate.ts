/**
 * Calls a schema's validation once. For zod (3 and 4, classic and mini) that means
 * `safeParseAsync`, not `~standard.validate`: zod's `validate` parses synchronously first and,
 * on meeting an async transform or refine, starts over asynchronously. The first run's promise
 * is dropped, so an async transform that rejects is called twice, and its first rejection is
 * unhandled: Node prints it (with the value the error quotes) and, by default, exits.
 * `safeParseAsync` runs every transform once and settles where secretkit can catch it.
 */
import type { StandardSchemaV1 } from './standard-schema.js';

interface ZodSafeParseResult {
  readonly success: boolean;
  readonly data?: unknown;
  readonly error?: { readonly issues?: unknown };
}

function fromZod(result: ZodSafeParseResult): unknown {
  // Anything unexpected is passed on as is: validateSecret rejects a malformed result.
  if (typeof result !== 'object' || result === null) return result;
  return result.success ? { value: result.data } : { issues: result.error?.issues };
}

/**
 * The schema's result (or a thenable of it) for `value`.
 *
 * @param schema - the schema object
 * @param standard - its `~standard` properties, already read
 * @param value - the parsed JSON
 * @throws what the schema throws (validateSecret turns it into `SCHEMA_MISMATCH`)
 */
export function runValidate(schema: object, standard: StandardSchemaV1.Props, value: unknown): unknown {
  if (standard.vendor === 'zod') {
    const safeParseAsync = (schema as { safeParseAsync?: unknown }).safeParseAsync;
    if (typeof safeParseAsync === 'function') {
      return (safeParseAsync.call(schema, value) as Promise<ZodSafeParseResult>).then(fromZod);
    }
  }
  return standard.validate(value);
}
