/**
 * Carries `forceRefresh` from a read down to the transport, which turns it into the Agent's
 * `refreshNow=true` (the SDK command has no such field). Async-context scoped, so concurrent
 * reads do not see each other's flag. The scope exists only once an Agent transport is in use
 * ({@link enableRefreshNow}); until then a forced read runs as it is.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

let scope: AsyncLocalStorage<boolean> | undefined;

/** Called by the Agent transport of a client: from now on forced reads carry the flag. */
export function enableRefreshNow(): void {
  scope ??= new AsyncLocalStorage<boolean>();
}

/**
 * Runs `fn` with "refresh now" set for the Agent requests it makes.
 *
 * @param fn - the load to run
 * @returns what `fn` returns
 */
export function withRefreshNow<T>(fn: () => T): T {
  return scope === undefined ? fn() : scope.run(true, fn);
}

/** True inside {@link withRefreshNow}. */
export function refreshNowRequested(): boolean {
  return scope?.getStore() === true;
}
