/**
 * The database credential secret RDS and AWS's rotation functions use, as Standard Schema
 * validators written by hand (no schema library at runtime). Issues name the field, never its value.
 */
import type { StandardSchemaV1 } from '../schema/standard-schema.js';

/**
 * A database credential secret (the JSON RDS and AWS's rotation templates read and write).
 * Fields the schema does not know are kept as they are, so a rotation preserves them.
 */
export interface DatabaseSecret {
  /** `postgres`, `aurora-postgresql`, `mysql`, `mariadb`, `aurora-mysql`, ... */
  readonly engine: string;
  /** Host name or IP address of the database. */
  readonly host: string;
  /** Port; a numeric string in the JSON is accepted and returned as a number. */
  readonly port?: number | undefined;
  /** The database user. */
  readonly username: string;
  /** The user's password. */
  readonly password: string;
  /** The database to connect to. */
  readonly dbname?: string | undefined;
  /** ARN of the secret of a user allowed to manage this one (alternating-users rotation). */
  readonly masterarn?: string | undefined;
  /** RDS instance identifier, when RDS wrote it. */
  readonly dbInstanceIdentifier?: string | undefined;
  /** RDS/Aurora cluster identifier, when RDS wrote it. */
  readonly dbClusterIdentifier?: string | undefined;
  /** Other fields, kept as they are. */
  readonly [field: string]: unknown;
}

/** Just a username and password (e.g. a secret RDS manages for a master user). */
export interface DatabaseCredentials {
  /** The database user. */
  readonly username: string;
  /** The user's password. */
  readonly password: string;
  /** Other fields, kept as they are. */
  readonly [field: string]: unknown;
}

/** Options of {@link createDatabaseSecretSchema}. */
export interface DatabaseSecretSchemaOptions {
  /** Accepted values of `engine`. @defaultValue any non-empty string */
  readonly engines?: readonly string[] | undefined;
  /** Require `masterarn` (alternating-users rotation). @defaultValue false */
  readonly requireMasterArn?: boolean | undefined;
}

/** PostgreSQL engine names RDS uses. */
export const POSTGRES_ENGINES: readonly string[] = ['postgres', 'postgresql', 'aurora-postgresql'];
/** MySQL and MariaDB engine names RDS uses. */
export const MYSQL_ENGINES: readonly string[] = ['mysql', 'mariadb', 'aurora-mysql', 'aurora'];

type Issue = StandardSchemaV1.Issue;

function issue(field: string, message: string): Issue {
  return { message: `${field} ${message}`, path: [field] };
}

function checkString(obj: Record<string, unknown>, field: string, required: boolean, issues: Issue[]): void {
  const v = obj[field];
  if (v === undefined) {
    if (required) issues.push(issue(field, 'is required'));
  } else if (typeof v !== 'string' || v.length === 0) {
    issues.push(issue(field, 'must be a non-empty string'));
  }
}

function parsePort(v: unknown): number | undefined {
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\d{1,5}$/.test(v) ? Number(v) : Number.NaN;
  return Number.isInteger(n) && n >= 1 && n <= 65535 ? n : undefined;
}

function asObject(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

const NOT_AN_OBJECT: StandardSchemaV1.FailureResult = { issues: [{ message: 'expected a JSON object' }] };

/**
 * Builds a Standard Schema for {@link DatabaseSecret}: `engine`, `host`, `username` and
 * `password` are required non-empty strings; `port` is 1..65535 (number or numeric string);
 * `dbname`, `masterarn` and the RDS identifiers are strings when present; other fields are kept.
 *
 * @param options - accepted engines, whether `masterarn` is required
 * @returns a schema usable with `getJson`, `withSecret` or any Standard Schema consumer
 */
export function createDatabaseSecretSchema(
  options: DatabaseSecretSchemaOptions = {},
): StandardSchemaV1<unknown, DatabaseSecret> {
  const engines = options.engines;
  const validate = (value: unknown): StandardSchemaV1.Result<DatabaseSecret> => {
    const obj = asObject(value);
    if (!obj) return NOT_AN_OBJECT;
    const issues: Issue[] = [];
    for (const field of ['engine', 'host', 'username', 'password']) checkString(obj, field, true, issues);
    checkString(obj, 'masterarn', options.requireMasterArn === true, issues);
    for (const field of ['dbname', 'dbInstanceIdentifier', 'dbClusterIdentifier'])
      checkString(obj, field, false, issues);
    if (engines && typeof obj['engine'] === 'string' && !engines.includes(obj['engine'])) {
      issues.push(issue('engine', `must be one of: ${engines.join(', ')}`));
    }
    const port = obj['port'] === undefined ? undefined : parsePort(obj['port']);
    if (obj['port'] !== undefined && port === undefined)
      issues.push(issue('port', 'must be a port number (1-65535)'));
    if (issues.length > 0) return { issues };
    return { value: (port === undefined ? { ...obj } : { ...obj, port }) as DatabaseSecret };
  };
  return { '~standard': { version: 1, vendor: 'secretkit', validate } };
}

/** Any engine's credential secret. */
export const databaseSecretSchema: StandardSchemaV1<unknown, DatabaseSecret> = createDatabaseSecretSchema();
/** A PostgreSQL (RDS or Aurora) credential secret. */
export const postgresSecretSchema: StandardSchemaV1<unknown, DatabaseSecret> = createDatabaseSecretSchema({
  engines: POSTGRES_ENGINES,
});
/** A MySQL or MariaDB (RDS or Aurora) credential secret. */
export const mysqlSecretSchema: StandardSchemaV1<unknown, DatabaseSecret> = createDatabaseSecretSchema({
  engines: MYSQL_ENGINES,
});

/** Only `username` and `password` (e.g. an RDS-managed master user secret); other fields kept. */
export const databaseCredentialsSchema: StandardSchemaV1<unknown, DatabaseCredentials> = {
  '~standard': {
    version: 1,
    vendor: 'secretkit',
    validate: (value: unknown): StandardSchemaV1.Result<DatabaseCredentials> => {
      const obj = asObject(value);
      if (!obj) return NOT_AN_OBJECT;
      const issues: Issue[] = [];
      checkString(obj, 'username', true, issues);
      checkString(obj, 'password', true, issues);
      return issues.length > 0 ? { issues } : { value: { ...obj } as DatabaseCredentials };
    },
  },
};
