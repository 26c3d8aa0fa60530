/**
 * The naming rule of local values in environment variables and `.env` files:
 * `SECRETKIT_SECRET_` or `SECRETKIT_PARAM_`, then the name without leading slashes, upper-cased,
 * every character other than A-Z and 0-9 replaced by `_`.
 *
 * `prod/db-main` → `SECRETKIT_SECRET_PROD_DB_MAIN`; `/app/prod/url` → `SECRETKIT_PARAM_APP_PROD_URL`.
 */

/** Prefix of secrets in environment variables. */
export const SECRET_ENV_PREFIX = 'SECRETKIT_SECRET_';
/** Prefix of parameters in environment variables. */
export const PARAM_ENV_PREFIX = 'SECRETKIT_PARAM_';

function mangle(name: string): string {
  return name
    .replace(/^\/+/, '')
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '_');
}

/**
 * The environment variable that holds a secret in local mode.
 *
 * @param secretId - the secret name
 */
export function secretEnvName(secretId: string): string {
  return `${SECRET_ENV_PREFIX}${mangle(secretId)}`;
}

/**
 * The environment variable that holds a parameter in local mode.
 *
 * @param name - the parameter name (without selector)
 */
export function parameterEnvName(name: string): string {
  return `${PARAM_ENV_PREFIX}${mangle(name)}`;
}
