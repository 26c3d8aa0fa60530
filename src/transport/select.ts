/**
 * The transport of a SecretsClient: wraps its per-region SDK clients with the SDK call counter
 * and the call budget (when `maxCallsPerMinute` is set), and, when `transport` is an object made
 * by `agentTransport()` (secretkit/fleet), hands the primary region's client to that object's
 * plan. The client calls {@link createTransport} once and passes its client factory through
 * `wrap`.
 *
 * This module never imports the Agent code (agent-*.ts): a reader on the SDK transport does not
 * bundle it. The Agent side reaches in through {@link TRANSPORT_PLAN}.
 */

import { type CallBudget, checkBudget, createCallBudget } from '../budget/call-budget.js';
import type { Clock } from '../cache/clock.js';
import type { SecretsManagerClientLike } from '../sdk/client-like.js';
import { TransportCounters } from './counters.js';
import type { TransportEvent, TransportOptions, TransportStats } from './types.js';

/** The transport of one client. */
export interface Transport {
  /** Wraps the client factory: counter and budget on every region, the plan on the primary. */
  wrap(
    factory: (region: string) => SecretsManagerClientLike,
    primaryRegion: string,
  ): (region: string) => SecretsManagerClientLike;
  /** Transport counters. */
  stats(): TransportStats;
  /** Makes the next Agent read of each secret bypass the Agent's cache (`refreshNow`). */
  refreshNext(secretIds: readonly string[]): void;
}

/** What a transport object (made by `agentTransport()`) does for one client. */
export interface TransportPlan {
  /** The transport chosen for this client (`auto` resolved). */
  readonly mode: 'agent' | 'sdk';
  /** Wraps the primary region's (counted, budgeted) SDK client; absent: the SDK alone. */
  readonly primary?:
    | ((sdk: SecretsManagerClientLike, counters: TransportCounters) => SecretsManagerClientLike)
    | undefined;
  /** See {@link Transport.refreshNext}. */
  readonly refreshNext?: ((secretIds: readonly string[]) => void) | undefined;
}

/**
 * The key under which a transport object carries its planner, `(clock) => TransportPlan`, run
 * once per client. `Symbol.for`, so a client of one copy of secretkit accepts the object of
 * another (ESM and CommonJS in one app), as errors are recognised across copies.
 */
export const TRANSPORT_PLAN: unique symbol = Symbol.for('secretkit/transportPlan');

/** The planner of a transport object, or undefined when `value` is not one. */
export function transportPlanner(value: unknown): ((clock: Clock) => TransportPlan) | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const planner = (value as { [TRANSPORT_PLAN]?: unknown })[TRANSPORT_PLAN];
  return typeof planner === 'function' ? (planner as (clock: Clock) => TransportPlan) : undefined;
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
 * Resolves the transport from the options (checked by the options resolver first).
 *
 * @param options - `transport`, `maxCallsPerMinute`
 * @param clock - the client's clock
 * @param onEvent - receives transport events
 * @throws SecretkitError `INVALID_ARGUMENT` for a bad budget, or an Agent endpoint (the port
 *   variable) that is not valid
 */
export function createTransport(
  options: TransportOptions,
  clock: Clock,
  onEvent?: (event: TransportEvent) => void,
): Transport {
  checkBudget(options.maxCallsPerMinute);
  // `transport` is 'sdk', undefined or a transport object: the options resolver checked it.
  const plan: TransportPlan | undefined = transportPlanner(options.transport)?.(clock);
  const counters = new TransportCounters(plan?.mode ?? 'sdk', onEvent);
  const budget: CallBudget | undefined =
    options.maxCallsPerMinute === undefined
      ? undefined
      : createCallBudget(options.maxCallsPerMinute, clock, counters);
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
        const primary = region === primaryRegion ? plan?.primary : undefined;
        return withDestroy(raw, primary ? primary(spent, counters) : spent);
      };
    },
    stats: () => counters.snapshot(),
    refreshNext(secretIds) {
      plan?.refreshNext?.(secretIds);
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
 * Nothing for a client on the SDK transport.
 *
 * @param client - a SecretsClient
 * @param secretIds - names, ARNs or partial ARNs
 */
export function transportRefreshNext(client: object, secretIds: readonly string[]): void {
  registry.get(client)?.refreshNext(secretIds);
}
