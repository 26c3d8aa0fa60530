/**
 * Validates a parsed secret with a Standard Schema. Whatever the schema does, the outcome is
 * its output or a `SecretkitError` that holds no value and no key of the secret:
 * - issues become `SCHEMA_MISMATCH` with each issue's path and message, redacted
 *   (see `issues.ts`);
 * - a `validate` that throws or rejects (a zod transform calling `JSON.parse`, a refine that
 *   throws) becomes `SCHEMA_MISMATCH` naming only the error's class: its message may quote the
 *   value, so neither it nor the error is kept;
 * - any thenable is awaited (a Promise of another realm, a hand-made thenable);
 * - zod runs through `safeParseAsync` (see `run-validate.ts`: its `validate` would leave an
 *   async transform's rejection unhandled);
 * - a result that is neither `{ value }` nor `{ issues }` becomes `SCHEMA_MISMATCH`;
 * - a `~standard` that cannot be read, or has no `validate`, becomes `INVALID_ARGUMENT`.
 */
import { SecretkitError } from '../errors/secretkit-error.js';
import { jsonSchemaOf } from './declared-keys.js';
import { issueContext, type SchemaIssue, toSchemaIssues } from './issues.js';
import { schemaArgError } from './json-args.js';
import { collectSecrets } from './redact.js';
import { runValidate } from './run-validate.js';
import type { StandardSchemaV1 } from './standard-schema.js';

export type { SchemaIssue } from './issues.js';
export { isStandardSchema } from './json-args.js';

type Outcome =
  | { readonly value: unknown }
  | { readonly issues: readonly unknown[] }
  | { readonly malformed: string };

function readResult(result: unknown): Outcome {
  if (typeof result !== 'object' || result === null) {
    return { malformed: result === null || result === undefined ? String(result) : `a ${typeof result}` };
  }
  const issues = (result as { issues?: unknown }).issues;
  if (issues === undefined) {
    return 'value' in result
      ? { value: (result as { value: unknown }).value }
      : { malformed: 'an object without `value` or `issues`' };
  }
  return Array.isArray(issues)
    ? { issues: [...(issues as unknown[])] }
    : { malformed: 'issues that are not an array' };
}

/** "a SyntaxError", "a string", ...: what was thrown, without its message. */
function describeThrown(error: unknown, hidden: ReadonlySet<string>): string {
  if (typeof error !== 'object' || error === null) {
    return error === null ? 'null' : typeof error === 'undefined' ? 'undefined' : `a ${typeof error}`;
  }
  try {
    const name = (error as { name?: unknown }).name;
    // Only a class-like name (`SyntaxError`, `ZodError`): a name set from the value is not shown.
    if (
      typeof name === 'string' &&
      /^[A-Z][A-Za-z0-9]{0,39}(Error|Exception)$/.test(name) &&
      !hidden.has(name)
    ) {
      return /^[AEIOU]/.test(name) ? `an ${name}` : `a ${name}`;
    }
  } catch {
    // a throwing `name` getter: say nothing more
  }
  return 'an error';
}

function mismatch(secretId: string, summary: string, issues: readonly SchemaIssue[]): SecretkitError {
  // No `cause`: a library's issue objects, or what it threw, may hold the received values.
  return new SecretkitError('SCHEMA_MISMATCH', `Secret "${secretId}" ${summary}`, {
    secretId,
    details: { issues },
  });
}

/**
 * Validates `value` with `schema`.
 *
 * @param schema - any Standard Schema (zod, valibot, arktype, ...)
 * @param value - the parsed JSON
 * @param secretId - for the error
 * @returns the schema's output
 * @throws SecretkitError `SCHEMA_MISMATCH` with `details.issues: SchemaIssue[]` (the schema
 *   rejected the value, threw, or returned something that is not a result);
 *   `INVALID_ARGUMENT` when `schema` is not a usable Standard Schema
 */
export async function validateSecret<S extends StandardSchemaV1>(
  schema: S,
  value: unknown,
  secretId: string,
): Promise<StandardSchemaV1.InferOutput<S>> {
  const invalid = schemaArgError('getJson', schema, secretId);
  if (invalid) throw invalid;
  let standard: StandardSchemaV1.Props;
  let outcome: Outcome;
  try {
    standard = schema['~standard'];
    outcome = readResult(await runValidate(schema, standard, value));
  } catch (error) {
    const { values, keys } = collectSecrets(value);
    const what = describeThrown(error, new Set([...values, ...keys]));
    const message = `the schema threw ${what} (its message is not shown)`;
    throw mismatch(secretId, `could not be validated: ${message}, as it may quote the value.`, [
      { path: '', message },
    ]);
  }
  if ('value' in outcome) return outcome.value as StandardSchemaV1.InferOutput<S>;
  if ('malformed' in outcome) {
    const message = `the schema returned neither a value nor issues (${outcome.malformed})`;
    throw mismatch(secretId, `could not be validated: ${message}.`, [{ path: '', message }]);
  }
  const issues = toSchemaIssues(outcome.issues, issueContext(value, jsonSchemaOf(schema, standard)));
  if (issues.length === 0) {
    const message = 'the schema reported a failure with no issues';
    throw mismatch(secretId, `does not match its schema: ${message}.`, [{ path: '', message }]);
  }
  const summary = issues
    .slice(0, 5)
    .map((i) => (i.path ? `${i.path}: ${i.message}` : i.message))
    .join('; ');
  const more = issues.length > 5 ? ` (and ${issues.length - 5} more)` : '';
  throw mismatch(secretId, `does not match its schema: ${summary}${more}`, issues);
}
