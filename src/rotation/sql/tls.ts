/** TLS settings of the database connections made during rotation. */
import type { ConnectionOptions } from 'node:tls';

/**
 * TLS to the database:
 * - `'require'`: TLS with the server certificate and host name verified (Node's CA store plus
 *   `NODE_EXTRA_CA_CERTS`; Lambda's Node.js runtimes include the RDS CAs there);
 * - `'prefer'`: like `'require'`, but connects without TLS when the server does not offer TLS
 *   at all (a server that offers TLS with a bad certificate still fails);
 * - `'disable'`: plain TCP (local servers, tests);
 * - an object: TLS with these `tls.connect` options (e.g. `{ ca }`).
 *
 * When the option is omitted, the secret's `ssl` key decides like in AWS's templates
 * (`true`/`"true"` → require, `false`/`"false"` → disable, absent → prefer).
 */
export type DatabaseTls = 'require' | 'prefer' | 'disable' | ConnectionOptions;

/** What to do when connecting. */
export interface ResolvedTls {
  /** `false` for plain TCP, else the `tls.connect` options. */
  readonly tls: false | ConnectionOptions;
  /** Retry without TLS when the server does not support it. */
  readonly fallbackToPlain: boolean;
}

function fromSecret(ssl: unknown): DatabaseTls {
  if (ssl === true || (typeof ssl === 'string' && ssl.toLowerCase() === 'true')) return 'require';
  if (ssl === false || (typeof ssl === 'string' && ssl.toLowerCase() === 'false')) return 'disable';
  return 'prefer';
}

/**
 * Decides TLS for one connection.
 *
 * @param option - the strategy's `tls` option (wins when set)
 * @param secretSsl - the secret's `ssl` value
 */
export function resolveTls(option: DatabaseTls | undefined, secretSsl: unknown): ResolvedTls {
  const mode = option ?? fromSecret(secretSsl);
  if (mode === 'disable') return { tls: false, fallbackToPlain: false };
  if (mode === 'require') return { tls: { rejectUnauthorized: true }, fallbackToPlain: false };
  if (mode === 'prefer') return { tls: { rejectUnauthorized: true }, fallbackToPlain: true };
  return { tls: mode, fallbackToPlain: false };
}
