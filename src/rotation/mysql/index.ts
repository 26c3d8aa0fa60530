/**
 * MySQL and MariaDB rotation strategies for `createRotationHandler` (secretkit/rotation): single
 * user and alternating users, following AWS's RDS MySQL/MariaDB rotation templates. Needs the
 * `mysql2` package (an optional peer dependency, imported only by this entry point).
 * Supports MySQL 5.7+, 8.x and MariaDB 10.2+ (Aurora MySQL included).
 *
 * @packageDocumentation
 */
import { type AlternatingSettings, createAlternatingUsersStrategy } from '../sql/alternating-users.js';
import type { ConnectionSettings } from '../sql/connect.js';
import { createSingleUserStrategy } from '../sql/single-user.js';
import type { RotationStrategy } from '../strategy.js';
import { type MysqlEngineSettings, mysqlEngine } from './engine.js';

export type { DatabaseTls } from '../sql/tls.js';

/** Options of {@link mysqlSingleUser}. */
export interface MysqlSingleUserOptions extends ConnectionSettings {}

/** Options of {@link mysqlAlternatingUsers}. */
export interface MysqlAlternatingUsersOptions extends AlternatingSettings, MysqlEngineSettings {}

/**
 * Single-user rotation: the secret's user changes its own password (`SET PASSWORD`, which
 * needs no privilege). Open connections keep working; new logins need the new password.
 *
 * The secret is RDS's shape: `{ engine: "mysql" | "mariadb", host, port?, username, password, dbname? }`.
 *
 * @example
 * ```ts
 * import { createRotationHandler } from 'secretkit/rotation';
 * import { mysqlSingleUser } from 'secretkit/rotation/mysql';
 * export const handler = createRotationHandler(mysqlSingleUser());
 * ```
 */
export function mysqlSingleUser(options: MysqlSingleUserOptions = {}): RotationStrategy {
  return createSingleUserStrategy('mysql-single-user', mysqlEngine(), options);
}

/**
 * Alternating-users rotation: the user of the secret named by `masterarn` keeps two accounts,
 * `'name'@'%'` and `'name_clone'@'%'` (created on the first rotation), copies the grants and
 * TLS requirements of the current one onto the other (`SHOW GRANTS` replayed) and sets its
 * password. The current credentials keep working until the next rotation.
 *
 * The master user needs `CREATE USER`, `SELECT` on `mysql.user` and every privilege it copies
 * `WITH GRANT OPTION` (RDS's master user has these).
 *
 * @example
 * ```ts
 * export const handler = createRotationHandler(mysqlAlternatingUsers({ maxUsernameLength: 80 }));
 * ```
 */
export function mysqlAlternatingUsers(options: MysqlAlternatingUsersOptions = {}): RotationStrategy {
  return createAlternatingUsersStrategy('mysql-alternating-users', mysqlEngine(options), options);
}
