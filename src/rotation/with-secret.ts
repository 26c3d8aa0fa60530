/**
 * `withSecret`: run code with a secret's current value and, when it fails because the
 * credentials were rotated, re-read the secret (bypassing the cache) and try again, a bounded
 * number of times (AWS's JDBC wrapper retries 5 times).
 */

import type { SecretsReader } from '../client/types.js';
import { SecretkitError } from '../errors/secretkit-error.js';
import type { StandardSchemaV1 } from '../schema/standard-schema.js';
import { isDatabaseAuthError } from './auth-errors.js';

/** Default number of refresh-and-retry rounds after the first attempt. */
export const DEFAULT_AUTH_MAX_RETRIES = 5;

/** Options of {@link withSecret}. */
export interface WithSecretOptions {
  /**
   * Whether an error means "these credentials are no longer valid".
   * @defaultValue {@link isDatabaseAuthError} (PostgreSQL 28P01/28000, MySQL 1045)
   */
  readonly isAuthError?: ((error: unknown) => boolean) | undefined;
  /** Refresh-and-retry rounds after the first attempt; 0 disables retries. @defaultValue 5 */
  readonly maxRetries?: number | undefined;
  /** Called after an authentication failure, before the refresh (close a pool, log...). */
  readonly onAuthError?: ((error: unknown, retry: number) => void | Promise<void>) | undefined;
}

/** {@link WithSecretOptions} with a schema: the value is parsed as JSON and validated. */
export interface WithSecretSchemaOptions<S extends StandardSchemaV1> extends WithSecretOptions {
  /** Standard Schema (zod, valibot, `databaseSecretSchema`...) the JSON value must match. */
  readonly schema: S;
}

/** What `fn` is given besides the value. */
export interface WithSecretAttempt {
  /** 0 for the first attempt, then 1, 2, ... after each refresh. */
  readonly retry: number;
}

function checkMaxRetries(maxRetries: number, secretId: string): void {
  if (!Number.isInteger(maxRetries) || maxRetries < 0) {
    throw new SecretkitError('INVALID_ARGUMENT', 'maxRetries must be a whole number of 0 or more.', {
      secretId,
      details: { argument: 'maxRetries' },
    });
  }
}

/**
 * Runs `fn` with the secret's value (a string, or with `schema` the validated JSON). When `fn`
 * throws an authentication error, force-refreshes the secret (`forceRefresh: true`, so a cached
 * value from before a rotation is replaced) and calls `fn` again with the new value, up to
 * `maxRetries` times. Other errors are rethrown at once.
 *
 * @param reader - a `SecretsClient` (or anything with its reads)
 * @param secretId - name or ARN
 * @param fn - the work, e.g. connect and query with the credentials
 * @param options - `isAuthError`, `maxRetries` (default 5), `onAuthError`
 * @returns what `fn` returned
 * @throws SecretkitError `AUTH_RETRIES_EXHAUSTED` (last error as `cause`) when every retry failed
 *   authentication; read errors (`NOT_FOUND`, `SCHEMA_MISMATCH`, ...); `fn`'s other errors as they are
 * @example
 * ```ts
 * const rows = await withSecret(secrets, 'prod/db', async (db) => {
 *   const client = new pg.Client({ host: db.host, user: db.username, password: db.password });
 *   await client.connect();
 *   try { return (await client.query('SELECT 1')).rows; } finally { await client.end(); }
 * }, { schema: databaseSecretSchema });
 * ```
 */
export function withSecret<S extends StandardSchemaV1, T>(
  reader: SecretsReader,
  secretId: string,
  fn: (value: StandardSchemaV1.InferOutput<S>, attempt: WithSecretAttempt) => Promise<T>,
  options: WithSecretSchemaOptions<S>,
): Promise<T>;
export function withSecret<T>(
  reader: SecretsReader,
  secretId: string,
  fn: (value: string, attempt: WithSecretAttempt) => Promise<T>,
  options?: WithSecretOptions,
): Promise<T>;
export async function withSecret<T>(
  reader: SecretsReader,
  secretId: string,
  fn: (value: never, attempt: WithSecretAttempt) => Promise<T>,
  options: WithSecretOptions & { readonly schema?: StandardSchemaV1 } = {},
): Promise<T> {
  // The overloads tie the value's type to the schema; here it is only passed through.
  const run = fn as (value: unknown, attempt: WithSecretAttempt) => Promise<T>;
  const maxRetries = options.maxRetries ?? DEFAULT_AUTH_MAX_RETRIES;
  checkMaxRetries(maxRetries, secretId);
  const isAuthError = options.isAuthError ?? isDatabaseAuthError;
  const { schema } = options;
  const read = (forceRefresh: boolean): Promise<unknown> =>
    schema === undefined
      ? reader.getString(secretId, { forceRefresh })
      : reader.getJson(secretId, schema, { forceRefresh });

  let value = await read(false);
  for (let retry = 0; ; retry++) {
    try {
      return await run(value, { retry });
    } catch (error) {
      if (!isAuthError(error)) throw error;
      if (retry >= maxRetries) {
        throw new SecretkitError(
          'AUTH_RETRIES_EXHAUSTED',
          `Authentication with secret "${secretId}" still failed after ${maxRetries} refresh(es).`,
          { cause: error, secretId, details: { retries: maxRetries } },
        );
      }
      await options.onAuthError?.(error, retry + 1);
      value = await read(true);
    }
  }
}
