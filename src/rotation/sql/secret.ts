/**
 * The database credential secret as RDS writes it, parsed and checked without ever putting a
 * value (other than field names and the engine) into an error message.
 */
import { SecretkitError } from '../../errors/secretkit-error.js';
import type { StandardSchemaV1 } from '../../schema/standard-schema.js';
import { createDatabaseSecretSchema, databaseCredentialsSchema } from '../db-secret.js';

/** A database credential secret (RDS shape). Unknown keys are kept in `fields`. */
export interface DbCredentials {
  /** `postgres`, `aurora-postgresql`, `mysql`, `mariadb`, `aurora-mysql`, ... */
  readonly engine: string;
  readonly host: string;
  /** The port, when the secret has one (numbers and numeric strings are accepted). */
  readonly port: number | undefined;
  readonly username: string;
  readonly password: string;
  readonly dbname: string | undefined;
  /** ARN of the secret whose user manages this one (alternating users). */
  readonly masterarn: string | undefined;
  /** The secret's `ssl` key, as found. */
  readonly ssl: unknown;
  /** Every key of the secret, to copy into the next version. */
  readonly fields: Readonly<Record<string, unknown>>;
}

/** Which version a value came from, for messages. */
export type SecretRole = 'AWSCURRENT' | 'AWSPENDING' | 'AWSPREVIOUS' | 'master secret';

/** Parse options. */
export interface ParseCredentialsOptions {
  /** Accepted `engine` values. */
  readonly engines: readonly string[];
  /** The secret (for errors). */
  readonly secretId: string;
  /** Which version this is (for errors). */
  readonly role: SecretRole;
  /** Keys that must be present besides username and password (default: engine, host). */
  readonly required?: readonly ('engine' | 'host' | 'masterarn')[];
}

function invalid(options: ParseCredentialsOptions, problem: string, field?: string): SecretkitError {
  return new SecretkitError('ROTATION_FAILED', `${options.role} of secret ${options.secretId}: ${problem}`, {
    secretId: options.secretId,
    details: { stage: options.role, ...(field === undefined ? {} : { field }) },
  });
}

function schemaFor(
  options: ParseCredentialsOptions,
  fields: Record<string, unknown>,
): StandardSchemaV1<unknown, unknown> {
  const required = options.required ?? ['engine', 'host'];
  // A secret with only username and password (RDS-managed master secrets) when host is not required.
  if (!required.includes('host') && fields['host'] === undefined) return databaseCredentialsSchema;
  return createDatabaseSecretSchema({
    engines: options.engines,
    requireMasterArn: required.includes('masterarn'),
  });
}

function text(fields: Record<string, unknown>, key: string): string | undefined {
  const value = fields[key];
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/**
 * Parses a database credential SecretString with secretkit's database secret schemas
 * (`createDatabaseSecretSchema`, or `databaseCredentialsSchema` for a master secret without host).
 *
 * @throws SecretkitError `ROTATION_FAILED` (details: `stage`, `field`) when the value is not a
 * JSON object, a required key is missing, or the engine is not one of `options.engines`.
 */
export function parseDbCredentials(secretString: string, options: ParseCredentialsOptions): DbCredentials {
  let parsed: unknown;
  try {
    parsed = JSON.parse(secretString);
  } catch {
    throw invalid(options, 'the value is not valid JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw invalid(options, 'the value is not a JSON object');
  }
  const result = schemaFor(options, parsed as Record<string, unknown>)['~standard'].validate(parsed);
  if (result instanceof Promise) throw invalid(options, 'the secret schema is asynchronous');
  if (result.issues !== undefined) {
    const first = result.issues[0];
    const key = first?.path?.[0];
    const field = typeof key === 'object' && key !== null ? key.key : key;
    throw invalid(
      options,
      first?.message ?? 'the value is not a credential secret',
      field === undefined ? undefined : String(field),
    );
  }
  const fields = result.value as Record<string, unknown>;
  const port = fields['port'];
  return {
    engine: text(fields, 'engine') ?? '',
    host: text(fields, 'host') ?? '',
    port: typeof port === 'number' ? port : undefined,
    username: fields['username'] as string,
    password: fields['password'] as string,
    dbname: text(fields, 'dbname'),
    masterarn: text(fields, 'masterarn'),
    ssl: fields['ssl'],
    fields: parsed as Record<string, unknown>,
  };
}

/** The SecretString of `credentials` with a new username and password (all other keys kept). */
export function withCredentials(credentials: DbCredentials, username: string, password: string): string {
  return JSON.stringify({ ...credentials.fields, username, password });
}
