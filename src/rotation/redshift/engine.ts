/** The Redshift engine of the rotation strategies, on the `pg` driver (Redshift speaks the PostgreSQL protocol). */
import type { PasswordRules } from '../check/password-rules.js';
import { connectPg, type PgSession } from '../postgres/engine.js';
import type { SqlEngine } from '../sql/engine.js';
import {
  alterUserPasswordSql,
  createUserSql,
  DATABASE_PRIVILEGES,
  DATABASES_WITH_PRIVILEGE,
  grantSql,
  type RedshiftPasswordEncoding,
  redshiftPasswordText,
  SCHEMA_PRIVILEGES,
  SCHEMAS_WITH_PRIVILEGE,
  TABLE_PRIVILEGES,
  TABLES_WITH_PRIVILEGE,
} from './sql.js';

/** Redshift's password rules: 8 to 64 characters, upper, lower and digit, none of `' " \ / @` or space. */
export const REDSHIFT_PASSWORD_RULES: PasswordRules = {
  source: 'Redshift',
  minLength: 8,
  maxLength: 64,
  requireUppercase: true,
  requireLowercase: true,
  requireDigit: true,
  forbiddenCharacters: `'"\\/@ `,
};

/** Engine settings of the Redshift strategies. */
export interface RedshiftEngineSettings {
  /** How the new password is sent. @defaultValue 'md5' (the plain password never appears in a statement) */
  readonly passwordEncoding?: RedshiftPasswordEncoding | undefined;
}

async function names(session: PgSession, sql: string, user: string, privilege: string): Promise<string[]> {
  const r = await session.client.query<{ name: string }>(sql, [user, privilege]);
  return r.rows.map((row) => row.name);
}

function usernameProblem(name: string): string | undefined {
  if (name.includes('\0')) return 'it contains a NUL character';
  if (name.toLowerCase() === 'public') return 'PUBLIC is reserved';
  if (Buffer.byteLength(name, 'utf8') > 128) return 'it is longer than 128 bytes';
  if (/[A-Z]/.test(name))
    return 'it has uppercase letters, which Redshift folds to lowercase unless enable_case_sensitive_identifier is on';
  return undefined;
}

/** The Redshift engine. */
export function redshiftEngine(settings: RedshiftEngineSettings = {}): SqlEngine<PgSession> {
  const encoding = settings.passwordEncoding ?? 'md5';
  return {
    label: 'Redshift',
    engines: ['redshift'],
    defaultPort: 5439,
    maxUsernameLength: 128,
    // AWS's template connects to "dev" when the secret has no dbname.
    connect: (target) => connectPg({ ...target, database: target.database ?? 'dev' }),
    isTlsUnsupported: (error) => error instanceof Error && /does not support SSL/i.test(error.message),
    passwordRules: REDSHIFT_PASSWORD_RULES,
    usernameProblem,
    async masterPrivilegeProblems(session) {
      const r = await session.client.query<{ usesuper: boolean }>(
        'SELECT usesuper FROM pg_user WHERE usename = current_user',
      );
      return r.rows[0]?.usesuper
        ? []
        : [
            {
              kind: 'create',
              missing:
                'superuser (CREATEUSER): only superusers create users and grant on every table in Redshift',
            },
          ];
    },
    async setOwnPassword(session, username, password) {
      await session.client.query(
        alterUserPasswordSql(username, redshiftPasswordText(password, username, encoding)),
      );
    },
    async upsertClone(session, current, clone, password) {
      const text = redshiftPasswordText(password, clone, encoding);
      await session.client.query('BEGIN');
      try {
        const existing = await session.client.query('SELECT 1 FROM pg_user WHERE usename = $1', [clone]);
        if ((existing.rowCount ?? 0) > 0) {
          await session.client.query(alterUserPasswordSql(clone, text));
        } else {
          await session.client.query(createUserSql(clone, text));
          const kinds = [
            ['DATABASE', DATABASE_PRIVILEGES, DATABASES_WITH_PRIVILEGE],
            ['TABLE', TABLE_PRIVILEGES, TABLES_WITH_PRIVILEGE],
            ['SCHEMA', SCHEMA_PRIVILEGES, SCHEMAS_WITH_PRIVILEGE],
          ] as const;
          for (const [kind, privileges, sql] of kinds) {
            for (const privilege of privileges) {
              const on = await names(session, sql, current, privilege);
              if (on.length > 0) await session.client.query(grantSql(privilege, kind, on, clone));
            }
          }
        }
        await session.client.query('COMMIT');
      } catch (error) {
        await session.client.query('ROLLBACK').catch(() => {});
        throw error;
      }
    },
  };
}
