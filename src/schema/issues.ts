/**
 * A schema library's issues, turned into what secretkit reports: a path and a message, with no
 * value and no key of the secret in either.
 *
 * A path segment is shown when it cannot have come from the secret: a key the schema declares
 * at that position (see `declared-keys.ts`), a key the secret does not have (a missing required
 * field), or an index into an array of the secret. Any other segment, a key the secret has and the schema
 * does not declare, is `[redacted]`. Messages have every value and undeclared key of the
 * secret redacted. Anything odd (a non-string message, a path that is not an array, a getter
 * that throws) gives a placeholder, never an exception.
 */

import type { SchemaIssue } from '../errors/details.js';
import { SchemaCursor } from './declared-keys.js';
import { collectSecrets, REDACTED, redact } from './redact.js';

export type { SchemaIssue } from '../errors/details.js';

/** What the redaction of one secret's issues needs. */
export interface IssueContext {
  /** The parsed JSON that was validated. */
  readonly data: unknown;
  /** The schema's input as JSON Schema, if the library publishes it (see `declared-keys.ts`). */
  readonly document: unknown;
  /** Values of the secret, and keys it has where the schema does not declare them: never shown. */
  readonly hidden: ReadonlySet<string>;
}

/**
 * The context for `data` validated by a schema whose JSON Schema is `document`: every value,
 * and every key that occurs at least once where the schema does not declare it (walked
 * iteratively, at any depth).
 *
 * @param data - the parsed JSON
 * @param document - the schema's JSON Schema, or `undefined`
 */
export function issueContext(data: unknown, document: unknown): IssueContext {
  const { values, keys } = collectSecrets(data);
  const hidden = new Set(values);
  if (document === undefined) {
    for (const key of keys) hidden.add(key);
    return { data, document, hidden };
  }
  const stack: Array<[unknown, SchemaCursor]> = [[data, new SchemaCursor(document)]];
  const seen = new Set<object>();
  while (stack.length > 0) {
    const [node, cursor] = stack.pop() as [unknown, SchemaCursor];
    if (typeof node !== 'object' || node === null || seen.has(node)) continue;
    seen.add(node);
    const entries: Array<[string, unknown]> = Array.isArray(node)
      ? node.map((element, i) => [String(i), element])
      : Object.entries(node);
    for (const [key, element] of entries) {
      if (!Array.isArray(node) && !cursor.declares(key)) hidden.add(key);
      stack.push([element, cursor.child(key)]);
    }
  }
  return { data, document, hidden };
}

const NO_MESSAGE = '(no message)';

function segmentKey(segment: unknown): unknown {
  return typeof segment === 'object' && segment !== null ? (segment as { key?: unknown }).key : segment;
}

function isIndex(text: string): boolean {
  return /^(0|[1-9]\d{0,9})$/.test(text);
}

/** A segment that may be shown, unless it is itself one of the secret's values. */
function shown(text: string, ctx: IssueContext): string {
  return ctx.hidden.has(text) ? REDACTED : text;
}

/** The text of one segment, given the part of the data and of the schema it indexes into. */
function segmentText(key: unknown, node: unknown, cursor: SchemaCursor, ctx: IssueContext): string {
  if (typeof key === 'symbol') return shown(key.toString(), ctx);
  if (typeof key !== 'string' && typeof key !== 'number') return REDACTED;
  const text = String(key);
  if (cursor.declares(text)) return shown(text, ctx);
  if (Array.isArray(node)) return isIndex(text) || !(text in node) ? shown(text, ctx) : REDACTED;
  if (typeof node === 'object' && node !== null) {
    return Object.hasOwn(node, text) ? REDACTED : shown(text, ctx);
  }
  // Past the data (a transform's output): the key may be derived from a value.
  return REDACTED;
}

function pathText(path: unknown, ctx: IssueContext): string {
  if (!Array.isArray(path)) return '';
  let node: unknown = ctx.data;
  let cursor = new SchemaCursor(ctx.document);
  const parts: string[] = [];
  for (const segment of path) {
    const key = segmentKey(segment);
    parts.push(segmentText(key, node, cursor, ctx));
    cursor =
      typeof key === 'string' || typeof key === 'number'
        ? cursor.child(String(key))
        : new SchemaCursor(undefined);
    node =
      typeof node === 'object' && node !== null && (typeof key === 'string' || typeof key === 'number')
        ? (node as Record<string, unknown>)[String(key)]
        : undefined;
  }
  return parts.join('.');
}

function toIssue(issue: unknown, ctx: IssueContext): SchemaIssue {
  try {
    if (typeof issue !== 'object' || issue === null) return { path: '', message: NO_MESSAGE };
    const { message, path } = issue as { message?: unknown; path?: unknown };
    return {
      path: pathText(path, ctx),
      message: typeof message === 'string' && message.length > 0 ? redact(message, ctx.hidden) : NO_MESSAGE,
    };
  } catch {
    return { path: '', message: NO_MESSAGE };
  }
}

/**
 * Converts a library's issues (never throws).
 *
 * @param issues - the `issues` of a Standard Schema failure result
 * @param ctx - the data, the declared keys and what must be hidden
 */
export function toSchemaIssues(issues: readonly unknown[], ctx: IssueContext): SchemaIssue[] {
  const out: SchemaIssue[] = [];
  for (const issue of issues) out.push(toIssue(issue, ctx));
  return out;
}
