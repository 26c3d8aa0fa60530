/**
 * Where the local Agent or Lambda extension listens, where its SSRF token comes from, and
 * whether the environment shows one (for `agentTransport({ mode: 'auto' })`). The contract, read from the
 * Agent's source (aws/aws-workload-credentials-provider, formerly aws-secretsmanager-agent)
 * and AWS's Lambda extension documentation:
 * - port 2773 by default; the Agent sets it only in its config file (`http_port`), the
 *   extension with `PARAMETERS_SECRETS_EXTENSION_HTTP_PORT`;
 * - the token header `X-Aws-Parameters-Secrets-Token`; the Agent takes its token from the
 *   first of `AWS_TOKEN`, `AWS_SESSION_TOKEN`, `AWS_CONTAINER_AUTHORIZATION_TOKEN` that is set,
 *   a `file://` value being read from that file; its install script writes `/var/run/awssmatoken`;
 *   the extension uses `AWS_SESSION_TOKEN`.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { SecretkitError } from '../errors/secretkit-error.js';
import type { AgentOptions } from './types.js';

/** The Agent's and the extension's default port. */
export const AGENT_DEFAULT_PORT = 2773;
/** The SSRF token header. */
export const AGENT_TOKEN_HEADER = 'X-Aws-Parameters-Secrets-Token';
/** Where the Agent's install script stores its token. */
export const AGENT_TOKEN_FILE = '/var/run/awssmatoken';
/** Environment variables holding the token, in the Agent's order of precedence. */
export const AGENT_TOKEN_ENV = [
  'AWS_TOKEN',
  'AWS_SESSION_TOKEN',
  'AWS_CONTAINER_AUTHORIZATION_TOKEN',
] as const;

type Env = Readonly<Record<string, string | undefined>>;

function inLambda(env: Env): boolean {
  return Boolean(env['AWS_LAMBDA_FUNCTION_NAME'] || env['AWS_LAMBDA_RUNTIME_API']);
}

function badEndpoint(): SecretkitError {
  return new SecretkitError('INVALID_ARGUMENT', 'agentTransport option endpoint must be an http:// URL', {
    details: { option: 'endpoint' },
  });
}

/**
 * The Agent's base URL.
 *
 * @throws SecretkitError `INVALID_ARGUMENT` when the endpoint or port is not valid
 */
export function agentEndpoint(options: AgentOptions | undefined, env: Env = process.env): string {
  if (options?.endpoint !== undefined) {
    let url: URL;
    try {
      url = new URL(options.endpoint);
    } catch {
      throw badEndpoint();
    }
    if (url.protocol !== 'http:') throw badEndpoint();
    return url.origin;
  }
  const raw = env['PARAMETERS_SECRETS_EXTENSION_HTTP_PORT'];
  const port = raw === undefined || raw === '' ? AGENT_DEFAULT_PORT : Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new SecretkitError(
      'INVALID_ARGUMENT',
      'PARAMETERS_SECRETS_EXTENSION_HTTP_PORT must be a port (1-65535).',
    );
  }
  return `http://localhost:${port}`;
}

/** Reads a `file://` token reference (trimmed), else returns the value. */
function dereference(value: string): string {
  if (!value.startsWith('file://')) return value;
  return readFileSync(value.slice('file://'.length), 'utf8').trim();
}

/**
 * A function returning the SSRF token (memoised; `reset` forgets it, e.g. after a 403).
 * Never logs or throws the token itself.
 */
export function agentTokenSource(
  options: AgentOptions | undefined,
  env: Env = process.env,
): { get(): string | undefined; reset(): void } {
  let cached: string | undefined;
  const resolve = (): string | undefined => {
    const own = options?.token;
    if (typeof own === 'function') return own();
    if (typeof own === 'string') return own;
    for (const name of AGENT_TOKEN_ENV) {
      const value = env[name];
      if (value) return dereference(value);
    }
    return existsSync(AGENT_TOKEN_FILE) ? readFileSync(AGENT_TOKEN_FILE, 'utf8').trim() : undefined;
  };
  return {
    get() {
      if (cached === undefined) {
        try {
          cached = resolve();
        } catch {
          cached = undefined; // an unreadable token file: no token (the Agent would refuse us)
        }
      }
      return cached;
    },
    reset() {
      cached = undefined;
    },
  };
}

/**
 * Whether the environment shows an Agent or extension (`mode: 'auto'`): an explicit endpoint
 * or token given to `agentTransport()`; `AWS_TOKEN` set (the Agent's own variable); in Lambda, a
 * `PARAMETERS_SECRETS_EXTENSION_*` variable or an extension whose file name mentions
 * "secrets" in `/opt/extensions`; or the Agent's token file.
 */
export function agentPresent(options: AgentOptions | undefined, env: Env = process.env): boolean {
  if (options?.endpoint !== undefined || options?.token !== undefined) return true;
  if (env['AWS_TOKEN']) return true;
  if (inLambda(env)) {
    if (Object.keys(env).some((k) => k.startsWith('PARAMETERS_SECRETS_EXTENSION_'))) return true;
    try {
      return readdirSync('/opt/extensions').some((f) => /secrets/i.test(f));
    } catch {
      return false;
    }
  }
  return existsSync(AGENT_TOKEN_FILE);
}
