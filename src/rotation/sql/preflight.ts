/**
 * The preflight of the SQL strategies: everything `setSecret` and `testSecret` will need, checked
 * with logins and reads only (no password set, no user created).
 */
import { isDatabaseAuthError } from '../auth-errors.js';
import { finding, type RotationFinding } from '../check/findings.js';
import { passwordRuleFindings } from '../check/password-rules.js';
import type { PreflightContext, PreflightOutcome, RotationStepContext } from '../strategy.js';
import { closeQuietly } from './common.js';
import { type ConnectionSettings, login } from './connect.js';
import type { SqlEngine, SqlSession } from './engine.js';
import { type DbCredentials, parseDbCredentials, type SecretRole } from './secret.js';
import { alternateUsername } from './usernames.js';

/** Which flow is checked. */
export type PreflightMode =
  | { readonly kind: 'single' }
  | { readonly kind: 'alternating'; readonly suffix: string };

class Outcome {
  readonly findings: RotationFinding[] = [];
  readonly passed: string[] = [];
}

function stepContext(ctx: PreflightContext): RotationStepContext {
  return {
    client: ctx.client,
    secretId: ctx.secretId,
    token: 'preflight',
    generatePassword: () => Promise.reject(new Error('the preflight generates no password')),
    getSecretString: (id) => ctx.getSecretString(id),
  };
}

function parse(
  engine: SqlEngine,
  value: string,
  secretId: string,
  role: SecretRole,
  required: readonly ('engine' | 'host' | 'masterarn')[],
): { ok: true; credentials: DbCredentials } | { ok: false; field: string | undefined; message: string } {
  try {
    return {
      ok: true,
      credentials: parseDbCredentials(value, { engines: engine.engines, secretId, role, required }),
    };
  } catch (error) {
    const details = (error as { details?: { field?: unknown } }).details;
    return {
      ok: false,
      field: typeof details?.field === 'string' ? details.field : undefined,
      message: error instanceof Error ? error.message : String(error),
    };
  }
}

/** True when the server answered with an error of its own (MySQL errno, PostgreSQL severity), not a network failure. */
function serverRefused(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const e = error as { errno?: unknown; severity?: unknown; sqlState?: unknown };
  return (
    (typeof e.errno === 'number' && e.errno >= 1000 && typeof e.sqlState === 'string') ||
    typeof e.severity === 'string'
  );
}

async function tryLogin<S extends SqlSession>(
  engine: SqlEngine<S>,
  credentials: DbCredentials,
  role: 'AWSCURRENT' | 'master secret',
  settings: ConnectionSettings,
  ctx: PreflightContext,
  out: Outcome,
  sslFrom?: DbCredentials,
): Promise<S | undefined> {
  const result = await login(
    engine,
    credentials,
    role,
    settings,
    stepContext(ctx),
    sslFrom ? { sslFrom } : {},
  );
  if (result.ok) {
    out.passed.push(role === 'AWSCURRENT' ? 'current-login' : 'master-login');
    return result.session;
  }
  const where = `${engine.label} at ${credentials.host}:${credentials.port ?? engine.defaultPort}`;
  if (isDatabaseAuthError(result.error) || serverRefused(result.error)) {
    out.findings.push(
      role === 'AWSCURRENT'
        ? finding(
            'CURRENT_LOGIN_FAILED',
            `${where} refused the AWSCURRENT credentials of user "${credentials.username}".`,
            "Put the password the database has into AWSCURRENT (PutSecretValue), or reset the user's password to the secret's; rotation will not change a user it cannot log in as.",
            { username: credentials.username },
          )
        : finding(
            'MASTER_LOGIN_FAILED',
            `${where} refused the credentials of the master secret (user "${credentials.username}").`,
            'Fix the master secret (masterarn) so that it logs in.',
            { username: credentials.username },
          ),
    );
  } else {
    out.findings.push(
      finding(
        'DATABASE_UNREACHABLE',
        `Could not reach ${where} to log in with the ${role} credentials (network, TLS or timeout), so the database checks were not made.`,
        'Run the check from where the rotation function runs (its VPC and security groups), or fix the host, port or TLS settings.',
        { role },
        'unchecked',
      ),
    );
  }
  return undefined;
}

function nameFindings(
  engine: SqlEngine,
  username: string,
  mode: PreflightMode,
  out: Outcome,
): string | undefined {
  const invalid = (name: string) => {
    const problem = engine.usernameProblem?.(name);
    if (problem === undefined) return false;
    out.findings.push(
      finding(
        'CLONE_NAME_INVALID',
        `${engine.label} would refuse the user name "${name}": ${problem}.`,
        'Use a user name the engine accepts.',
        {
          username: name,
        },
      ),
    );
    return true;
  };
  if (invalid(username)) return undefined;
  if (mode.kind === 'single') {
    out.passed.push('user-name');
    return undefined;
  }
  let clone: string;
  try {
    clone = alternateUsername(username, engine.maxUsernameLength, mode.suffix);
  } catch {
    out.findings.push(
      finding(
        'CLONE_NAME_TOO_LONG',
        `The clone of "${username}" ("${username}${mode.suffix}") is longer than the ${engine.maxUsernameLength} characters ${engine.label} allows.`,
        'Use a shorter user name, a shorter cloneSuffix, or the engine limit of your server (maxUsernameLength).',
        { username, maxLength: engine.maxUsernameLength },
      ),
    );
    return undefined;
  }
  if (!invalid(clone)) out.passed.push('clone-name');
  return clone;
}

async function passwordFindings<S extends SqlSession>(
  engine: SqlEngine<S>,
  session: S | undefined,
  ctx: PreflightContext,
  out: Outcome,
): Promise<void> {
  const found: RotationFinding[] = [];
  if (engine.passwordRules)
    found.push(...passwordRuleFindings(ctx.passwordPolicy, engine.passwordRules, ctx.passwordSample));
  if (session && engine.serverPasswordRules) {
    const rules = await engine.serverPasswordRules(session).catch(() => undefined);
    if (rules) found.push(...passwordRuleFindings(ctx.passwordPolicy, rules, ctx.passwordSample));
  }
  out.findings.push(...found);
  if (found.length === 0) out.passed.push('password-policy-engine');
}

async function masterFindings<S extends SqlSession>(
  engine: SqlEngine<S>,
  current: DbCredentials,
  clone: string | undefined,
  settings: ConnectionSettings,
  ctx: PreflightContext,
  out: Outcome,
): Promise<void> {
  const masterArn = current.masterarn as string;
  let value: string;
  try {
    value = await ctx.getSecretString(masterArn);
  } catch (error) {
    out.findings.push(
      finding(
        'MASTER_SECRET_INVALID',
        `The master secret named by masterarn could not be read (${(error as { code?: string }).code ?? 'error'}).`,
        'Check that masterarn names an existing secret and that the rotation role may read it (secretsmanager:GetSecretValue, kms:Decrypt).',
        { masterarn: masterArn },
      ),
    );
    return;
  }
  const parsed = parse(engine, value, masterArn, 'master secret', []);
  if (!parsed.ok) {
    out.findings.push(
      finding(
        'MASTER_SECRET_INVALID',
        `The master secret is not a credential secret: ${parsed.message}`,
        'Give the master secret username and password (and the same engine, host and port).',
        {
          masterarn: masterArn,
        },
      ),
    );
    return;
  }
  const m = parsed.credentials;
  const master: DbCredentials = m.host
    ? { ...m, dbname: current.dbname }
    : { ...m, engine: current.engine, host: current.host, port: current.port, dbname: current.dbname };
  const port = (c: DbCredentials) => c.port ?? engine.defaultPort;
  if (master.host !== current.host || port(master) !== port(current)) {
    out.findings.push(
      finding(
        'MASTER_HOST_MISMATCH',
        `The master secret is for ${master.host}:${port(master)} but the rotated secret is for ${current.host}:${port(current)}; rotation refuses to change a user on another server.`,
        'Point masterarn at the master secret of the same database server.',
      ),
    );
    return;
  }
  out.passed.push('master-host');
  const session = await tryLogin(engine, master, 'master secret', settings, ctx, out, current);
  if (!session) return;
  try {
    if (clone === undefined || !engine.masterPrivilegeProblems) return;
    const problems = await engine.masterPrivilegeProblems(session, current.username, clone);
    for (const p of problems) {
      out.findings.push(
        p.kind === 'create'
          ? finding(
              'MASTER_CANNOT_CREATE_USER',
              `The master user "${master.username}" may not create or alter "${clone}": it lacks ${p.missing}.`,
              `Give the master user ${p.missing}.`,
              { username: master.username, missing: p.missing },
            )
          : finding(
              'MASTER_CANNOT_GRANT',
              `The master user "${master.username}" may not give "${clone}" what "${current.username}" has: it lacks ${p.missing}.`,
              `Give the master user ${p.missing}.`,
              { username: master.username, missing: p.missing },
            ),
      );
    }
    if (problems.length === 0) out.passed.push('master-privileges');
  } finally {
    await closeQuietly(session);
  }
}

/**
 * The `preflight` of a SQL strategy.
 *
 * @param engine - the engine
 * @param settings - TLS and timeouts
 * @param mode - single user or alternating users (with the clone suffix)
 */
export function sqlPreflight<S extends SqlSession>(
  engine: SqlEngine<S>,
  settings: ConnectionSettings,
  mode: PreflightMode,
): (ctx: PreflightContext) => Promise<PreflightOutcome> {
  return async (ctx) => {
    const out = new Outcome();
    const required =
      mode.kind === 'alternating'
        ? (['engine', 'host', 'masterarn'] as const)
        : (['engine', 'host'] as const);
    const parsed = parse(engine, ctx.current, ctx.secretId, 'AWSCURRENT', required);
    if (!parsed.ok) {
      out.findings.push(
        parsed.field === 'masterarn'
          ? finding(
              'MASTER_ARN_MISSING',
              'The secret has no masterarn, which alternating-users rotation needs to create and update the clone user.',
              'Add "masterarn" (the ARN of the master user\'s secret) to the secret, or use the single-user strategy.',
            )
          : finding(
              'SECRET_SHAPE_INVALID',
              `AWSCURRENT is not a credential secret for ${engine.label}: ${parsed.message}`,
              `Store {"engine": one of ${engine.engines.join('/')}, "host", "port", "username", "password"} in the secret.`,
              {
                ...(parsed.field === undefined ? {} : { field: parsed.field }),
              },
            ),
      );
      return out;
    }
    out.passed.push('secret-shape');
    const current = parsed.credentials;
    const clone = nameFindings(engine, current.username, mode, out);
    const session = await tryLogin(engine, current, 'AWSCURRENT', settings, ctx, out);
    try {
      await passwordFindings(engine, session, ctx, out);
    } finally {
      if (session) await closeQuietly(session);
    }
    if (mode.kind === 'alternating') await masterFindings(engine, current, clone, settings, ctx, out);
    return out;
  };
}
