/**
 * Amazon Redshift rotation strategies for `createRotationHandler` (secretkit/rotation): single
 * user and alternating users, following AWS's SecretsManagerRedshiftRotationSingleUser and
 * ...MultiUser templates. Needs the `pg` package (Redshift speaks the PostgreSQL protocol).
 *
 * Proven here on PostgreSQL with the SQL both accept (see docs/rotation.md); Redshift-only
 * behaviour (its password rules, identifier case folding, real clusters) is not proven here.
 *
 * @packageDocumentation
 */
import { type AlternatingSettings, createAlternatingUsersStrategy } from '../sql/alternating-users.js';
import type { ConnectionSettings } from '../sql/connect.js';
import { createSingleUserStrategy } from '../sql/single-user.js';
import type { RotationStrategy } from '../strategy.js';
import { type RedshiftEngineSettings, redshiftEngine } from './engine.js';

export type { DatabaseTls } from '../sql/tls.js';
export { REDSHIFT_PASSWORD_RULES } from './engine.js';
export type { RedshiftPasswordEncoding } from './sql.js';

/** Options of {@link redshiftSingleUser}. */
export interface RedshiftSingleUserOptions extends ConnectionSettings, RedshiftEngineSettings {}

/** Options of {@link redshiftAlternatingUsers}. */
export interface RedshiftAlternatingUsersOptions extends AlternatingSettings, RedshiftEngineSettings {}

/**
 * Single-user rotation: the secret's user changes its own password (`ALTER USER ... WITH PASSWORD`,
 * sent as Redshift's md5 hash by default). The secret: `{ engine: "redshift", host, port? (5439),
 * username, password, dbname? ("dev") }`. The password policy must meet Redshift's rules
 * (8–64 characters with upper, lower and digit; none of `' " \ / @` or space): the default
 * policy does; `checkRotation` reports one that does not.
 *
 * @example
 * ```ts
 * import { createRotationHandler } from 'secretkit/rotation';
 * import { redshiftSingleUser } from 'secretkit/rotation/redshift';
 * export const handler = createRotationHandler(redshiftSingleUser());
 * ```
 */
export function redshiftSingleUser(options: RedshiftSingleUserOptions = {}): RotationStrategy {
  return createSingleUserStrategy('redshift-single-user', redshiftEngine(options), options);
}

/**
 * Alternating-users rotation: the user of the `masterarn` secret (a superuser, as Redshift's
 * admin user is) creates `name_clone` on the first rotation with the database, schema and table
 * privileges of `name` (as AWS's template copies them), and each rotation sets a new password on
 * the user that is not current.
 *
 * @example
 * ```ts
 * export const handler = createRotationHandler(redshiftAlternatingUsers());
 * ```
 */
export function redshiftAlternatingUsers(options: RedshiftAlternatingUsersOptions = {}): RotationStrategy {
  return createAlternatingUsersStrategy('redshift-alternating-users', redshiftEngine(options), options);
}
