/**
 * Single user (AWS's "SingleUser" templates): the user changes its own password. setSecret
 * logs in with AWSPENDING (done already), else AWSCURRENT, else AWSPREVIOUS (a rotation that
 * changed the password but never finished), then sets the pending password.
 */
import type { RotationStepContext, RotationStrategy } from '../strategy.js';
import { assertSameServer, closeQuietly, parsePrevious, parseVersion, sqlTestSecret } from './common.js';
import { type ConnectionSettings, login } from './connect.js';
import type { SqlEngine, SqlSession } from './engine.js';
import { rotationFailed } from './errors.js';
import { sqlPreflight } from './preflight.js';
import { type DbCredentials, type SecretRole, withCredentials } from './secret.js';

function assertSameUser(
  pending: DbCredentials,
  other: DbCredentials,
  role: SecretRole,
  ctx: RotationStepContext,
): void {
  if (pending.username !== other.username) {
    throw rotationFailed(
      `setSecret for ${ctx.secretId}: AWSPENDING is for user "${pending.username}" but ${role} is for "${other.username}"; a single-user rotation only changes the password of one user`,
      ctx.secretId,
      { details: { step: 'setSecret', check: 'username' } },
    );
  }
}

/**
 * Builds a single-user {@link RotationStrategy} on top of an engine.
 *
 * @param name - strategy name for logs
 */
export function createSingleUserStrategy<S extends SqlSession>(
  name: string,
  engine: SqlEngine<S>,
  settings: ConnectionSettings,
): RotationStrategy {
  return {
    name,
    async createPendingValue(versions, ctx) {
      const current = parseVersion(engine, versions.current, 'AWSCURRENT', ctx);
      return withCredentials(current, current.username, await ctx.generatePassword());
    },

    async setSecret(versions, ctx) {
      const pending = parseVersion(engine, versions.pending, 'AWSPENDING', ctx);
      const current = parseVersion(engine, versions.current, 'AWSCURRENT', ctx);
      const previous = parsePrevious(engine, versions, ctx);
      const secrets = [pending.password, current.password, previous?.password];
      const log = { secretId: ctx.secretId, username: pending.username, host: pending.host };

      const already = await login(engine, pending, 'AWSPENDING', settings, ctx, { expectFailure: true });
      if (already.ok) {
        await closeQuietly(already.session);
        ctx.logger?.info?.(log, `setSecret: the AWSPENDING password is already set in ${engine.label}`);
        return;
      }
      assertSameUser(pending, current, 'AWSCURRENT', ctx);
      assertSameServer(
        engine,
        { credentials: pending, role: 'AWSPENDING' },
        { credentials: current, role: 'AWSCURRENT' },
        ctx,
      );

      let result = await login(engine, current, 'AWSCURRENT', settings, ctx);
      if (!result.ok && previous) {
        assertSameUser(pending, previous, 'AWSPREVIOUS', ctx);
        assertSameServer(
          engine,
          { credentials: pending, role: 'AWSPENDING' },
          { credentials: previous, role: 'AWSPREVIOUS' },
          ctx,
        );
        result = await login(engine, previous, 'AWSPREVIOUS', settings, ctx, { sslFrom: current });
      }
      if (!result.ok) {
        throw rotationFailed(
          `setSecret for ${ctx.secretId}: could not log into ${engine.label} at ${pending.host} as "${pending.username}" with the AWSPENDING, AWSCURRENT or AWSPREVIOUS credentials`,
          ctx.secretId,
          { cause: result.error, secrets, details: { step: 'setSecret' } },
        );
      }
      try {
        await engine.setOwnPassword(result.session, pending.username, pending.password);
      } catch (error) {
        throw rotationFailed(
          `setSecret for ${ctx.secretId}: ${engine.label} refused to change the password of "${pending.username}"`,
          ctx.secretId,
          { cause: error, secrets, details: { step: 'setSecret' } },
        );
      } finally {
        await closeQuietly(result.session);
      }
      ctx.logger?.info?.(log, `setSecret: set the AWSPENDING password in ${engine.label}`);
    },

    testSecret: sqlTestSecret(engine, settings),
    preflight: sqlPreflight(engine, settings, { kind: 'single' }),
  };
}
