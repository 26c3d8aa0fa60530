/** Logging in with a credential secret: TLS fallback, failure capture, password-free logs. */
import type { RotationStepContext } from '../strategy.js';
import type { SqlEngine, SqlSession } from './engine.js';
import { describeError } from './errors.js';
import type { DbCredentials, SecretRole } from './secret.js';
import { type DatabaseTls, resolveTls } from './tls.js';

/** Connection options shared by every strategy. */
export interface ConnectionSettings {
  /** TLS to the database; see {@link DatabaseTls}. Default: from the secret's `ssl` key. */
  readonly tls?: DatabaseTls | undefined;
  /** Connect (and authentication) timeout in milliseconds. Default 5000. */
  readonly connectTimeoutMs?: number | undefined;
}

/** The outcome of one login attempt. */
export type LoginResult<S extends SqlSession> =
  | { readonly ok: true; readonly session: S }
  | { readonly ok: false; readonly error: unknown };

/**
 * Logs in with `credentials`; never throws. With TLS `prefer`, retries without TLS when the
 * server does not support it. Failures are logged (user, host, error code; no password).
 *
 * @param extra - `sslFrom`: the secret whose `ssl` key decides TLS (AWS's templates use AWSCURRENT's
 *   for AWSPREVIOUS); `expectFailure`: a failure is normal (AWSPENDING before setSecret), log it as info
 */
export async function login<S extends SqlSession>(
  engine: SqlEngine<S>,
  credentials: DbCredentials,
  role: SecretRole,
  settings: ConnectionSettings,
  ctx: RotationStepContext,
  extra: { readonly sslFrom?: DbCredentials; readonly expectFailure?: boolean } = {},
): Promise<LoginResult<S>> {
  const resolved = resolveTls(settings.tls, (extra.sslFrom ?? credentials).ssl);
  const base = {
    host: credentials.host,
    port: credentials.port ?? engine.defaultPort,
    user: credentials.username,
    password: credentials.password,
    database: credentials.dbname,
    connectTimeoutMs: settings.connectTimeoutMs ?? 5000,
  };
  let error: unknown;
  try {
    return { ok: true, session: await engine.connect({ ...base, tls: resolved.tls }) };
  } catch (first) {
    error = first;
  }
  if (resolved.tls !== false && resolved.fallbackToPlain && engine.isTlsUnsupported(error)) {
    try {
      return { ok: true, session: await engine.connect({ ...base, tls: false }) };
    } catch (second) {
      error = second;
    }
  }
  const log = extra.expectFailure ? ctx.logger?.info : ctx.logger?.warn;
  log?.call(
    ctx.logger,
    {
      secretId: ctx.secretId,
      stage: role,
      username: credentials.username,
      host: credentials.host,
      error: describeError(error, [credentials.password]),
    },
    `could not log into ${engine.label} with the ${role} credentials`,
  );
  return { ok: false, error };
}
