/**
 * The `secretkit/<version>` user-agent suffix, so CloudTrail shows which reads came through
 * secretkit. Clients secretkit creates get it through `customUserAgent`; a client the user
 * passes in gets the same pair appended to its resolved `config.customUserAgent` (once), which
 * the SDK's own user-agent middleware reads on every call.
 *
 * Deliberately not a middleware of our own: one more entry in the client's stack costs every
 * call of that client a few µs of CPU (the stack is resolved per `send`), about as much as the
 * rest of a cache miss. The effect is the same either way: every call of that client carries
 * the suffix.
 */

import { VERSION } from '../version.js';
import type { SecretsManagerClientLike } from './client-like.js';

/** The `customUserAgent` entry for clients secretkit creates. */
export const SECRETKIT_USER_AGENT: [string, string] = ['secretkit', VERSION];

type UserAgentPair = [string, string?];

/**
 * Adds the suffix to the user agent of every request of a user-supplied SDK client, through
 * its resolved `config.customUserAgent`. Clients without an SDK config (fakes, mocks) are left
 * alone. Idempotent.
 *
 * @param client - the user's client
 */
export function addUserAgent(client: SecretsManagerClientLike): void {
  const config = (client as { config?: { customUserAgent?: unknown } }).config;
  if (typeof config !== 'object' || config === null || Object.isFrozen(config)) return;
  const own = config.customUserAgent;
  if (own !== undefined && typeof own !== 'string' && !Array.isArray(own)) return; // not the SDK's
  const pairs: UserAgentPair[] = own === undefined ? [] : typeof own === 'string' ? [[own]] : [...own];
  if (pairs.some((pair) => Array.isArray(pair) && pair[0] === SECRETKIT_USER_AGENT[0])) return;
  config.customUserAgent = [...pairs, SECRETKIT_USER_AGENT];
}
