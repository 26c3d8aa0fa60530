/**
 * One routed read: the state machine behind `RegionRouter.read`. Tries regions in order,
 * skipping open circuits; moves on after a fault; surfaces answers at once; optionally hedges;
 * settles with the first good answer and abandons (aborts) every other attempt.
 */

import { identityArnIn, isSecretArn, parseSecretArn } from '../arn/secret-arn.js';
import { isSecretkitError } from '../errors/secretkit-error.js';
import type { SecretsManagerClientLike } from '../sdk/client-like.js';
import type { CircuitBreaker, CircuitPermit, CircuitTransition } from './circuit-breaker.js';
import { type Deadline, startDeadline } from './deadline.js';
import { allRegionsFailed, type RegionFailure } from './region-errors.js';
import { arnRegionProblem, secretIdForRegion } from './region-id.js';
import type { SharedSignals } from './shared-signal.js';
import type { RegionAttempt, RegionResult, RouterEvent } from './types.js';

/** What a routed read needs from its router. */
export interface ReadContext {
  /** The client's regions: primary first, then replicas in order. */
  readonly order: readonly string[];
  /** The regions a read of one secret tries, in order (replica-sets.ts `attemptOrder`). */
  orderFor(secretId: string): readonly string[];
  readonly regionTimeoutMs: number;
  readonly hedgeAfterMs: number | undefined;
  breakerOf(region: string): CircuitBreaker;
  clientFor(region: string): SecretsManagerClientLike;
  isFault(error: unknown): boolean;
  emit(event: RouterEvent): void;
  /** The shared signals of a region's attempts (shared-signal.ts), or undefined when attempts need their own (hedging). */
  sharedSignals(region: string): SharedSignals | undefined;
  /** The region-free ARN a name was last answered with, if known (RegionRouterOptions.knownArnOf). */
  knownArnOf?: ((name: string) => string | undefined) | undefined;
}

interface InFlight {
  readonly index: number;
  readonly region: string;
  readonly permit: CircuitPermit;
  deadline: Deadline | undefined;
  hedgeTimer: ReturnType<typeof setTimeout> | undefined;
  done: boolean;
}

type LaunchCause =
  | { readonly type: 'start' }
  | { readonly type: 'failover' | 'hedge'; readonly from: string };

function abortReason(message: string): Error {
  return new DOMException(message, 'AbortError');
}

/** One read across regions. Create, then call {@link RoutedRead.run} once. */
export class RoutedRead<T> {
  private next = 0;
  private launched = false;
  private settled = false;
  private readonly inFlight = new Set<InFlight>();
  private readonly failures: RegionFailure[] = [];
  /** The regions this read tries, in order: the anchor (usually the primary) first. */
  private readonly order: readonly string[];
  private heldAnswer: { readonly index: number; readonly error: unknown } | undefined;
  private resolve: (result: RegionResult<T>) => void = () => undefined;
  private reject: (error: unknown) => void = () => undefined;

  /**
   * @param ctx - the router's regions, breakers, clients and settings
   * @param op - the operation, run once per attempted region
   * @param secretId - named in `ALL_REGIONS_FAILED`, when known
   * @param order - the regions to try, in order (default: every region of the client)
   */
  constructor(
    private readonly ctx: ReadContext,
    private readonly op: (attempt: RegionAttempt) => Promise<T>,
    private readonly secretId: string | undefined,
    order?: readonly string[],
  ) {
    this.order = order ?? ctx.order;
  }

  /** Starts the read; settles with the first good answer, an answer error, or a failure. */
  run(): Promise<RegionResult<T>> {
    const result = new Promise<RegionResult<T>>((ok, fail) => {
      this.resolve = ok;
      this.reject = fail;
    });
    this.launchNext({ type: 'start' });
    return result;
  }

  /** Abandons every attempt and rejects with `error` (the router closed). */
  cancel(error: unknown): void {
    this.settle(() => this.reject(error));
  }

  private launchNext(cause: LaunchCause): boolean {
    const { order } = this;
    while (this.next < order.length) {
      const index = this.next;
      this.next += 1;
      const region = order[index]!;
      const permit = this.ctx.breakerOf(region).acquire();
      if (permit === undefined) {
        this.failures.push({ region, skipped: 'circuit-open' });
        continue;
      }
      this.start(index, region, permit, cause);
      return true;
    }
    if (this.launched && this.joinHalfOpen(cause)) return true;
    if (this.launched) return false;
    // Every circuit is open: never fail without trying. Probe the region whose cool-down ends
    // first (the one the breakers would probe next anyway; the primary on a tie).
    let index = 0;
    for (let i = 1; i < order.length; i += 1) {
      if (this.ctx.breakerOf(order[i]!).reopensAt < this.ctx.breakerOf(order[index]!).reopensAt) index = i;
    }
    const region = order[index]!;
    const skipped = this.failures.findIndex((f) => f.region === region);
    if (skipped >= 0) this.failures.splice(skipped, 1);
    this.start(index, region, this.ctx.breakerOf(region).forceProbe(), cause);
    return true;
  }

  /**
   * Last resort when failing over: a region skipped earlier in this read is asked again (its
   * circuit may have closed meanwhile), and if another read holds its half-open probe, tried
   * anyway with a `trial` permit, rather than failing this read.
   */
  private joinHalfOpen(cause: LaunchCause): boolean {
    const { order } = this;
    for (let index = 0; index < order.length; index += 1) {
      const region = order[index]!;
      const skipped = this.failures.findIndex((f) => f.region === region && 'skipped' in f);
      if (skipped < 0) continue;
      // Ask again first: while this read waited, the probe may have closed the circuit.
      const breaker = this.ctx.breakerOf(region);
      const permit = breaker.acquire() ?? breaker.joinProbe();
      if (permit === undefined) continue;
      this.failures.splice(skipped, 1);
      this.start(index, region, permit, cause);
      return true;
    }
    return false;
  }

  private start(index: number, region: string, permit: CircuitPermit, cause: LaunchCause): void {
    this.launched = true;
    if (cause.type === 'failover') this.ctx.emit({ type: 'failover', from: cause.from, to: region });
    if (cause.type === 'hedge') this.ctx.emit({ type: 'hedge', primary: cause.from, hedged: region });
    const entry: InFlight = {
      index,
      region,
      permit,
      deadline: undefined,
      hedgeTimer: undefined,
      done: false,
    };
    // The deadline reports TIMEOUT straight to onError: no promise race per attempt.
    const deadline = startDeadline(
      region,
      this.ctx.regionTimeoutMs,
      (error) => this.onError(entry, error),
      this.ctx.sharedSignals(region)?.acquire(),
    );
    entry.deadline = deadline;
    this.inFlight.add(entry);
    const { hedgeAfterMs } = this.ctx;
    if (hedgeAfterMs !== undefined && this.next < this.order.length) {
      entry.hedgeTimer = setTimeout(() => {
        entry.hedgeTimer = undefined;
        if (!entry.done && !this.settled) this.launchNext({ type: 'hedge', from: region });
      }, hedgeAfterMs);
    }
    Promise.resolve()
      .then(() =>
        this.op({
          client: this.ctx.clientFor(region),
          region,
          signal: deadline.signal,
          idFor: (id: string) => this.idFor(id, region),
        }),
      )
      .then(
        (value) => {
          deadline.ended();
          this.onValue(entry, value);
        },
        (error: unknown) => {
          deadline.ended();
          this.onError(entry, error);
        },
      );
  }

  /**
   * The id to send in `region`. A partial ARN of a region outside the client's set is refused:
   * rewritten, it would name another secret of the same name (the attempt rejects with
   * INVALID_ARGUMENT). A partial ARN is rewritten to another region only where a read of it
   * goes (`attemptOrder`: never the primary, a replica only when known or assumed to hold the
   * secret); elsewhere it is sent as given. A full ARN keeps its suffix, which pins the secret.
   */
  private idFor(id: string, region: string): string {
    if (!isSecretArn(id)) {
      // A name goes to the primary as given (a secret recreated under that name is the one to
      // read). In a replica region it goes as the ARN the name was last answered with, when
      // known: that region may hold another secret of the same name (a replication that
      // failed because the name was taken there), and the ARN's random suffix finds only the
      // replica or nothing, which, while the primary faults, is a fault, not an answer.
      if (region === this.ctx.order[0]) return id;
      const known = this.ctx.knownArnOf?.(id);
      return known === undefined ? id : (identityArnIn(known, region) ?? id);
    }
    const problem = arnRegionProblem(id, this.ctx.order);
    if (problem !== undefined) throw problem;
    const { region: own, suffix } = parseSecretArn(id);
    if (suffix === undefined && own !== region) {
      const allowed = id === this.secretId ? this.order : this.ctx.orderFor(id);
      if (!allowed.includes(region)) return id;
    }
    return secretIdForRegion(id, region);
  }

  private finish(entry: InFlight): void {
    entry.done = true;
    this.inFlight.delete(entry);
    entry.deadline?.settle();
    if (entry.hedgeTimer !== undefined) clearTimeout(entry.hedgeTimer);
    entry.hedgeTimer = undefined;
  }

  private report(region: string, transition: CircuitTransition): void {
    if (transition?.type === 'opened') {
      this.ctx.emit({ type: 'circuit-open', region, untilMs: transition.untilMs });
    } else if (transition?.type === 'closed') {
      this.ctx.emit({ type: 'circuit-closed', region });
    }
  }

  private onValue(entry: InFlight, value: T): void {
    if (entry.done) return;
    this.finish(entry);
    this.report(entry.region, this.ctx.breakerOf(entry.region).recordSuccess(entry.permit));
    const failedOver = entry.region !== this.order[0];
    this.settle(() =>
      this.resolve({ value, region: entry.region, failedOver, failures: this.orderedFailures() }),
    );
  }

  private onError(entry: InFlight, error: unknown): void {
    if (entry.done) return;
    this.finish(entry);
    const breaker = this.ctx.breakerOf(entry.region);
    const timedOut = isSecretkitError(error, 'TIMEOUT') && error.region === entry.region;
    if (!timedOut && !this.ctx.isFault(error) && !this.replicaMissWhilePrimaryFaulted(entry.index, error)) {
      // An answer (not found, access denied, ...): the region is healthy and another region
      // would say the same. Surface it, unless an earlier region may still answer better.
      this.report(entry.region, breaker.recordSuccess(entry.permit));
      if (this.earlierInFlight(entry.index)) {
        if (this.heldAnswer === undefined || entry.index < this.heldAnswer.index) {
          this.heldAnswer = { index: entry.index, error };
        }
        return;
      }
      this.settle(() => this.reject(error));
      return;
    }
    this.ctx.emit({ type: 'region-attempt-failed', region: entry.region, error });
    // A replica's miss during a primary outage fails this read there, but the region answered.
    const healthy = !timedOut && !this.ctx.isFault(error);
    this.report(
      entry.region,
      healthy ? breaker.recordSuccess(entry.permit) : breaker.recordFailure(entry.permit),
    );
    this.failures.push({ region: entry.region, error });
    const held = this.heldAnswer;
    if (held !== undefined && !this.earlierInFlight(held.index)) {
      if (!this.replicaMissWhilePrimaryFaulted(held.index, held.error)) {
        this.settle(() => this.reject(held.error));
        return;
      }
      // The held answer was a replica's "not found" and the primary has now faulted: a fault.
      this.heldAnswer = undefined;
      this.failures.push({ region: this.order[held.index]!, error: held.error });
    }
    if (this.inFlight.size > 0 || this.launchNext({ type: 'failover', from: entry.region })) return;
    if (this.probeSkippedPrimary(entry, error)) return;
    const only = this.order.length === 1;
    this.settle(() => this.reject(only ? error : allRegionsFailed(this.orderedFailures(), this.secretId)));
  }

  /**
   * A replica's "not found" while the primary is faulting (failed or skipped as open in this
   * read) is a fault, not an answer: not every secret is replicated to every region the client
   * lists, and a replica that lacks the secret says nothing about the primary's copy. Trusting
   * it would evict a good cached value and remember NOT_FOUND through a primary outage. "The
   * primary" is the read's first region (for a partial ARN of a replica region, that region).
   */
  private replicaMissWhilePrimaryFaulted(index: number, error: unknown): boolean {
    if (index === 0) return false;
    const notFound =
      isSecretkitError(error, 'NOT_FOUND') ||
      (error as { name?: unknown } | null)?.name === 'ResourceNotFoundException';
    if (!notFound) return false;
    const primary = this.order[0];
    return this.failures.some((f) => f.region === primary);
  }

  /**
   * Last resort after a replica's "not found": when the primary was only skipped in this read
   * (its circuit open, not failed here), it is the one region that may hold the secret, so it
   * gets one attempt now, past its cool-down, rather than the read failing. After an outage a
   * healthy primary's circuit stays open for the cool-down; without this, a secret its
   * replicas lack could not be read (past `maxStaleMs`) until then. During a real outage this
   * costs one primary attempt per load of such a secret, which the cache's backoff paces.
   */
  private probeSkippedPrimary(entry: InFlight, error: unknown): boolean {
    if (!this.replicaMissWhilePrimaryFaulted(entry.index, error)) return false;
    const primary = this.order[0]!;
    const skipped = this.failures.findIndex((f) => f.region === primary && 'skipped' in f);
    if (skipped < 0 || this.failures.some((f) => f.region === primary && 'error' in f)) return false;
    const breaker = this.ctx.breakerOf(primary);
    const permit = breaker.acquire() ?? breaker.joinProbe() ?? breaker.forceProbe();
    this.failures.splice(skipped, 1);
    this.start(0, primary, permit, { type: 'failover', from: entry.region });
    return true;
  }

  /**
   * The failures in the read's region order (a region asked again late, by joinHalfOpen or
   * probeSkippedPrimary, failed after the regions behind it).
   */
  private orderedFailures(): RegionFailure[] {
    const rank = (f: RegionFailure): number => this.order.indexOf(f.region);
    return [...this.failures].sort((a, b) => rank(a) - rank(b));
  }

  private earlierInFlight(index: number): boolean {
    for (const other of this.inFlight) if (other.index < index) return true;
    return false;
  }

  private settle(deliver: () => void): void {
    if (this.settled) return;
    this.settled = true;
    for (const entry of [...this.inFlight]) {
      this.finish(entry);
      entry.deadline?.abort(abortReason(`attempt in ${entry.region} abandoned: the read already settled`));
      this.ctx.breakerOf(entry.region).release(entry.permit);
    }
    deliver();
  }
}
