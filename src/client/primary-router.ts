/**
 * The router of a reader of one region (no `failover` option): every read goes to the primary
 * region with its deadline (`regionTimeoutMs`) and the shared abort signals of
 * failover/shared-signal.ts. A fault is rethrown as is (a timeout as `TIMEOUT`) and reported as
 * a `region-attempt-failed` event. There is no circuit breaker: with no other region to send a
 * read to, a breaker could only delay it, never spare the region a call.
 *
 * The miss path, deliberately cheap: one promise and no state machine per read (the failover
 * router's `RoutedRead`, breakers and replica sets are not even loaded: failover/plan.ts).
 */
import { isSecretArn } from '../arn/secret-arn.js';
import { SecretkitError } from '../errors/secretkit-error.js';
import { clientPool } from '../failover/client-pool.js';
import { startDeadline } from '../failover/deadline.js';
import type { RouterBase } from '../failover/plan.js';
import type { RegionFailure } from '../failover/region-errors.js';
import { arnRegionProblem, secretIdForRegion } from '../failover/region-id.js';
import { SharedSignals } from '../failover/shared-signal.js';
import type { RegionAttempt, RegionReadOptions, RegionResult, RegionRouter } from '../failover/types.js';
import type { SecretsManagerClientLike } from '../sdk/client-like.js';

/** A read of one region has no failures before the one that answered. */
const NO_FAILURES: readonly RegionFailure[] = Object.freeze([]);

/**
 * Creates the router of a client with one region.
 *
 * @param base - the primary region, its client factory, the deadline and the event sink
 */
export function createPrimaryRouter(base: RouterBase): RegionRouter {
  const region = base.primaryRegion;
  const regions: readonly string[] = Object.freeze([region]);
  const timeoutMs = base.regionTimeoutMs;
  const signals = new SharedSignals(region, timeoutMs);
  const clients = clientPool(base.clientFactory);
  /** The reject of every read in flight: close() settles them even if `send` never does. */
  const pending = new Set<(error: unknown) => void>();
  let closed = false;

  const clientFor = (name: string): SecretsManagerClientLike => clients.get(name);

  /** A name goes as given; an ARN must be of this region (a full one is pinned by its suffix). */
  const idFor = (id: string): string => {
    if (!isSecretArn(id)) return id;
    const problem = arnRegionProblem(id, regions);
    if (problem !== undefined) throw problem;
    return secretIdForRegion(id, region);
  };

  const report = (error: unknown): void => {
    try {
      base.onEvent({ type: 'region-attempt-failed', region, error });
    } catch {
      // A listener's failure must not change the read.
    }
  };

  return {
    primaryRegion: region,
    regions,
    regionsFor: () => regions,
    clientFor,
    read<T>(
      op: (attempt: RegionAttempt) => Promise<T>,
      readOptions?: RegionReadOptions,
    ): Promise<RegionResult<T>> {
      if (closed) {
        return Promise.reject(
          new SecretkitError('CLIENT_CLOSED', 'the client was closed', { secretId: readOptions?.secretId }),
        );
      }
      return new Promise<RegionResult<T>>((resolve, reject) => {
        let done = false;
        const fail = (error: unknown): void => {
          if (done) return;
          done = true;
          pending.delete(fail);
          deadline.settle();
          reject(error);
        };
        // The deadline reports TIMEOUT straight to the read: no race of promises per call.
        const deadline = startDeadline(
          region,
          timeoutMs,
          (error) => {
            report(error);
            fail(error);
          },
          signals.acquire(),
        );
        pending.add(fail);
        let sent: Promise<T>;
        try {
          sent = op({ client: clientFor(region), region, signal: deadline.signal, idFor });
        } catch (error) {
          sent = Promise.reject(error);
        }
        sent.then(
          (value) => {
            deadline.ended();
            if (done) return;
            done = true;
            pending.delete(fail);
            deadline.settle();
            resolve({ value, region, failedOver: false, failures: NO_FAILURES });
          },
          (error: unknown) => {
            deadline.ended();
            if (!done && base.isFault(error)) report(error);
            fail(error);
          },
        );
      });
    },
    close(): void {
      if (closed) return;
      closed = true;
      const closing = new SecretkitError('CLIENT_CLOSED', 'the client was closed during a read');
      for (const fail of [...pending]) fail(closing);
      signals.close(closing);
      clients.close(base.destroyClient);
    },
  };
}
