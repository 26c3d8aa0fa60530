/**
 * Alternating users (AWS's "MultiUser" templates): the `masterarn` secret's user keeps two
 * users, `name` and `name_clone`, and each rotation sets a new password on the one that is
 * not current, so the current credentials keep working until the next rotation.
 */
import type { RotationStepContext, RotationStrategy } from '../strategy.js';
import { assertSameServer, closeQuietly, parseVersion, sqlTestSecret } from './common.js';
import { type ConnectionSettings, login } from './connect.js';
import type { SqlEngine, SqlSession } from './engine.js';
import { rotationFailed } from './errors.js';
import { sqlPreflight } from './preflight.js';
import { type DbCredentials, parseDbCredentials, withCredentials } from './secret.js';
import { alternateUsername, CLONE_SUFFIX } from './usernames.js';

/** Options of the alternating-users flow. */
export interface AlternatingSettings extends ConnectionSettings {
  /** Suffix of the second user. Default `_clone` (as AWS's templates). */
  readonly cloneSuffix?: string | undefined;
}

function alternate(engine: SqlEngine, username: string, suffix: string, ctx: RotationStepContext): string {
  try {
    return alternateUsername(username, engine.maxUsernameLength, suffix);
  } catch (error) {
    throw rotationFailed(
      `secret ${ctx.secretId}: ${error instanceof Error ? error.message : String(error)}`,
      ctx.secretId,
      { details: { check: 'username-length' } },
    );
  }
}

/**
 * Reads the master secret. A secret with only username and password (as RDS-managed master
 * secrets are) borrows the host, port and engine of AWSCURRENT. Its `dbname` is AWSCURRENT's.
 */
async function readMaster(
  engine: SqlEngine,
  current: DbCredentials,
  masterArn: string,
  ctx: RotationStepContext,
): Promise<DbCredentials> {
  let value: string;
  try {
    value = await ctx.getSecretString(masterArn);
  } catch (error) {
    throw rotationFailed(
      `setSecret for ${ctx.secretId}: could not read the master secret ${masterArn}`,
      ctx.secretId,
      {
        cause: error,
        details: { step: 'setSecret', masterarn: masterArn },
      },
    );
  }
  const parsed = parseDbCredentials(value, {
    engines: engine.engines,
    secretId: masterArn,
    role: 'master secret',
    required: [],
  });
  const host = parsed.host || current.host;
  return {
    ...parsed,
    engine: parsed.engine || current.engine,
    host,
    port: parsed.host ? parsed.port : current.port,
    dbname: current.dbname,
  };
}

/**
 * Builds an alternating-users {@link RotationStrategy} on top of an engine.
 *
 * @param name - strategy name for logs
 */
export function createAlternatingUsersStrategy<S extends SqlSession>(
  name: string,
  engine: SqlEngine<S>,
  settings: AlternatingSettings,
): RotationStrategy {
  const suffix = settings.cloneSuffix ?? CLONE_SUFFIX;
  return {
    name,
    async createPendingValue(versions, ctx) {
      const current = parseVersion(engine, versions.current, 'AWSCURRENT', ctx, true);
      const username = alternate(engine, current.username, suffix, ctx);
      return withCredentials(current, username, await ctx.generatePassword());
    },

    async setSecret(versions, ctx) {
      const pending = parseVersion(engine, versions.pending, 'AWSPENDING', ctx);
      const current = parseVersion(engine, versions.current, 'AWSCURRENT', ctx, true);
      const log = { secretId: ctx.secretId, username: pending.username, host: pending.host };

      const already = await login(engine, pending, 'AWSPENDING', settings, ctx, { expectFailure: true });
      if (already.ok) {
        await closeQuietly(already.session);
        ctx.logger?.info?.(
          log,
          `setSecret: the AWSPENDING user and password are already set in ${engine.label}`,
        );
        return;
      }
      if (alternate(engine, current.username, suffix, ctx) !== pending.username) {
        throw rotationFailed(
          `setSecret for ${ctx.secretId}: AWSPENDING is for user "${pending.username}", which is not the alternate of the AWSCURRENT user "${current.username}"`,
          ctx.secretId,
          { details: { step: 'setSecret', check: 'username' } },
        );
      }
      assertSameServer(
        engine,
        { credentials: pending, role: 'AWSPENDING' },
        { credentials: current, role: 'AWSCURRENT' },
        ctx,
      );

      // The current credentials must work: this rotation must not be a way to take over a user
      // the caller cannot log in as (AWS's "confused deputy" check).
      const currentLogin = await login(engine, current, 'AWSCURRENT', settings, ctx);
      if (!currentLogin.ok) {
        throw rotationFailed(
          `setSecret for ${ctx.secretId}: could not log into ${engine.label} at ${current.host} as "${current.username}" with the AWSCURRENT credentials`,
          ctx.secretId,
          {
            cause: currentLogin.error,
            secrets: [current.password, pending.password],
            details: { step: 'setSecret' },
          },
        );
      }
      await closeQuietly(currentLogin.session);

      const masterArn = current.masterarn as string;
      const master = await readMaster(engine, current, masterArn, ctx);
      const secrets = [pending.password, current.password, master.password];
      assertSameServer(
        engine,
        { credentials: current, role: 'AWSCURRENT' },
        { credentials: master, role: 'master secret' },
        ctx,
      );
      const masterLogin = await login(engine, master, 'master secret', settings, ctx, { sslFrom: current });
      if (!masterLogin.ok) {
        throw rotationFailed(
          `setSecret for ${ctx.secretId}: could not log into ${engine.label} at ${master.host} as "${master.username}" with the master secret ${masterArn}`,
          ctx.secretId,
          { cause: masterLogin.error, secrets, details: { step: 'setSecret', masterarn: masterArn } },
        );
      }
      try {
        await engine.upsertClone(masterLogin.session, current.username, pending.username, pending.password);
      } catch (error) {
        throw rotationFailed(
          `setSecret for ${ctx.secretId}: ${engine.label} refused to create or update "${pending.username}" as "${master.username}"`,
          ctx.secretId,
          { cause: error, secrets, details: { step: 'setSecret' } },
        );
      } finally {
        await closeQuietly(masterLogin.session);
      }
      ctx.logger?.info?.(log, `setSecret: set the AWSPENDING user and password in ${engine.label}`);
    },

    testSecret: sqlTestSecret(engine, settings),
    preflight: sqlPreflight(engine, settings, { kind: 'alternating', suffix }),
  };
}
