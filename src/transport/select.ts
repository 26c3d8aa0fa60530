/**
 * Chooses the transport of a SecretsClient and wraps its per-region SDK clients: the call budget
 * (when `maxCallsPerMinute` is set) in front of every SDK client, and the Agent transport in front
 * of the primary region's (with `transport: 'agent'`, or `'auto'` when an Agent shows). The
 * client calls {@link createTransport} once and passes its client factory through `wrap`.
 */

import { secretNamesOf } from '../arn/secret-arn.js';
import { type CallBudget, checkBudget, createCallBudget } from '../budget/call-budget.js';
import type { Clock } from '../cache/clock.js';
import { SecretkitError } from '../errors/secretkit-error.js';
import type { SecretsManagerClientLike } from '../sdk/client-like.js';
import { agentEndpoint, agentPresent } from './agent-endpoint.js';
import { createAgentTransport } from './agent-transport.js';
import { TransportCounters } from './counters.js';
import type { TransportEvent, TransportOptions, TransportStats } from './types.js';

/** The transport of one client. */
export interface Transport {
  /** Wraps the client factory: budget on every region, the Agent on the primary. */
  wrap(
    factory: (region: string) => SecretsManagerClientLike,
    primaryRegion: string,
  ): (region: string) => SecretsManagerClientLike;
  /** Transport counters. */
  stats(): TransportStats;
  /** Makes the next Agent read of each secret bypass the Agent's cache (`refreshNow`). */
  refreshNext(secretIds: readonly string[]): void;
}

/** A wrapper that still lets the owner destroy the SDK client inside. */
function withDestroy(
  inner: SecretsManagerClientLike,
  outer: SecretsManagerClientLike,
): SecretsManagerClientLike {
  const destroy = (inner as { destroy?: () => void }).destroy;
  return typeof destroy === 'function' ? Object.assign(outer, { destroy: () => destroy.call(inner) }) : outer;
}

/**
 * Resolves the transport from the options.
 *
 * @param options - `transport`, `agent`, `maxCallsPerMinute`
 * @param clock - the client's clock
 * @param onEvent - receives transport events
 * @throws SecretkitError `INVALID_ARGUMENT` for a bad mode, endpoint or budget
 */
export function createTransport(
  options: TransportOptions,
  clock: Clock,
  onEvent?: (event: TransportEvent) => void,
): Transport {
  const mode = options.transport ?? 'sdk';
  if (mode !== 'sdk' && mode !== 'agent' && mode !== 'auto') {
    throw new SecretkitError('INVALID_ARGUMENT', "`transport` must be 'auto', 'agent' or 'sdk'.");
  }
  checkBudget(options.maxCallsPerMinute);
  const useAgent = mode === 'agent' || (mode === 'auto' && agentPresent(options.agent));
  const endpoint = useAgent ? agentEndpoint(options.agent) : undefined;
  const counters = new TransportCounters(useAgent ? 'agent' : 'sdk', onEvent);
  const budget: CallBudget | undefined =
    options.maxCallsPerMinute === undefined
      ? undefined
      : createCallBudget(options.maxCallsPerMinute, clock, counters);
  const pending = new Set<string>();
  return {
    wrap(factory, primaryRegion) {
      return (region) => {
        const raw = factory(region);
        // Counted below the budget: sdkCalls is what reached AWS.
        const counted: SecretsManagerClientLike = {
          send: ((c: unknown, o?: unknown) => {
            counters.sdkCalls += 1;
            return (raw.send as (c: unknown, o?: unknown) => Promise<unknown>)(c, o);
          }) as unknown as SecretsManagerClientLike['send'],
        };
        const spent = budget ? budget.wrap(counted) : counted;
        if (endpoint === undefined || region !== primaryRegion) return withDestroy(raw, spent);
        return withDestroy(
          raw,
          createAgentTransport({
            ...options.agent,
            endpoint,
            sdk: spent,
            counters,
            clock,
            refreshNext: pending,
          }),
        );
      };
    },
    stats: () => counters.snapshot(),
    refreshNext(secretIds) {
      if (endpoint === undefined) return;
      if (pending.size > 10_000) pending.clear(); // bounded: forgetting only costs a stale Agent hit
      for (const id of secretIds) for (const name of secretNamesOf(id)) pending.add(name);
    },
  };
}

const registry = new WeakMap<object, Transport>();

/** Remembers the transport of a client (for {@link transportStats}). */
export function registerTransport(client: object, transport: Transport): void {
  registry.set(client, transport);
}

/**
 * The transport counters of a SecretsClient: Agent reads served, AWS answers passed through,
 * fallbacks by reason, SDK calls, budget refusals.
 *
 * @param client - a SecretsClient
 * @returns the counters, or undefined for an object that is not a SecretsClient
 */
export function transportStats(client: object): TransportStats | undefined {
  return registry.get(client)?.stats();
}

/**
 * After a change event: the next Agent read of these secrets by `client` uses `refreshNow`.
 *
 * @param client - a SecretsClient
 * @param secretIds - names, ARNs or partial ARNs
 */
export function transportRefreshNext(client: object, secretIds: readonly string[]): void {
  registry.get(client)?.refreshNext(secretIds);
}
