/** Steps shared by both flows: parsing the versions, host checks, testSecret. */
import type { RotationStepContext, RotationStrategy, RotationVersions } from '../strategy.js';
import { type ConnectionSettings, login } from './connect.js';
import type { SqlEngine, SqlSession } from './engine.js';
import { rotationFailed } from './errors.js';
import { type DbCredentials, parseDbCredentials, type SecretRole } from './secret.js';

/** Parses one version of the rotated secret with the engine's accepted engines. */
export function parseVersion(
  engine: SqlEngine,
  value: string,
  role: SecretRole,
  ctx: RotationStepContext,
  requireMaster = false,
): DbCredentials {
  return parseDbCredentials(value, {
    engines: engine.engines,
    secretId: ctx.secretId,
    role,
    required: requireMaster ? ['engine', 'host', 'masterarn'] : ['engine', 'host'],
  });
}

/** AWSPREVIOUS, when there is one and it parses; a broken previous version is ignored (like AWS). */
export function parsePrevious(
  engine: SqlEngine,
  versions: RotationVersions,
  ctx: RotationStepContext,
): DbCredentials | undefined {
  if (versions.previous === undefined) return undefined;
  try {
    return parseVersion(engine, versions.previous, 'AWSPREVIOUS', ctx);
  } catch {
    ctx.logger?.warn?.(
      { secretId: ctx.secretId },
      'ignoring AWSPREVIOUS: it is not a valid credential secret',
    );
    return undefined;
  }
}

/** Throws unless `a` and `b` are for the same host and port. */
export function assertSameServer(
  engine: SqlEngine,
  a: { readonly credentials: DbCredentials; readonly role: SecretRole },
  b: { readonly credentials: DbCredentials; readonly role: SecretRole },
  ctx: RotationStepContext,
): void {
  const aPort = a.credentials.port ?? engine.defaultPort;
  const bPort = b.credentials.port ?? engine.defaultPort;
  if (a.credentials.host !== b.credentials.host || aPort !== bPort) {
    throw rotationFailed(
      `setSecret for ${ctx.secretId}: ${a.role} is for ${a.credentials.host}:${aPort} but ${b.role} is for ${b.credentials.host}:${bPort}; refusing to change a user on another server`,
      ctx.secretId,
      { details: { step: 'setSecret', check: 'host' } },
    );
  }
}

/** Closes a session, ignoring errors. */
export async function closeQuietly(session: SqlSession): Promise<void> {
  await session.close().catch(() => {});
}

/** testSecret of every SQL strategy: log in with AWSPENDING and run `SELECT NOW()`. */
export function sqlTestSecret<S extends SqlSession>(
  engine: SqlEngine<S>,
  settings: ConnectionSettings,
): RotationStrategy['testSecret'] {
  return async (versions, ctx) => {
    const pending = parseVersion(engine, versions.pending, 'AWSPENDING', ctx);
    const result = await login(engine, pending, 'AWSPENDING', settings, ctx);
    if (!result.ok) {
      throw rotationFailed(
        `testSecret for ${ctx.secretId}: could not log into ${engine.label} at ${pending.host} as "${pending.username}" with the AWSPENDING credentials`,
        ctx.secretId,
        { cause: result.error, secrets: [pending.password], details: { step: 'testSecret' } },
      );
    }
    try {
      await result.session.ping();
    } catch (error) {
      throw rotationFailed(
        `testSecret for ${ctx.secretId}: logged in as "${pending.username}" but the test query failed`,
        ctx.secretId,
        { cause: error, secrets: [pending.password], details: { step: 'testSecret' } },
      );
    } finally {
      await closeQuietly(result.session);
    }
    ctx.logger?.info?.(
      { secretId: ctx.secretId, username: pending.username, host: pending.host },
      `testSecret: logged into ${engine.label} with AWSPENDING`,
    );
  };
}
