/**
 * The database credential secret as RDS writes it, parsed and checked without ever putting a
 * value (other than field names and the engine) into an error message.
 */
import { SecretkitError } from '../../errors/secretkit-error.js';

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

function optionalString(
  fields: Record<string, unknown>,
  key: string,
  options: ParseCredentialsOptions,
): string | undefined {
  const value = fields[key];
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') throw invalid(options, `"${key}" must be a string`, key);
  return value;
}

function parsePort(value: unknown, options: ParseCredentialsOptions): number | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const port = typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : value;
  if (typeof port !== 'number' || !Number.isInteger(port) || port < 1 || port > 65535) {
    throw invalid(options, '"port" must be an integer between 1 and 65535', 'port');
  }
  return port;
}

/**
 * Parses a database credential SecretString.
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
  const fields = parsed as Record<string, unknown>;
  const required = options.required ?? ['engine', 'host'];
  for (const key of ['username', 'password', ...required]) {
    const value = fields[key];
    if (typeof value !== 'string' || value.length === 0) {
      throw invalid(options, `"${key}" is missing or not a non-empty string`, key);
    }
  }
  const engine = optionalString(fields, 'engine', options);
  if (engine !== undefined && !options.engines.includes(engine)) {
    throw invalid(options, `engine "${engine}" is not one of ${options.engines.join(', ')}`, 'engine');
  }
  return {
    engine: engine ?? '',
    host: optionalString(fields, 'host', options) ?? '',
    port: parsePort(fields['port'], options),
    username: fields['username'] as string,
    password: fields['password'] as string,
    dbname: optionalString(fields, 'dbname', options),
    masterarn: optionalString(fields, 'masterarn', options),
    ssl: fields['ssl'],
    fields,
  };
}

/** The SecretString of `credentials` with a new username and password (all other keys kept). */
export function withCredentials(credentials: DbCredentials, username: string, password: string): string {
  return JSON.stringify({ ...credentials.fields, username, password });
}
