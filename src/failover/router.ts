/**
 * The region router (see docs/multi-region.md): reads go to the primary region and, on a
 * fault, to the next healthy replica region; answers surface at once; each attempt has a
 * deadline; a per-region circuit breaker skips failing regions; optional hedging.
 */
import { SecretkitError } from '../errors/secretkit-error.js';
import type { SecretsManagerClientLike } from '../sdk/client-like.js';
import { CircuitBreaker } from './circuit-breaker.js';
import { clientPool } from './client-pool.js';
import { startWithRead } from './read-job.js';
import { attemptOrder } from './replica-sets.js';
import { type ReadContext, RoutedRead } from './routed-read.js';
import { SharedSignals } from './shared-signal.js';
import type {
  ReadJob,
  RegionAttempt,
  RegionReadOptions,
  RegionResult,
  RegionRouter,
  RegionRouterOptions,
  RouterEvent,
} from './types.js';

/**
 * Creates a region router. Per-region clients are created lazily through `clientFactory`
 * (once per region) and handed to `destroyClient` on `close()`.
 *
 * With no replica regions the router is a thin pass-through with the deadline: a fault is
 * rethrown as is (a timeout as `TIMEOUT`). With replicas, a read that no region serves
 * throws `ALL_REGIONS_FAILED` listing each region's cause. When every circuit is open the
 * router still tries one region: the one whose cool-down ends first (the primary on a tie).
 *
 * @param options - resolved (validated) options: see `resolveRouterOptions` in defaults.ts
 */
export function createRegionRouter(options: RegionRouterOptions): RegionRouter {
  const order: readonly string[] = [options.primaryRegion, ...options.replicaRegions];
  const breakers = new Map<string, CircuitBreaker>();
  const clients = clientPool(options.clientFactory);
  const reads = new Set<{ cancel(error: unknown): void }>();
  let closed = false;

  const emit = (event: RouterEvent): void => {
    try {
      options.onEvent?.(event);
    } catch {
      // A listener's failure must not change how a read is routed.
    }
  };

  const clientFor = (region: string): SecretsManagerClientLike => clients.get(region);

  const breakerOf = (region: string): CircuitBreaker => {
    let breaker = breakers.get(region);
    if (breaker === undefined) {
      breaker = new CircuitBreaker({
        failureThreshold: options.breakerFailureThreshold,
        cooldownMs: options.breakerCooldownMs,
        clock: options.clock,
      });
      breakers.set(region, breaker);
    }
    return breaker;
  };

  // Without hedging no attempt is aborted alone: attempts share their SDK calls' signals.
  const shared = new Map<string, SharedSignals>();
  const sharedSignals =
    options.hedgeAfterMs !== undefined
      ? () => undefined
      : (region: string): SharedSignals => {
          let signals = shared.get(region);
          if (signals === undefined) {
            signals = new SharedSignals(region, options.regionTimeoutMs);
            shared.set(region, signals);
          }
          return signals;
        };

  const known = options.knownReplicas;
  const orderFor = (secretId: string): readonly string[] =>
    attemptOrder(order, secretId, known?.regionsFor(secretId));

  /** A batch's regions: those of its first id that every other id may be read in too. */
  const batchOrder = (secretIds: readonly string[]): readonly string[] => {
    const [first, ...rest] = secretIds;
    if (first === undefined) return order;
    const each = rest.map(orderFor);
    return orderFor(first).filter((region) => each.every((regions) => regions.includes(region)));
  };

  const ctx: ReadContext = {
    order,
    orderFor,
    regionTimeoutMs: options.regionTimeoutMs,
    hedgeAfterMs: options.hedgeAfterMs,
    breakerOf,
    clientFor,
    isFault: options.isFault,
    emit,
    sharedSignals,
    knownArnOf: options.knownArnOf,
  };

  return {
    primaryRegion: options.primaryRegion,
    regions: order,
    regionsFor: orderFor,
    clientFor,
    async read<T>(
      op: (attempt: RegionAttempt) => Promise<T>,
      readOptions?: RegionReadOptions,
    ): Promise<RegionResult<T>> {
      if (closed)
        throw new SecretkitError('CLIENT_CLOSED', 'the client was closed', {
          secretId: readOptions?.secretId,
        });
      const secretId = readOptions?.secretId;
      const batch = readOptions?.secretIds;
      const regions =
        secretId !== undefined ? orderFor(secretId) : batch !== undefined ? batchOrder(batch) : order;
      if (regions.length === 0) {
        throw new SecretkitError('INVALID_ARGUMENT', 'the secrets of a batch read share no region', {
          details: { argument: 'secretIds' },
        });
      }
      const read = new RoutedRead<T>(ctx, op, secretId, regions);
      reads.add(read);
      try {
        return await read.run();
      } finally {
        reads.delete(read);
      }
    },
    start<T>(job: ReadJob<T>, secretId?: string): void {
      startWithRead<T>(this.read, job, secretId);
    },
    close(): void {
      if (closed) return;
      closed = true;
      for (const read of reads)
        read.cancel(new SecretkitError('CLIENT_CLOSED', 'the client was closed during a read'));
      reads.clear();
      const closing = new SecretkitError('CLIENT_CLOSED', 'the client was closed during a read');
      for (const signals of shared.values()) signals.close(closing);
      clients.close(options.destroyClient);
    },
  };
}
