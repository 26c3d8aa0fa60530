/**
 * Errors of the database strategies: always `SecretkitError('ROTATION_FAILED')`, with a driver
 * error kept as a sanitised copy (message with known passwords removed, no `sql` text),
 * because driver errors can carry the failing statement, and our statements carry passwords.
 */
import { SecretkitError } from '../../errors/secretkit-error.js';

const KEPT_FIELDS = ['code', 'errno', 'sqlState', 'severity', 'routine', 'fatal'] as const;

/** Removes every occurrence of each of `secrets` from `text`. */
export function redact(text: string, secrets: readonly (string | undefined)[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret && secret.length > 0) out = out.split(secret).join('[redacted]');
  }
  return out;
}

/**
 * The message of an error; for an AggregateError with no message of its own (Node's
 * "happy eyeballs" connect to every address of a host), the messages of its errors.
 */
function messageOf(error: unknown): string {
  if (error instanceof AggregateError && !error.message) {
    return error.errors.map((e: unknown) => (e instanceof Error ? e.message : String(e))).join('; ');
  }
  return error instanceof Error ? error.message : String(error);
}

/**
 * A copy of a driver error that is safe to keep as `cause`: name, message (passwords
 * redacted) and a few diagnostic fields (code, errno, sqlState, severity, routine, fatal);
 * never the SQL text, parameters or connection options.
 */
export function sanitizeCause(error: unknown, secrets: readonly (string | undefined)[]): Error {
  if (error instanceof SecretkitError) return error;
  const source = (typeof error === 'object' && error !== null ? error : {}) as Record<string, unknown>;
  const message = messageOf(error);
  const copy = new Error(redact(message, secrets)) as Error & Record<string, unknown>;
  copy.name = error instanceof Error ? error.name : 'Error';
  for (const field of KEPT_FIELDS) {
    const value = source[field];
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
      copy[field] = typeof value === 'string' ? redact(value, secrets) : value;
    }
  }
  const sqlMessage = source['sqlMessage'];
  if (typeof sqlMessage === 'string') copy['sqlMessage'] = redact(sqlMessage, secrets);
  return copy;
}

/** `SecretkitError('ROTATION_FAILED')` for `secretId`; `cause` is sanitised with `secrets`. */
export function rotationFailed(
  message: string,
  secretId: string,
  options: {
    readonly cause?: unknown;
    readonly secrets?: readonly (string | undefined)[];
    readonly details?: Readonly<Record<string, unknown>>;
  } = {},
): SecretkitError {
  return new SecretkitError('ROTATION_FAILED', message, {
    secretId,
    ...(options.cause === undefined ? {} : { cause: sanitizeCause(options.cause, options.secrets ?? []) }),
    ...(options.details === undefined ? {} : { details: options.details }),
  });
}

/** A short, password-free description of a driver error for log lines. */
export function describeError(error: unknown, secrets: readonly (string | undefined)[]): string {
  const source = (typeof error === 'object' && error !== null ? error : {}) as Record<string, unknown>;
  const code = source['code'];
  const message = messageOf(error);
  return redact(
    typeof code === 'string' || typeof code === 'number' ? `${code}: ${message}` : message,
    secrets,
  );
}
