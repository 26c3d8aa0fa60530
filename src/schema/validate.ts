/**
 * Validates a parsed secret with a Standard Schema. Failures become `SCHEMA_MISMATCH` with each
 * issue's path and message, where any of the secret's own values are redacted from messages.
 */

import type { SchemaIssue } from '../errors/details.js';
import { SecretkitError } from '../errors/secretkit-error.js';
import { collectLeaves, redact } from './redact.js';
import type { StandardSchemaV1 } from './standard-schema.js';

export type { SchemaIssue } from '../errors/details.js';

function pathOf(issue: StandardSchemaV1.Issue): string {
  if (!issue.path) return '';
  return issue.path
    .map((segment) => {
      const key = typeof segment === 'object' && segment !== null ? segment.key : segment;
      return typeof key === 'symbol' ? key.toString() : String(key);
    })
    .join('.');
}

/**
 * True when `value` looks like a Standard Schema (has a `~standard.validate` function).
 *
 * @param value - anything
 */
export function isStandardSchema(value: unknown): value is StandardSchemaV1 {
  const standard = (value as { '~standard'?: { validate?: unknown } } | null | undefined)?.['~standard'];
  return typeof standard === 'object' && standard !== null && typeof standard.validate === 'function';
}

/**
 * Validates `value` with `schema`.
 *
 * @param schema - any Standard Schema (zod, valibot, arktype, ...)
 * @param value - the parsed JSON
 * @param secretId - for the error
 * @returns the schema's output
 * @throws SecretkitError `SCHEMA_MISMATCH` with `details.issues: SchemaIssue[]`
 */
export async function validateSecret<S extends StandardSchemaV1>(
  schema: S,
  value: unknown,
  secretId: string,
): Promise<StandardSchemaV1.InferOutput<S>> {
  let result = schema['~standard'].validate(value);
  if (result instanceof Promise) result = await result;
  if (!result.issues) return result.value as StandardSchemaV1.InferOutput<S>;
  const leaves = collectLeaves(value);
  const issues: SchemaIssue[] = result.issues.map((issue) => ({
    path: redact(pathOf(issue), leaves),
    message: redact(issue.message, leaves),
  }));
  const summary = issues
    .slice(0, 5)
    .map((i) => (i.path ? `${i.path}: ${i.message}` : i.message))
    .join('; ');
  const more = issues.length > 5 ? ` (and ${issues.length - 5} more)` : '';
  // No `cause`: a library's issue objects may hold the received values.
  throw new SecretkitError(
    'SCHEMA_MISMATCH',
    `Secret "${secretId}" does not match its schema: ${summary}${more}`,
    {
      secretId,
      details: { issues },
    },
  );
}
