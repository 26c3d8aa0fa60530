/**
 * The one error type secretkit throws, with a stable string `code`.
 *
 * Error messages never contain secret values: they name the secret (id or ARN), the
 * operation and what went wrong. The AWS error, when there is one, is kept as `cause`.
 */

import type { SecretkitErrorDetails } from './details.js';

export type { SecretkitErrorDetails, SecretkitErrorDetailsByCode } from './details.js';

const BRAND = Symbol.for('secretkit/SecretkitError');

/**
 * Every code a {@link SecretkitError} can carry. Codes are stable across releases:
 * match on them, not on messages. `docs/troubleshooting.md` explains each one.
 */
export type SecretkitErrorCode =
  // --- reads ---------------------------------------------------------------
  /** The secret (or the requested version/stage) does not exist. */
  | 'NOT_FOUND'
  /** The secret is scheduled for deletion; restore it to read it. */
  | 'DELETED'
  /** The caller is not allowed to perform the operation (IAM, resource or key policy). */
  | 'ACCESS_DENIED'
  /** Secrets Manager could not decrypt the value with its KMS key. */
  | 'DECRYPTION_FAILURE'
  /** A string was requested but the version holds binary data. */
  | 'NOT_A_STRING'
  /** Binary was requested but the version holds a string. */
  | 'NOT_BINARY'
  /** The secret string is not valid JSON. */
  | 'INVALID_JSON'
  /** The parsed JSON does not match the caller's schema. */
  | 'SCHEMA_MISMATCH'
  /** AWS throttled the request beyond the SDK's own retries. */
  | 'THROTTLED'
  /** The region did not answer (network error, timeout, 5xx). */
  | 'REGION_UNAVAILABLE'
  /** Every configured region failed; `regionErrors` lists each cause. */
  | 'ALL_REGIONS_FAILED'
  /** One attempt exceeded its deadline. */
  | 'TIMEOUT'
  /** `defineSecrets(...).load()` failed for one or more secrets; `failures` lists them. */
  | 'LOAD_FAILED'
  // --- writes --------------------------------------------------------------
  /** A secret with that name (or a version with that token and another value) already exists. */
  | 'ALREADY_EXISTS'
  /** The operation is not permitted on a replica; write to the primary region. */
  | 'REPLICA_WRITE'
  /** AWS refused the request as invalid in the secret's current state. */
  | 'INVALID_REQUEST'
  // --- arguments -----------------------------------------------------------
  /** An argument or option is invalid (bad id, bad option value, conflicting options). */
  | 'INVALID_ARGUMENT'
  /** A string is not a valid Secrets Manager ARN. */
  | 'INVALID_ARN'
  /** A string is not a valid secret name. */
  | 'INVALID_NAME'
  // --- rotation ------------------------------------------------------------
  /** A version id does not exist on the secret. */
  | 'VERSION_NOT_FOUND'
  /** No version carries the requested staging label. */
  | 'STAGE_NOT_FOUND'
  /** Rotation is not enabled on the secret. */
  | 'ROTATION_NOT_ENABLED'
  /** The rotation event or its token does not match the secret's versions. */
  | 'ROTATION_INVALID_TOKEN'
  /** A rotation step failed (setSecret/testSecret against the database, etc.). */
  | 'ROTATION_FAILED'
  /** `withSecret` gave up after refreshing the credentials the allowed number of times. */
  | 'AUTH_RETRIES_EXHAUSTED'
  // --- lifecycle / catch-all -----------------------------------------------
  /** The client was closed. */
  | 'CLIENT_CLOSED'
  /** An AWS error secretkit does not classify more precisely; see `cause`. */
  | 'AWS_ERROR';

/** Options accepted by the {@link SecretkitError} constructor. */
export interface SecretkitErrorOptions<C extends SecretkitErrorCode = SecretkitErrorCode> {
  /** The underlying error (an AWS SDK error, a network error, ...). */
  readonly cause?: unknown;
  /** The secret id or ARN the error is about, when there is one. */
  readonly secretId?: string | undefined;
  /** The region the failing call went to, when there is one. */
  readonly region?: string | undefined;
  /** Extra structured, value-free details, typed per code (schema issues, per-region causes, ...). */
  readonly details?: SecretkitErrorDetails<C> | undefined;
}

/**
 * The error type of secretkit. Check it with {@link isSecretkitError} or `instanceof`;
 * both work across the ESM and CJS copies of the package (the class is branded with
 * `Symbol.for`), so an app that loads both still recognises every error.
 *
 * @example
 * ```ts
 * try { await secrets.getString('prod/db'); }
 * catch (e) { if (isSecretkitError(e, 'NOT_FOUND')) { ... } }
 * ```
 */
export class SecretkitError<C extends SecretkitErrorCode = SecretkitErrorCode> extends Error {
  /** Always `'SecretkitError'`. */
  override readonly name: string = 'SecretkitError';
  /** Stable machine-readable code. */
  readonly code: C;
  /** The secret id or ARN this error is about, if any. */
  readonly secretId: string | undefined;
  /** The region of the failing call, if any. */
  readonly region: string | undefined;
  /** Structured, value-free details, typed per code; see each code's documentation. */
  readonly details: SecretkitErrorDetails<C> | undefined;

  /**
   * @param code - stable error code
   * @param message - human-readable message; must never contain a secret value
   * @param options - cause, secret id, region and details
   */
  constructor(code: C, message: string, options: SecretkitErrorOptions<C> = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    Object.defineProperty(this, BRAND, { value: true, enumerable: false });
    this.code = code;
    this.secretId = options.secretId;
    this.region = options.region;
    this.details = options.details;
  }

  /** Recognises errors from any copy of secretkit (ESM or CJS) by their brand. */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
  }

  /** A JSON form with no secret values: name, code, message, secretId, region, details. */
  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      code: this.code,
      message: this.message,
      secretId: this.secretId,
      region: this.region,
      details: this.details,
    };
  }
}

/**
 * True when `error` is a {@link SecretkitError} (from any copy of the package), and,
 * when `code` is given, has that code: `isSecretkitError(e, 'LOAD_FAILED')` narrows `e.code`
 * to `'LOAD_FAILED'` and `e.details` to `{ failures }`.
 *
 * @param error - anything caught
 * @param code - optional code to match
 */
export function isSecretkitError<C extends SecretkitErrorCode = SecretkitErrorCode>(
  error: unknown,
  code?: C,
): error is SecretkitError<C> {
  return error instanceof SecretkitError && (code === undefined || error.code === code);
}
