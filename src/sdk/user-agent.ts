/**
 * The `secretkit/<version>` user-agent suffix, so CloudTrail shows which reads came through
 * secretkit. Clients secretkit creates get it through `customUserAgent`; a client the user
 * passes in gets a small middleware (once), never a changed configuration.
 */

import { VERSION } from '../version.js';
import type { SecretsManagerClientLike } from './client-like.js';

/** The `customUserAgent` entry for clients secretkit creates. */
export const SECRETKIT_USER_AGENT: [string, string] = ['secretkit', VERSION];

const MIDDLEWARE_NAME = 'secretkitUserAgent';

interface HeaderRequest {
  headers?: Record<string, string>;
}
interface MiddlewareStackLike {
  add(
    middleware: (
      next: (args: { request: unknown }) => Promise<unknown>,
    ) => (args: { request: unknown }) => Promise<unknown>,
    options: { step: 'finalizeRequest'; name: string; override?: boolean },
  ): void;
}

/**
 * Adds the suffix to the `x-amz-user-agent` header of every request of a user-supplied SDK
 * client. Clients without a middleware stack (fakes, mocks) are left alone. Idempotent.
 *
 * @param client - the user's client
 */
export function addUserAgentMiddleware(client: SecretsManagerClientLike): void {
  const stack = (client as { middlewareStack?: Partial<MiddlewareStackLike> }).middlewareStack;
  if (typeof stack?.add !== 'function') return;
  const suffix = `${SECRETKIT_USER_AGENT[0]}/${SECRETKIT_USER_AGENT[1]}`;
  stack.add(
    (next) => async (args) => {
      const request = args.request as HeaderRequest;
      const headers = request.headers;
      if (headers) {
        const current = headers['x-amz-user-agent'];
        if (current === undefined) headers['x-amz-user-agent'] = suffix;
        else if (!current.includes(suffix)) headers['x-amz-user-agent'] = `${current} ${suffix}`;
      }
      return next(args);
    },
    { step: 'finalizeRequest', name: MIDDLEWARE_NAME, override: true },
  );
}
