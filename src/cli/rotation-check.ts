/**
 * `secretkit rotation check <secret-id>`: the rotation preflight (`checkRotation`) from the
 * command line. The strategy is taken from `--strategy` or from the secret itself (its `engine`,
 * and `masterarn` for alternating users); the password policy from the environment variables of
 * AWS's rotation templates (PASSWORD_LENGTH, EXCLUDE_CHARACTERS, ...).
 */
import { readFile } from 'node:fs/promises';
import { GetSecretValueCommand, type GetSecretValueCommandOutput } from '@aws-sdk/client-secrets-manager';
import { SecretkitError } from '../errors/secretkit-error.js';
import { checkRotation } from '../rotation/check/check-rotation.js';
import type { RotationCheckResult } from '../rotation/check/findings.js';
import type { RotationRole, RotationRolePolicies } from '../rotation/check/iam-checks.js';
import { MYSQL_ENGINES, POSTGRES_ENGINES } from '../rotation/db-secret.js';
import { passwordPolicyFromEnv } from '../rotation/framework/password.js';
import type { DatabaseTls } from '../rotation/sql/tls.js';
import type { RotationStrategy } from '../rotation/strategy.js';
import { send } from '../sdk/send.js';
import type { CliCommand } from './command.js';
import { EXIT, type ExitCode } from './exit-codes.js';
import { reportAwsError } from './report-error.js';

/** Strategies the CLI knows by name. */
export const CLI_STRATEGIES = [
  'postgres-single-user',
  'postgres-alternating-users',
  'mysql-single-user',
  'mysql-alternating-users',
  'redshift-single-user',
  'redshift-alternating-users',
] as const;

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

/** `secretkit rotation check <secret-id>`. */
export const rotationCheckCommand: CliCommand = {
  name: 'rotation check',
  argsUsage: '<secret-id>',
  argLabel: 'secret name or ARN',
  minArgs: 1,
  maxArgs: 1,
  summary: 'Report every reason the next rotation would fail, changing nothing.',
  description: `Reports every reason the next rotation of the secret would fail, changing nothing:
the secret's shape, the master secret, logins with the current and master
credentials, the master's privileges, the clone user's name, the password policy,
the rotation configuration, a half-finished rotation, and the rotation role's IAM
and KMS permissions: with --role-policies evaluated offline, with --role-arn simulated
on the account (IAM SimulatePrincipalPolicy; needs @aws-sdk/client-iam and
iam:SimulatePrincipalPolicy). Never prints a value.

The strategy comes from --strategy, else from the secret's engine (and masterarn for
alternating users); the password policy from the environment variables of AWS's
rotation templates (PASSWORD_LENGTH, EXCLUDE_CHARACTERS, ...). Exits 1 on any
problem and on any check it could not make.`,
  options: {
    strategy: { type: 'string', valueName: '<name>', description: CLI_STRATEGIES.join(' | ') },
    'role-policies': {
      type: 'string',
      valueName: '<file>',
      description: 'JSON {"roleArn","identityPolicies":[...],"keyPolicy"?,"secretPolicy"?,"keyArn"?}',
    },
    'role-arn': {
      type: 'string',
      valueName: '<arn>',
      description: 'the rotation role, simulated on the live account (instead of --role-policies)',
    },
    tls: {
      type: 'string',
      valueName: '<mode>',
      description: "require | prefer | disable (default: the secret's ssl key)",
    },
    'not-enabled-ok': { type: 'boolean', description: 'do not report ROTATION_NOT_CONFIGURED' },
  },
  async run({ io, args, options, json, clients }) {
    const secretId = args[0] ?? '';
    const strategyName = typeof options['strategy'] === 'string' ? options['strategy'] : undefined;
    const tls = typeof options['tls'] === 'string' ? options['tls'] : undefined;
    const usage = (message: string): ExitCode => {
      io.err(`secretkit: ${message}`);
      io.err('Run `secretkit rotation check --help` for usage.');
      return EXIT.usage;
    };
    if (strategyName !== undefined && !(CLI_STRATEGIES as readonly string[]).includes(strategyName))
      return usage(`--strategy must be one of ${CLI_STRATEGIES.join(', ')}`);
    if (tls !== undefined && tls !== 'require' && tls !== 'prefer' && tls !== 'disable')
      return usage('--tls must be require, prefer or disable');
    let role: RotationRole | RotationRolePolicies | undefined;
    const rolePolicies = options['role-policies'];
    const roleArn = options['role-arn'];
    if (typeof roleArn === 'string') {
      if (typeof rolePolicies === 'string') return usage('give --role-arn or --role-policies, not both');
      if (!/^arn:[^:]+:iam::\d{12}:role\/.+/.test(roleArn))
        return usage('--role-arn must be an IAM role ARN (arn:aws:iam::<account>:role/<name>)');
      role = { roleArn };
    }
    if (typeof rolePolicies === 'string') {
      let file: RotationRolePolicies;
      try {
        file = JSON.parse(await readFile(rolePolicies, 'utf8')) as RotationRolePolicies;
      } catch {
        return usage('--role-policies: cannot read that file as JSON');
      }
      role = file;
      if (typeof file?.roleArn !== 'string' || !Array.isArray(file.identityPolicies))
        return usage('--role-policies: the file needs "roleArn" and "identityPolicies"');
    }
    try {
      const { secretsClient } = clients();
      let name = strategyName;
      if (name === undefined) {
        const out = await send<GetSecretValueCommandOutput>(
          secretsClient,
          new GetSecretValueCommand({ SecretId: secretId, VersionStage: 'AWSCURRENT' }),
          { operation: 'GetSecretValue', secretId },
        );
        name = strategyFromSecret(out.SecretString);
        if (name === undefined)
          throw new SecretkitError(
            'INVALID_ARGUMENT',
            `Cannot tell the strategy from secret "${secretId}": pass --strategy.`,
            { secretId },
          );
      }
      const result = await checkRotation(
        secretsClient,
        secretId,
        await loadStrategy(name, tls as DatabaseTls | undefined),
        {
          password: passwordPolicyFromEnv(),
          requireRotationEnabled: options['not-enabled-ok'] !== true,
          role,
        },
      );
      if (json) io.out(JSON.stringify(result, null, 2));
      else for (const line of formatRotationCheck(result)) io.out(line);
      if (result.ok) return EXIT.ok;
      return result.findings.some((f) => f.severity === 'problem') ? EXIT.problems : EXIT.unchecked;
    } catch (error) {
      return reportAwsError(io, error, json);
    }
  },
};
