/** Mutable counters behind {@link TransportStats}. */
import type { FallbackReason, TransportEvent, TransportStats } from './types.js';

/** Counts what the transport did; optionally reports events. */
export class TransportCounters {
  mode: 'agent' | 'sdk';
  agentServed = 0;
  agentAnswers = 0;
  notReadyRetries = 0;
  sdkCalls = 0;
  budgetRefused = 0;
  readonly #fallbacks: Partial<Record<FallbackReason, number>> = {};
  readonly #onEvent: ((event: TransportEvent) => void) | undefined;

  /**
   * @param mode - the resolved transport
   * @param onEvent - receives fallback and budget events
   */
  constructor(mode: 'agent' | 'sdk', onEvent?: (event: TransportEvent) => void) {
    this.mode = mode;
    this.#onEvent = onEvent;
  }

  /** A read that went to the SDK instead of the Agent. */
  fallback(reason: FallbackReason, operation: string, status?: number): void {
    this.#fallbacks[reason] = (this.#fallbacks[reason] ?? 0) + 1;
    this.emit({ type: 'transport-fallback', reason, operation, status });
  }

  /** Reports an event (a throwing listener is ignored). */
  emit(event: TransportEvent): void {
    try {
      this.#onEvent?.(event);
    } catch {
      // a listener must not break reads
    }
  }

  /** A frozen snapshot. */
  snapshot(): TransportStats {
    return Object.freeze({
      mode: this.mode,
      agentServed: this.agentServed,
      agentAnswers: this.agentAnswers,
      notReadyRetries: this.notReadyRetries,
      fallbacks: Object.freeze({ ...this.#fallbacks }),
      sdkCalls: this.sdkCalls,
      budgetRefused: this.budgetRefused,
    });
  }
}
