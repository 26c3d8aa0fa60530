/**
 * Carries `forceRefresh` from a read down to the transport, which turns it into the Agent's
 * `refreshNow=true` (the SDK command has no such field). Async-context scoped, so concurrent
 * reads do not see each other's flag.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

const scope = new AsyncLocalStorage<boolean>();

/**
 * Runs `fn` with "refresh now" set for the Agent requests it makes.
 *
 * @param fn - the load to run
 * @returns what `fn` returns
 */
export function withRefreshNow<T>(fn: () => T): T {
  return scope.run(true, fn);
}

/** True inside {@link withRefreshNow}. */
export function refreshNowRequested(): boolean {
  return scope.getStore() === true;
}
