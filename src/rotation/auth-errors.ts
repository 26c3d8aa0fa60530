/**
 * Classifiers for "the database refused these credentials" errors, as pure functions on error
 * shapes (no driver import): `pg` puts the SQLSTATE in `code`, `mysql2` puts the server errno in
 * `errno` and its name in `code`. Wrapped errors are recognised through their `cause` chain.
 */

/** PostgreSQL SQLSTATEs of a refused login: invalid_password, invalid_authorization_specification. */
export const PG_AUTH_SQLSTATES: readonly string[] = ['28P01', '28000'];
/** MySQL/MariaDB ER_ACCESS_DENIED_ERROR. */
export const MYSQL_ACCESS_DENIED_ERRNO = 1045;

const MAX_CAUSE_DEPTH = 5;

interface ErrorShape {
  readonly code?: unknown;
  readonly errno?: unknown;
  readonly cause?: unknown;
}

function someInChain(error: unknown, test: (e: ErrorShape) => boolean): boolean {
  let current: unknown = error;
  for (let depth = 0; depth <= MAX_CAUSE_DEPTH; depth++) {
    if (typeof current !== 'object' || current === null) return false;
    const shape = current as ErrorShape;
    if (test(shape)) return true;
    current = shape.cause;
  }
  return false;
}

/**
 * True when `error` (or an error in its `cause` chain) is PostgreSQL refusing a login:
 * SQLSTATE `28P01` (wrong password) or `28000` (no such role / not allowed), as `pg` reports it in `code`.
 *
 * @param error - anything caught
 */
export function isPgAuthError(error: unknown): boolean {
  return someInChain(error, (e) => typeof e.code === 'string' && PG_AUTH_SQLSTATES.includes(e.code));
}

/**
 * True when `error` (or an error in its `cause` chain) is MySQL/MariaDB refusing a login:
 * errno 1045 / code `ER_ACCESS_DENIED_ERROR`, as `mysql2` reports it.
 *
 * @param error - anything caught
 */
export function isMysqlAuthError(error: unknown): boolean {
  return someInChain(
    error,
    (e) => e.errno === MYSQL_ACCESS_DENIED_ERRNO || e.code === 'ER_ACCESS_DENIED_ERROR',
  );
}

/**
 * True for either engine's refused login ({@link isPgAuthError} or {@link isMysqlAuthError}).
 * The default classifier of `withSecret`.
 *
 * @param error - anything caught
 */
export function isDatabaseAuthError(error: unknown): boolean {
  return isPgAuthError(error) || isMysqlAuthError(error);
}
