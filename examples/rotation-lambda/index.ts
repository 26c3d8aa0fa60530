/**
 * A Secrets Manager rotation function for a database credential secret, ready to bundle.
 *
 *   npx esbuild examples/rotation-lambda/index.ts --bundle --platform=node --format=cjs \
 *     --target=node20 --minify --external:@aws-sdk/* --external:pg-native \
 *     --outfile=dist-rotation/index.js
 * (see README.md; the Lambda handler is `index.handler`)
 *
 * Environment (all optional):
 *   ROTATION_STRATEGY   postgres-single-user (default) | postgres-alternating-users |
 *                       mysql-single-user | mysql-alternating-users
 *   DB_TLS              require | prefer | disable (default: the secret's `ssl` key, else prefer)
 *   PASSWORD_LENGTH, EXCLUDE_CHARACTERS, EXCLUDE_NUMBERS, EXCLUDE_PUNCTUATION,
 *   EXCLUDE_UPPERCASE, EXCLUDE_LOWERCASE, REQUIRE_EACH_INCLUDED_TYPE
 *                       the password policy, as in AWS's templates
 *   SECRETS_MANAGER_ENDPOINT  a Secrets Manager VPC endpoint, as in AWS's templates
 *
 * This file offers all four strategies, so the bundle carries both `pg` and `mysql2`. For a
 * smaller function keep one: `export const handler = createRotationHandler(postgresSingleUser());`
 */
import type { SecretkitLogger } from 'secretkit';
import { createRotationHandler, passwordPolicyFromEnv } from 'secretkit/rotation';
import { type DatabaseTls, mysqlAlternatingUsers, mysqlSingleUser } from 'secretkit/rotation/mysql';
import { postgresAlternatingUsers, postgresSingleUser } from 'secretkit/rotation/postgres';

const STRATEGIES = {
  'postgres-single-user': postgresSingleUser,
  'postgres-alternating-users': postgresAlternatingUsers,
  'mysql-single-user': mysqlSingleUser,
  'mysql-alternating-users': mysqlAlternatingUsers,
} as const;

/** The strategy names ROTATION_STRATEGY accepts. */
export type StrategyName = keyof typeof STRATEGIES;

function strategyName(value: string | undefined): StrategyName {
  const name = value ?? 'postgres-single-user';
  if (!Object.hasOwn(STRATEGIES, name)) {
    throw new Error(`ROTATION_STRATEGY must be one of ${Object.keys(STRATEGIES).join(', ')}`);
  }
  return name as StrategyName;
}

function tls(value: string | undefined): { tls?: DatabaseTls } {
  if (value === undefined || value === '') return {};
  if (value === 'require' || value === 'prefer' || value === 'disable') return { tls: value };
  throw new Error('DB_TLS must be require, prefer or disable');
}

/** One JSON line per event; secretkit never passes passwords to the logger. */
const logger: SecretkitLogger = {
  info: (message: string, fields: Readonly<Record<string, unknown>>) =>
    console.log(JSON.stringify({ level: 'info', message, ...fields })),
  warn: (message: string, fields: Readonly<Record<string, unknown>>) =>
    console.warn(JSON.stringify({ level: 'warn', message, ...fields })),
};

const strategy = STRATEGIES[strategyName(process.env['ROTATION_STRATEGY'])](tls(process.env['DB_TLS']));

/** The Lambda entry point (`index.handler`). */
export const handler = createRotationHandler(strategy, { password: passwordPolicyFromEnv(), logger });
