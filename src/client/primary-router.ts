/**
 * The router of a reader of one region (no `failover` option): every read goes to the primary
 * region with its deadline (`regionTimeoutMs`) and the shared abort signals of
 * failover/shared-signal.ts. A fault is rethrown as is (a timeout as `TIMEOUT`) and reported as
 * a `region-attempt-failed` event. There is no circuit breaker: with no other region to send a
 * read to, a breaker could only delay it, never spare the region a call.
 *
 * The miss path, deliberately cheap: one object per read ({@link PrimaryRead}) and no promise,
 * no state machine (the failover router's `RoutedRead`, breakers and replica sets are not even
 * loaded: failover/plan.ts).
 */
import { isSecretArn } from '../arn/secret-arn.js';
import { SecretkitError } from '../errors/secretkit-error.js';
import { clientPool } from '../failover/client-pool.js';
import { regionTimeoutError } from '../failover/deadline.js';
import type { RouterBase } from '../failover/plan.js';
import type { RegionFailure } from '../failover/region-errors.js';
import { arnRegionProblem, secretIdForRegion } from '../failover/region-id.js';
import { SharedSignals, type SignalWindow } from '../failover/shared-signal.js';
import type {
  AttemptSink,
  ReadJob,
  RegionAttempt,
  RegionReadOptions,
  RegionResult,
  RegionRouter,
} from '../failover/types.js';
import type { SecretsManagerClientLike } from '../sdk/client-like.js';

/** A read of one region has no failures before the one that answered. */
const NO_FAILURES: readonly RegionFailure[] = Object.freeze([]);

/** A read in flight, as close() sees it. */
interface InFlight {
  fail(error: unknown): void;
}

/** What a {@link PrimaryRead} needs of its router (one object per router, not per read). */
interface ReadSite {
  readonly region: string;
  readonly timeoutMs: number;
  readonly signals: SharedSignals;
  readonly pending: Set<InFlight>;
  readonly isFault: (error: unknown) => boolean;
  readonly report: (error: unknown) => void;
  readonly idFor: (id: string) => string;
}

/**
 * One read of the primary region. Deliberately one object (the miss path): it is the attempt
 * given to the job and the sink of the job's call (so the SDK's promise has one reaction and
 * the read makes no promise of its own), and it holds its deadline timer (whose callback is a
 * module-level function given the read, not a closure) and its shared-signal window, so a read
 * allocates no lease, deadline or callback objects of its own.
 */
class PrimaryRead<T> implements RegionAttempt, AttemptSink<T> {
  readonly client: SecretsManagerClientLike;
  readonly region: string;
  readonly signal: AbortSignal;
  readonly idFor: (id: string) => string;
  readonly #site: ReadSite;
  readonly #job: ReadJob<T>;
  readonly #window: SignalWindow;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #done = false;
  #callOver = false;

  constructor(site: ReadSite, client: SecretsManagerClientLike, job: ReadJob<T>) {
    this.client = client;
    this.region = site.region;
    this.idFor = site.idFor;
    this.#site = site;
    this.#job = job;
    this.#window = site.signals.enter();
    this.signal = this.#window.controller.signal;
    this.#timer = setTimeout(expire, site.timeoutMs, this);
  }

  /** Sends the job's attempt; the job hears the outcome, the deadline or close(). */
  start(): void {
    this.#site.pending.add(this);
    try {
      this.#job.attempt(this, this);
    } catch (error) {
      this.failed(error);
    }
  }

  /** The attempt's call answered. */
  answered(value: T): void {
    this.#callEnded();
    if (this.#done) return;
    this.#settle();
    this.#job.answered(value, this.region, false);
  }

  /** The attempt's call failed: a fault is reported (`region-attempt-failed`). */
  failed(error: unknown): void {
    this.#callEnded();
    if (!this.#done && this.#site.isFault(error)) this.#site.report(error);
    this.fail(error);
  }

  /** Fails the read (its deadline, close(), or its call's error) unless it settled. */
  fail(error: unknown): void {
    if (this.#done) return;
    this.#settle();
    this.#job.failed(error);
  }

  /** The deadline passed first: `TIMEOUT`, reported like any fault. */
  expired(): void {
    this.#timer = undefined;
    if (this.#done) return;
    const error = regionTimeoutError(this.#site.region, this.#site.timeoutMs);
    this.#site.report(error);
    this.fail(error);
  }

  #settle(): void {
    this.#done = true;
    this.#site.pending.delete(this);
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  /** The attempt's call is over: it no longer needs the window's signal. */
  #callEnded(): void {
    if (this.#callOver) return;
    this.#callOver = true;
    this.#site.signals.leave(this.#window);
  }
}

/** `read(op)` as a job: the operation's promise feeds the attempt's sink; the outcome settles a promise. */
class PromiseJob<T> implements ReadJob<T> {
  readonly #op: (attempt: RegionAttempt) => Promise<T>;
  readonly #resolve: (result: RegionResult<T>) => void;
  readonly #reject: (error: unknown) => void;

  constructor(
    op: (attempt: RegionAttempt) => Promise<T>,
    resolve: (result: RegionResult<T>) => void,
    reject: (error: unknown) => void,
  ) {
    this.#op = op;
    this.#resolve = resolve;
    this.#reject = reject;
  }

  attempt(attempt: RegionAttempt, sink: AttemptSink<T>): void {
    let sent: Promise<T>;
    try {
      sent = Promise.resolve(this.#op(attempt));
    } catch (error) {
      sent = Promise.reject(error);
    }
    sent.then(
      (value) => sink.answered(value),
      (error: unknown) => sink.failed(error),
    );
  }

  answered(value: T, region: string, failedOver: boolean): void {
    this.#resolve({ value, region, failedOver, failures: NO_FAILURES });
  }

  failed(error: unknown): void {
    this.#reject(error);
  }
}

/** The deadline timer's callback (module-level: no closure per read). */
function expire(read: { expired(): void }): void {
  read.expired();
}

/**
 * Creates the router of a client with one region.
 *
 * @param base - the primary region, its client factory, the deadline and the event sink
 */
export function createPrimaryRouter(base: RouterBase): RegionRouter {
  const region = base.primaryRegion;
  const regions: readonly string[] = Object.freeze([region]);
  const clients = clientPool(base.clientFactory);
  const clientFor = (name: string): SecretsManagerClientLike => clients.get(name);
  /** Every read in flight: close() settles them even if `send` never does. */
  const pending = new Set<InFlight>();
  let closed = false;

  const site: ReadSite = {
    region,
    timeoutMs: base.regionTimeoutMs,
    signals: new SharedSignals(region, base.regionTimeoutMs),
    pending,
    isFault: base.isFault,
    report: (error) => {
      try {
        base.onEvent({ type: 'region-attempt-failed', region, error });
      } catch {
        // A listener's failure must not change the read.
      }
    },
    // A name goes as given; an ARN must be of this region (a full one is pinned by its suffix).
    idFor: (id) => {
      if (!isSecretArn(id)) return id;
      const problem = arnRegionProblem(id, regions);
      if (problem !== undefined) throw problem;
      return secretIdForRegion(id, region);
    },
  };

  /** Starts a read of the primary region (see RegionRouter.start). */
  function start<T>(job: ReadJob<T>, secretId?: string): void {
    if (closed) {
      job.failed(new SecretkitError('CLIENT_CLOSED', 'the client was closed', { secretId }));
      return;
    }
    let client: SecretsManagerClientLike;
    try {
      client = clientFor(region);
    } catch (error) {
      // A client factory that throws: the job's failure, never a throw (reported like a failed attempt).
      if (site.isFault(error)) site.report(error);
      job.failed(error);
      return;
    }
    new PrimaryRead<T>(site, client, job).start();
  }

  return {
    primaryRegion: region,
    regions,
    regionsFor: () => regions,
    clientFor,
    read<T>(
      op: (attempt: RegionAttempt) => Promise<T>,
      readOptions?: RegionReadOptions,
    ): Promise<RegionResult<T>> {
      return new Promise<RegionResult<T>>((resolve, reject) => {
        start(new PromiseJob(op, resolve, reject), readOptions?.secretId);
      });
    },
    start,
    close(): void {
      if (closed) return;
      closed = true;
      const closing = new SecretkitError('CLIENT_CLOSED', 'the client was closed during a read');
      for (const read of [...pending]) read.fail(closing);
      site.signals.close(closing);
      clients.close(base.destroyClient);
    },
  };
}
