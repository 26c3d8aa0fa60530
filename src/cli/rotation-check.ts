/**
 * `secretkit rotation check <secret-id>`: the rotation preflight (`checkRotation`) from the
 * command line. The strategy is taken from `--strategy` or from the secret itself (its `engine`,
 * and `masterarn` for alternating users); the password policy from the environment variables of
 * AWS's rotation templates (PASSWORD_LENGTH, EXCLUDE_CHARACTERS, ...).
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { GetSecretValueCommand } from '@aws-sdk/client-secrets-manager';
import { SecretkitError } from '../errors/secretkit-error.js';
import { checkRotation } from '../rotation/check/check-rotation.js';
import type { RotationCheckResult } from '../rotation/check/findings.js';
import type { RotationRolePolicies } from '../rotation/check/iam-checks.js';
import { MYSQL_ENGINES, POSTGRES_ENGINES } from '../rotation/db-secret.js';
import { passwordPolicyFromEnv } from '../rotation/framework/password.js';
import type { DatabaseTls } from '../rotation/sql/tls.js';
import type { RotationStrategy } from '../rotation/strategy.js';
import type { ClientFactory } from './clients.js';
import { reportAwsError } from './commands.js';
import { EXIT, type ExitCode } from './exit-codes.js';
import type { CliIo } from './io.js';

/** Strategies the CLI knows by name. */
export const CLI_STRATEGIES = [
  'postgres-single-user',
  'postgres-alternating-users',
  'mysql-single-user',
  'mysql-alternating-users',
  'redshift-single-user',
  'redshift-alternating-users',
] as const;

/** Usage of the command. */
export const ROTATION_CHECK_HELP = `Usage: secretkit rotation check <secret-id> [options]

Reports every reason the next rotation of the secret would fail, changing nothing.

Options:
  -r, --region <r>          AWS region
      --strategy <name>     ${CLI_STRATEGIES.join(' | ')}
                            (default: from the secret's engine and masterarn)
      --role-policies <f>   JSON file {"roleArn","identityPolicies":[...],"keyPolicy"?,"secretPolicy"?,"keyArn"?}:
                            check the rotation role with the policy simulator
      --tls <mode>          require | prefer | disable (default: the secret's ssl key)
      --not-enabled-ok      do not report ROTATION_NOT_CONFIGURED
      --json                {"secretId","strategy","ok","findings":[{"code","severity","message","action"}],"passed"}

Exit codes: 0 no finding, 1 a problem or a check that could not be made, 2 usage error, 3 AWS error.`;

async function loadStrategy(name: string, tls: DatabaseTls | undefined): Promise<RotationStrategy> {
  const options = tls === undefined ? {} : { tls };
  if (name.startsWith('postgres-')) {
    const m = await import('../rotation/postgres/index.js');
    return name.endsWith('single-user') ? m.postgresSingleUser(options) : m.postgresAlternatingUsers(options);
  }
  if (name.startsWith('mysql-')) {
    const m = await import('../rotation/mysql/index.js');
    return name.endsWith('single-user') ? m.mysqlSingleUser(options) : m.mysqlAlternatingUsers(options);
  }
  const m = await import('../rotation/redshift/index.js');
  return name.endsWith('single-user') ? m.redshiftSingleUser(options) : m.redshiftAlternatingUsers(options);
}

function strategyFromSecret(value: string | undefined): string | undefined {
  let parsed: { engine?: unknown; masterarn?: unknown };
  try {
    parsed = JSON.parse(value ?? '') as typeof parsed;
  } catch {
    return undefined;
  }
  const engine = typeof parsed.engine === 'string' ? parsed.engine : '';
  const family = POSTGRES_ENGINES.includes(engine)
    ? 'postgres'
    : MYSQL_ENGINES.includes(engine)
      ? 'mysql'
      : engine === 'redshift'
        ? 'redshift'
        : undefined;
  if (family === undefined) return undefined;
  return `${family}-${typeof parsed.masterarn === 'string' ? 'alternating-users' : 'single-user'}`;
}

/**
 * Lines describing a check: one per finding with what to do, then a summary.
 *
 * @param result - the check's result
 */
export function formatRotationCheck(result: RotationCheckResult): string[] {
  const lines = [`secretkit rotation check: ${result.secretId} (${result.strategy})`];
  for (const f of result.findings) {
    lines.push(`  [${f.severity === 'problem' ? 'PROBLEM  ' : 'UNCHECKED'}] ${f.code}: ${f.message}`);
    lines.push(`              what to do: ${f.action}`);
  }
  lines.push(`  passed: ${result.passed.join(', ') || '(none)'}`);
  const problems = result.findings.filter((f) => f.severity === 'problem').length;
  const unchecked = result.findings.length - problems;
  lines.push(result.ok ? 'No problem found.' : `${problems} problem(s), ${unchecked} check(s) not made.`);
  return lines;
}

/**
 * Runs `secretkit rotation check` with the arguments after `rotation`.
 *
 * @param argv - e.g. `['check', 'prod/db', '--json']`
 * @param io - output
 * @param makeClients - AWS clients for a region
 */
export async function rotationCommand(
  argv: readonly string[],
  io: CliIo,
  makeClients: ClientFactory,
): Promise<ExitCode> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    io.err(`secretkit: ${error instanceof Error ? error.message : String(error)}`);
    return EXIT.usage;
  }
  const { values, positionals } = parsed;
  if (values.help === true) {
    io.out(ROTATION_CHECK_HELP);
    return EXIT.ok;
  }
  const [sub, secretId, ...rest] = positionals;
  const strategyName = values.strategy;
  const tls = values.tls;
  const usage = (message: string): ExitCode => {
    io.err(`secretkit: ${message}`);
    io.err('Run `secretkit rotation --help` for usage.');
    return EXIT.usage;
  };
  if (sub !== 'check') return usage(`rotation: unknown subcommand "${sub ?? ''}": use check`);
  if (secretId === undefined || rest.length > 0) return usage('rotation check: give exactly one secret');
  if (strategyName !== undefined && !(CLI_STRATEGIES as readonly string[]).includes(strategyName))
    return usage(`--strategy must be one of ${CLI_STRATEGIES.join(', ')}`);
  if (tls !== undefined && tls !== 'require' && tls !== 'prefer' && tls !== 'disable')
    return usage('--tls must be require, prefer or disable');
  let role: RotationRolePolicies | undefined;
  if (values['role-policies'] !== undefined) {
    try {
      role = JSON.parse(await readFile(values['role-policies'], 'utf8')) as RotationRolePolicies;
    } catch {
      return usage('--role-policies: cannot read that file as JSON');
    }
    if (typeof role?.roleArn !== 'string' || !Array.isArray(role.identityPolicies))
      return usage('--role-policies: the file needs "roleArn" and "identityPolicies"');
  }
  try {
    const { secretsClient } = makeClients(values.region);
    let name = strategyName;
    if (name === undefined) {
      const out = await secretsClient.send(
        new GetSecretValueCommand({ SecretId: secretId, VersionStage: 'AWSCURRENT' }),
      );
      name = strategyFromSecret(out.SecretString);
      if (name === undefined)
        throw new SecretkitError(
          'INVALID_ARGUMENT',
          `Cannot tell the strategy from secret "${secretId}": pass --strategy.`,
          { secretId },
        );
    }
    const result = await checkRotation(secretsClient, secretId, await loadStrategy(name, tls), {
      password: passwordPolicyFromEnv(),
      requireRotationEnabled: values['not-enabled-ok'] !== true,
      role,
    });
    if (values.json === true) io.out(JSON.stringify(result, null, 2));
    else for (const line of formatRotationCheck(result)) io.out(line);
    return result.ok ? EXIT.ok : EXIT.problems;
  } catch (error) {
    return reportAwsError(io, error, values.json === true);
  }
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      region: { type: 'string', short: 'r' },
      strategy: { type: 'string' },
      'role-policies': { type: 'string' },
      tls: { type: 'string' },
      'not-enabled-ok': { type: 'boolean' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}
