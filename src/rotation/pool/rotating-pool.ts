/**
 * `rotatingPool`: a database pool that follows a rotated secret. When the credentials change it
 * builds a new pool with them, sends new callers there, and ends the old pool `drainMs` later;
 * at most two pools (the current and one draining) exist at any time.
 */
import type { SecretsReader } from '../../client/types.js';
import { SecretkitError } from '../../errors/secretkit-error.js';
import { isDatabaseAuthError } from '../auth-errors.js';
import type { DatabaseSecret } from '../db-secret.js';
import { type CredentialSource, cachedCredentials, credentialsDigest } from './detect.js';

/** Anything with `end()`: `pg.Pool`, a `mysql2/promise` pool. */
export interface EndablePool {
  /** Closes every connection once its query is done. */
  end(): Promise<void> | void;
}

/** Default time an old pool may finish its queries before it is ended. */
export const DEFAULT_DRAIN_MS = 30_000;
/** Default number of retries of `use` after an authentication failure. */
export const DEFAULT_POOL_AUTH_RETRIES = 2;

/** What a rotating pool reports (never a value). */
export type RotatingPoolEvent =
  | {
      /** The first pool was built. */
      readonly type: 'pool-created';
      /** 1 for the first pool, then 2, 3, ... per credentials change. */
      readonly generation: number;
      /** The user the pool logs in as. */
      readonly username: string;
    }
  | {
      /** New credentials: a new pool serves callers from now on. */
      readonly type: 'pool-switched';
      /** The new pool's generation. */
      readonly generation: number;
      /** The user the new pool logs in as. */
      readonly username: string;
    }
  | {
      /** A pool was ended (after drainMs, earlier when a newer version came, or by close). */
      readonly type: 'pool-ended';
      /** The ended pool's generation. */
      readonly generation: number;
      /** Milliseconds from the switch to the end of `end()` (0 for close). */
      readonly drainedMs: number;
      /** What `end()` threw, if it did. */
      readonly error?: unknown;
    };

/** Options of {@link rotatingPool}. */
export interface RotatingPoolOptions<P extends EndablePool> {
  /** Builds a pool for credentials, e.g. `(c) => new pg.Pool({ host: c.host, user: c.username, ... })`. */
  readonly create: (credentials: DatabaseSecret) => P;
  /** How long an old pool may finish its work before `end()`. @defaultValue {@link DEFAULT_DRAIN_MS} */
  readonly drainMs?: number | undefined;
  /** Where credentials come from: give `reader` (a SecretsClient) or your own `source`. */
  readonly reader?: SecretsReader | undefined;
  /** Replaces the cache read (e.g. a change feed). @defaultValue `cachedCredentials(reader, secretId)` */
  readonly source?: CredentialSource | undefined;
  /** Whether an error means the credentials no longer work. @defaultValue {@link isDatabaseAuthError} */
  readonly isAuthError?: ((error: unknown) => boolean) | undefined;
  /** Retries of `use` after an authentication failure, each after a forced refresh. @defaultValue {@link DEFAULT_POOL_AUTH_RETRIES} */
  readonly maxAuthRetries?: number | undefined;
  /** Ends a pool. @defaultValue `pool.end()` */
  readonly end?: ((pool: P) => Promise<void>) | undefined;
  /** Receives pool events. */
  readonly onEvent?: ((event: RotatingPoolEvent) => void) | undefined;
  /** Clock for `drainedMs`. @defaultValue Date.now */
  readonly now?: (() => number) | undefined;
}

/** Counters of a rotating pool. */
export interface RotatingPoolStats {
  /** Pools open now: 1, or 2 while an old one drains (0 after close). */
  readonly open: number;
  /** Credentials changes followed so far. */
  readonly switches: number;
}

/** A pool that follows a rotated secret. */
export interface RotatingPool<P extends EndablePool> {
  /** The pool for the current credentials (checked through the source first). */
  pool(): Promise<P>;
  /**
   * Runs `fn` with the current pool. On an authentication failure, refreshes the credentials
   * from AWS and runs `fn` again on the new pool, up to `maxAuthRetries` times.
   *
   * @throws SecretkitError `AUTH_RETRIES_EXHAUSTED`, `CLIENT_CLOSED`; `fn`'s other errors as they are
   */
  use<T>(fn: (pool: P) => Promise<T>): Promise<T>;
  /** Checks the credentials now (`force`: from AWS); resolves true when the pool was switched. */
  refresh(force?: boolean): Promise<boolean>;
  /** Ends every pool now. */
  close(): Promise<void>;
  /** Pools open now (1, or 2 while one drains) and switches so far. */
  stats(): RotatingPoolStats;
}

interface Generation<P> {
  readonly n: number;
  readonly pool: P;
  readonly digest: string;
  readonly value: DatabaseSecret;
}

function checkDrain(drainMs: number, retries: number): void {
  if (!Number.isFinite(drainMs) || drainMs < 0)
    throw new SecretkitError('INVALID_ARGUMENT', 'drainMs must be a number of 0 or more.', {
      details: { argument: 'drainMs' },
    });
  if (!Number.isInteger(retries) || retries < 0)
    throw new SecretkitError('INVALID_ARGUMENT', 'maxAuthRetries must be a whole number of 0 or more.', {
      details: { argument: 'maxAuthRetries' },
    });
}

/**
 * Creates a pool that follows `secretId`. Every `pool()`/`use()` reads the credentials through
 * the source (a cache hit costs nothing); when they differ from the current pool's, a new pool
 * is built, and the old one is ended `drainMs` later (at once if a third version arrives first).
 *
 * @param secretId - the database secret (RDS shape)
 * @param options - `create`, `drainMs`, `reader` or `source`
 * @throws SecretkitError `INVALID_ARGUMENT` (no reader nor source, bad drainMs)
 * @example
 * ```ts
 * const db = rotatingPool('prod/db', {
 *   reader: secrets,
 *   create: (c) => new pg.Pool({ host: c.host, port: c.port, user: c.username, password: c.password, database: c.dbname }),
 *   drainMs: 10_000,
 * });
 * const rows = await db.use((pool) => pool.query('SELECT 1'));
 * ```
 */
export function rotatingPool<P extends EndablePool>(
  secretId: string,
  options: RotatingPoolOptions<P>,
): RotatingPool<P> {
  const drainMs = options.drainMs ?? DEFAULT_DRAIN_MS;
  const retries = options.maxAuthRetries ?? DEFAULT_POOL_AUTH_RETRIES;
  checkDrain(drainMs, retries);
  const source = options.source ?? (options.reader ? cachedCredentials(options.reader, secretId) : undefined);
  if (!source)
    throw new SecretkitError('INVALID_ARGUMENT', 'rotatingPool needs a reader (SecretsClient) or a source.', {
      secretId,
      details: { argument: 'reader' },
    });
  const isAuthError = options.isAuthError ?? isDatabaseAuthError;
  const end = options.end ?? (async (p: P) => void (await p.end()));
  const now = options.now ?? Date.now;
  let current: Generation<P> | undefined;
  let draining: { gen: Generation<P>; timer: ReturnType<typeof setTimeout>; since: number } | undefined;
  let switching: Promise<boolean> | undefined;
  let switches = 0;
  let generations = 0;
  let closed = false;

  const endDraining = async (): Promise<void> => {
    const d = draining;
    if (!d) return;
    draining = undefined;
    clearTimeout(d.timer);
    let error: unknown;
    await end(d.gen.pool).catch((e: unknown) => {
      error = e;
    });
    options.onEvent?.({
      type: 'pool-ended',
      generation: d.gen.n,
      drainedMs: now() - d.since,
      ...(error === undefined ? {} : { error }),
    });
  };

  const install = async (value: DatabaseSecret): Promise<boolean> => {
    const digest = credentialsDigest(value);
    if (current && current.value === value) return false;
    if (current && current.digest === digest) {
      current = { ...current, value };
      return false;
    }
    const gen: Generation<P> = { n: ++generations, pool: options.create(value), digest, value };
    const old = current;
    current = gen;
    if (!old) {
      options.onEvent?.({ type: 'pool-created', generation: gen.n, username: value.username });
      return false;
    }
    switches++;
    options.onEvent?.({ type: 'pool-switched', generation: gen.n, username: value.username });
    await endDraining(); // a third version: the previous draining pool goes now
    const timer = setTimeout(() => void endDraining(), drainMs);
    timer.unref?.();
    draining = { gen: old, timer, since: now() };
    return true;
  };

  const refresh = (force = false): Promise<boolean> => {
    if (closed)
      return Promise.reject(
        new SecretkitError('CLIENT_CLOSED', 'The rotating pool is closed.', { secretId }),
      );
    if (switching) return switching;
    const run = source(force).then(install);
    switching = run.finally(() => {
      switching = undefined;
    });
    return switching;
  };

  const pool = async (): Promise<P> => {
    await refresh(false);
    if (!current) throw new SecretkitError('CLIENT_CLOSED', 'The rotating pool is closed.', { secretId });
    return current.pool;
  };

  return {
    pool,
    async use(fn) {
      for (let retry = 0; ; retry++) {
        const p = await pool();
        try {
          return await fn(p);
        } catch (error) {
          if (!isAuthError(error)) throw error;
          if (retry >= retries)
            throw new SecretkitError(
              'AUTH_RETRIES_EXHAUSTED',
              `Authentication with secret "${secretId}" still failed after ${retries} refresh(es).`,
              {
                cause: error,
                secretId,
                details: { retries },
              },
            );
          // Only one refresh from AWS per failing pool: callers that failed on an old pool just move on.
          if (current?.pool === p) await refresh(true);
        }
      }
    },
    refresh,
    async close() {
      if (closed) return;
      closed = true;
      await switching?.catch(() => {});
      await endDraining();
      const c = current;
      current = undefined;
      if (c) {
        await end(c.pool).catch(() => {});
        options.onEvent?.({ type: 'pool-ended', generation: c.n, drainedMs: 0 });
      }
    },
    stats: () => ({ open: (current ? 1 : 0) + (draining ? 1 : 0), switches }),
  };
}
