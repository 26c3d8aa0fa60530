/**
 * Redshift SQL text for rotation, following AWS's Redshift rotation templates. Every statement
 * here is also accepted by PostgreSQL, which is where the tests run it.
 */
import { md5Verifier, quoteIdent } from '../postgres/sql.js';

/** How the password goes into `ALTER USER ... PASSWORD`: Redshift's md5 form, or plain text (AWS's templates). */
export type RedshiftPasswordEncoding = 'md5' | 'plain';

/**
 * A Redshift string literal: `'...'` with `'` doubled. Redshift has no `E'...'` strings and
 * refuses backslashes in passwords, so a backslash is an error here.
 */
export function redshiftLiteral(value: string): string {
  if (value.includes('\\') || value.includes('\0')) throw new Error('literal contains a backslash or NUL');
  return `'${value.replace(/'/g, "''")}'`;
}

/** The text after `PASSWORD`: `md5` + md5(password + user) (Redshift and PostgreSQL both accept it), or the password. */
export function redshiftPasswordText(
  password: string,
  user: string,
  encoding: RedshiftPasswordEncoding,
): string {
  return encoding === 'md5' ? md5Verifier(password, user) : password;
}

/** `ALTER USER "user" WITH PASSWORD '...'` */
export function alterUserPasswordSql(user: string, text: string): string {
  return `ALTER USER ${quoteIdent(user)} WITH PASSWORD ${redshiftLiteral(text)}`;
}

/** `CREATE USER "user" WITH PASSWORD '...'` */
export function createUserSql(user: string, text: string): string {
  return `CREATE USER ${quoteIdent(user)} WITH PASSWORD ${redshiftLiteral(text)}`;
}

/** Database privileges AWS's template copies to the clone. */
export const DATABASE_PRIVILEGES = ['CREATE', 'TEMPORARY'] as const;
/** Table privileges AWS's template copies. */
export const TABLE_PRIVILEGES = ['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'REFERENCES'] as const;
/** Schema privileges AWS's template copies. */
export const SCHEMA_PRIVILEGES = ['CREATE', 'USAGE'] as const;

/** Databases on which `$1` has privilege `$2`. */
export const DATABASES_WITH_PRIVILEGE =
  'SELECT quote_ident(datname) AS name FROM pg_database WHERE datallowconn AND has_database_privilege($1, datname, $2)';
/**
 * Tables on which `$1` has privilege `$2` (system schemas left out; AWS's template leaves out
 * Redshift's pg_internal and pg_automv, and we also leave out pg_catalog and information_schema).
 */
export const TABLES_WITH_PRIVILEGE = `SELECT quote_ident(schemaname) || '.' || quote_ident(tablename) AS name FROM pg_tables
  WHERE schemaname NOT IN ('pg_internal', 'pg_automv', 'pg_catalog', 'information_schema')
    AND has_table_privilege($1, quote_ident(schemaname) || '.' || quote_ident(tablename), $2)`;
/** Schemas (that hold tables) on which `$1` has privilege `$2`. */
export const SCHEMAS_WITH_PRIVILEGE = `SELECT quote_ident(schemaname) AS name FROM (SELECT DISTINCT schemaname FROM pg_tables
  WHERE schemaname NOT IN ('pg_internal', 'pg_automv', 'pg_catalog', 'information_schema')) AS s
  WHERE has_schema_privilege($1, schemaname, $2)`;

/** `GRANT <privilege> ON <kind> a, b TO "user"` (the names are already quoted). */
export function grantSql(
  privilege: string,
  kind: 'DATABASE' | 'TABLE' | 'SCHEMA',
  names: readonly string[],
  user: string,
): string {
  return `GRANT ${privilege} ON ${kind} ${names.join(', ')} TO ${quoteIdent(user)}`;
}
