/**
 * PostgreSQL rotation strategies for `createRotationHandler` (secretkit/rotation): single user
 * and alternating users, following AWS's RDS PostgreSQL rotation templates. Needs the `pg`
 * package (an optional peer dependency, imported only by this entry point).
 *
 * @packageDocumentation
 */
import { type AlternatingSettings, createAlternatingUsersStrategy } from '../sql/alternating-users.js';
import type { ConnectionSettings } from '../sql/connect.js';
import { createSingleUserStrategy } from '../sql/single-user.js';
import type { RotationStrategy } from '../strategy.js';
import { postgresEngine } from './engine.js';

export type { DatabaseTls } from '../sql/tls.js';

/** Options of {@link postgresSingleUser}. */
export interface PostgresSingleUserOptions extends ConnectionSettings {}

/** Options of {@link postgresAlternatingUsers}. */
export interface PostgresAlternatingUsersOptions extends AlternatingSettings {}

/**
 * Single-user rotation: the secret's user changes its own password (`ALTER ROLE ... PASSWORD`).
 * Connections opened with the old password keep working; new logins need the new one, so apps
 * should refresh on authentication failure (`withSecret`).
 *
 * The secret is RDS's shape: `{ engine: "postgres", host, port?, username, password, dbname? }`.
 * The new password is sent hashed as the server's `password_encryption` says (SCRAM or md5).
 *
 * @example
 * ```ts
 * import { createRotationHandler } from 'secretkit/rotation';
 * import { postgresSingleUser } from 'secretkit/rotation/postgres';
 * export const handler = createRotationHandler(postgresSingleUser());
 * ```
 */
export function postgresSingleUser(options: PostgresSingleUserOptions = {}): RotationStrategy {
  return createSingleUserStrategy('postgres-single-user', postgresEngine(), options);
}

/**
 * Alternating-users rotation: the user of the secret named by `masterarn` keeps two roles,
 * `name` and `name_clone` (created on the first rotation as a member of `name`, so it has its
 * privileges), and each rotation sets a new password on the one that is not current. The
 * current credentials keep working until the next rotation.
 *
 * The master user needs `CREATEROLE` (and, on PostgreSQL 16+, `ADMIN OPTION` on the rotated role).
 *
 * @example
 * ```ts
 * export const handler = createRotationHandler(postgresAlternatingUsers());
 * ```
 */
export function postgresAlternatingUsers(options: PostgresAlternatingUsersOptions = {}): RotationStrategy {
  return createAlternatingUsersStrategy('postgres-alternating-users', postgresEngine(), options);
}
