/**
 * The per-region SDK clients of a router, made on first use and destroyed together on close.
 * Both routers (failover/router.ts and the one-region client/primary-router.ts) keep theirs here.
 */
import { SecretkitError } from '../errors/secretkit-error.js';
import type { SecretsManagerClientLike } from '../sdk/client-like.js';

/** A router's clients by region. */
export interface ClientPool {
  /**
   * The client of `region`, made by the factory the first time.
   *
   * @throws SecretkitError `CLIENT_CLOSED` after {@link ClientPool.close}
   */
  get(region: string): SecretsManagerClientLike;
  /** Destroys every client made (through `destroy`, when given) and refuses new ones. */
  close(destroy?: (region: string, client: SecretsManagerClientLike) => void): void;
}

/**
 * A pool over `factory`.
 *
 * @param factory - makes the client of a region (the user's, or one from `clientConfig`)
 */
export function clientPool(factory: (region: string) => SecretsManagerClientLike): ClientPool {
  const clients = new Map<string, SecretsManagerClientLike>();
  let closed = false;
  return {
    get(region) {
      if (closed) throw new SecretkitError('CLIENT_CLOSED', 'the client was closed', { region });
      let client = clients.get(region);
      if (client === undefined) {
        client = factory(region);
        clients.set(region, client);
      }
      return client;
    },
    close(destroy) {
      closed = true;
      for (const [region, client] of clients) destroy?.(region, client);
      clients.clear();
    },
  };
}
