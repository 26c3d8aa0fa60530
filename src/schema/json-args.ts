/**
 * The schema-or-options arguments of `getJson(id, schema?, options?)` and `secret.json(id,
 * schema)`. The second argument is a Standard Schema or read options, and nothing else: a
 * schema library without Standard Schema (zod before 3.24, Joi before 18, yup before 1.7), or
 * an object with keys that are not read options, is rejected by name. Taking it as options
 * would return the JSON unvalidated.
 *
 * Pure, and never throws (a `~standard` getter or a Proxy that throws is an answer too): the
 * callers reject with the error, so an async API never throws synchronously.
 */
import { SecretkitError } from '../errors/secretkit-error.js';
import type { StandardSchemaV1 } from './standard-schema.js';

/** The keys of read options (`ReadOptions` of the client). */
export const READ_OPTION_KEYS: readonly string[] = ['versionStage', 'versionId', 'forceRefresh'];

const SUPPORTED =
  'zod 3.24+, valibot 1+, arktype 2+, Joi 18+, yup 1.7+, or an object with `~standard.validate`';

type Shape =
  | { readonly kind: 'schema' }
  | { readonly kind: 'options' }
  | { readonly kind: 'other'; readonly what: string };

function article(word: string): string {
  return /^[AEIOUaeiou]/.test(word) ? `an ${word}` : `a ${word}`;
}

function quoteKeys(keys: readonly string[]): string {
  const shown = keys.slice(0, 5).map((k) => JSON.stringify(k.length > 40 ? `${k.slice(0, 40)}…` : k));
  return `${shown.join(', ')}${keys.length > 5 ? ` and ${keys.length - 5} more` : ''}`;
}

/** A library schema that predates Standard Schema, by the marks each library leaves. */
function legacySchema(value: Record<string, unknown>): string | undefined {
  if (typeof value['_def'] === 'object' && typeof value['safeParse'] === 'function') {
    return 'a zod schema without Standard Schema support (zod before 3.24): upgrade zod to 3.24 or later';
  }
  if (value['isJoi'] === true || ('$_root' in value && '$_terms' in value)) {
    return 'a Joi schema without Standard Schema support (Joi before 18): upgrade to Joi 18 or later';
  }
  if (value['__isYupSchema__'] === true) {
    return 'a yup schema without Standard Schema support (yup before 1.7): upgrade to yup 1.7 or later';
  }
  return undefined;
}

function className(value: object): string | undefined {
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto === null) return undefined;
  const name = (proto as { constructor?: { name?: unknown } }).constructor?.name;
  return typeof name === 'string' && /^[A-Za-z_$][\w$]{0,39}$/.test(name) ? name : 'object';
}

function shapeOf(value: unknown): Shape {
  if (value === null) return { kind: 'other', what: 'null' };
  if (typeof value !== 'object' && typeof value !== 'function') {
    return { kind: 'other', what: article(typeof value) };
  }
  let standard: unknown;
  try {
    standard = (value as { '~standard'?: unknown })['~standard'];
  } catch {
    return { kind: 'other', what: `${article(typeof value)} whose \`~standard\` threw when read` };
  }
  if (standard !== undefined) {
    const validate =
      typeof standard === 'object' && standard !== null
        ? (standard as { validate?: unknown }).validate
        : undefined;
    if (typeof validate === 'function') return { kind: 'schema' };
    return {
      kind: 'other',
      what: `${article(typeof value)} whose \`~standard\` has no \`validate\` function`,
    };
  }
  const legacy = legacySchema(value as Record<string, unknown>);
  if (legacy) return { kind: 'other', what: legacy };
  if (typeof value === 'function') return { kind: 'other', what: 'a function' };
  if (Array.isArray(value)) return { kind: 'other', what: 'an array' };
  const name = className(value);
  if (name !== undefined && name !== 'Object') return { kind: 'other', what: article(name) };
  const unknownKeys = Object.keys(value).filter((k) => !READ_OPTION_KEYS.includes(k));
  if (unknownKeys.length === 0) return { kind: 'options' };
  const noun = unknownKeys.length === 1 ? 'key' : 'keys';
  return {
    kind: 'other',
    what: `an object with unknown ${noun} ${quoteKeys(unknownKeys)} (read options are ${READ_OPTION_KEYS.join(', ')})`,
  };
}

function safeShape(value: unknown): Shape {
  try {
    return shapeOf(value);
  } catch {
    return { kind: 'other', what: 'an object that could not be inspected' };
  }
}

function invalid(message: string, secretId: string | undefined): SecretkitError {
  return new SecretkitError('INVALID_ARGUMENT', message, { secretId });
}

/**
 * True when `value` is a usable Standard Schema (has a `~standard.validate` function). Never
 * throws.
 *
 * @param value - anything
 */
export function isStandardSchema(value: unknown): value is StandardSchemaV1 {
  return safeShape(value).kind === 'schema';
}

/**
 * Why `value` cannot be used as the schema argument of `method`, or `undefined` when it can.
 * Never throws.
 *
 * @param method - for the message, e.g. `'secret.json'`
 * @param value - the argument
 * @param secretId - for the error
 * @returns an `INVALID_ARGUMENT` error naming what was passed, or `undefined`
 */
export function schemaArgError(
  method: string,
  value: unknown,
  secretId?: string,
): SecretkitError | undefined {
  const shape = safeShape(value);
  if (shape.kind === 'schema') return undefined;
  const what = value === undefined ? 'undefined' : shape.kind === 'options' ? 'an object' : shape.what;
  return invalid(
    `${method}: the second argument must be a Standard Schema (${SUPPORTED}); got ${what}.`,
    secretId,
  );
}

/**
 * Why `(second, third)` are not usable as `getJson`'s `(schema, options)` or `(options)`, or
 * `undefined` when they are. Never throws.
 *
 * @param method - for the message, e.g. `'getJson'`
 * @param second - a Standard Schema, read options, or undefined
 * @param third - read options after a schema, or undefined
 * @param secretId - for the error
 * @returns an `INVALID_ARGUMENT` error naming what was passed, or `undefined`
 */
export function jsonArgsError(
  method: string,
  second: unknown,
  third: unknown,
  secretId?: string,
): SecretkitError | undefined {
  const shape = second === undefined ? undefined : safeShape(second);
  if (third !== undefined && shape?.kind !== 'schema') {
    const what = shape === undefined ? 'undefined' : shape.kind === 'options' ? 'read options' : shape.what;
    return invalid(
      `${method}: a third argument is given, so the second must be a Standard Schema (${SUPPORTED}); got ${what}.`,
      secretId,
    );
  }
  if (shape === undefined || shape.kind === 'options') return undefined;
  if (shape.kind === 'other') {
    return invalid(
      `${method}: the second argument must be a Standard Schema (${SUPPORTED}) or read options; got ${shape.what}.`,
      secretId,
    );
  }
  if (third === undefined) return undefined;
  const options = safeShape(third);
  if (options.kind === 'options') return undefined;
  return invalid(
    `${method}: the third argument must be read options (${READ_OPTION_KEYS.join(', ')}); got ${options.kind === 'schema' ? 'a schema' : options.what}.`,
    secretId,
  );
}
