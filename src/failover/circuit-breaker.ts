/**
 * Per-region circuit breaker: closed (requests flow, consecutive faults are counted), open
 * (the region is skipped until the cool-down ends), half-open (exactly one probe request is
 * let through; its outcome closes or re-opens the circuit).
 */

/** The state of one circuit. */
export type CircuitState = 'closed' | 'open' | 'half-open';

/** Options of {@link CircuitBreaker}. */
export interface CircuitBreakerOptions {
  /** Faults in a row that open the circuit (at least 1). */
  readonly failureThreshold: number;
  /** How long the circuit stays open before a half-open probe. */
  readonly cooldownMs: number;
  /** Time source (injected for tests). */
  readonly clock: { now(): number };
}

/**
 * What {@link CircuitBreaker.acquire} granted: a request through a closed circuit, the one
 * half-open probe, or a `trial` that joins a probe already in flight (last resort).
 */
export type CircuitPermit = 'closed' | 'probe' | 'trial';

/** What a recorded outcome changed, so the caller can report it. */
export type CircuitTransition =
  | { readonly type: 'opened'; readonly untilMs: number }
  | { readonly type: 'closed' }
  | undefined;

/** The circuit breaker of one region. Not shared between regions. */
export class CircuitBreaker {
  private state: CircuitState = 'closed';
  private failures = 0;
  private openUntil = 0;
  private probing = false;

  /** @param options - threshold, cool-down and clock */
  constructor(private readonly options: CircuitBreakerOptions) {}

  /** The current state (an open circuit whose cool-down ended reports `half-open`). */
  get current(): CircuitState {
    if (this.state === 'open' && this.options.clock.now() >= this.openUntil) return 'half-open';
    return this.state;
  }

  /** When an open circuit allows its probe (epoch ms); 0 when not open. */
  get reopensAt(): number {
    return this.state === 'closed' ? 0 : this.openUntil;
  }

  /**
   * Asks to send a request. Closed: granted. Open before the cool-down ends: refused.
   * After it (half-open): granted once as the probe; refused while that probe is in flight.
   *
   * @returns the permit, or `undefined` when the region must be skipped
   */
  acquire(): CircuitPermit | undefined {
    const state = this.current;
    if (state === 'closed') return 'closed';
    if (state === 'open' || this.probing) return undefined;
    this.state = 'half-open';
    this.probing = true;
    return 'probe';
  }

  /**
   * Lets one more request into a half-open circuit whose probe another read holds. The router
   * uses it only when no other region is left for a read: refusing would fail the read outright
   * (N concurrent reads failing over to a replica idle since an old fault would otherwise get one
   * probe and N-1 errors).
   *
   * @returns a `trial` permit, or `undefined` unless the circuit is half-open
   */
  joinProbe(): CircuitPermit | undefined {
    return this.current === 'half-open' ? 'trial' : undefined;
  }

  /** Grants a probe regardless of the cool-down (used when every region's circuit is open). */
  forceProbe(): CircuitPermit {
    if (this.state === 'closed') return 'closed';
    this.state = 'half-open';
    this.probing = true;
    return 'probe';
  }

  /** The region answered (a value or an answer error such as not found). */
  recordSuccess(permit: CircuitPermit): CircuitTransition {
    this.failures = 0;
    if (permit === 'probe') this.probing = false;
    if (this.state === 'closed') return undefined;
    this.state = 'closed';
    return { type: 'closed' };
  }

  /** The region faulted (network, timeout, 5xx, throttling). */
  recordFailure(permit: CircuitPermit): CircuitTransition {
    if (permit === 'trial')
      return this.state === 'open' && this.options.clock.now() < this.openUntil ? undefined : this.open();
    if (permit === 'probe') {
      this.probing = false;
      return this.open();
    }
    if (this.state !== 'closed') return undefined;
    this.failures += 1;
    return this.failures >= this.options.failureThreshold ? this.open() : undefined;
  }

  /** The attempt was abandoned (a hedged attempt lost, the router closed): no verdict. */
  release(permit: CircuitPermit): void {
    if (permit === 'probe') this.probing = false;
  }

  private open(): CircuitTransition {
    this.state = 'open';
    this.failures = 0;
    this.openUntil = this.options.clock.now() + this.options.cooldownMs;
    return { type: 'opened', untilMs: this.openUntil };
  }
}
