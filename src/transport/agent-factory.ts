/**
 * `agentTransport()` (exported by secretkit/fleet): the object that puts the Agent transport
 * under a SecretsClient (`transport: agentTransport()`). Everything Agent-specific that the
 * client used to do at construction lives behind it: checking the settings, resolving the
 * endpoint, `auto`'s look at the environment, the Agent transport in front of the primary
 * region's SDK client, and the set of secrets whose next read carries `refreshNow=true`.
 * Core (select.ts) reaches it only through {@link TRANSPORT_PLAN}, so a reader that never calls
 * `agentTransport()` never loads this code.
 */
import { secretNamesOf } from '../arn/secret-arn.js';
import type { Clock } from '../cache/clock.js';
import {
  checkKnownKeys,
  checkOptionsObject,
  invalidOption,
  MAX_TIMER_MS,
  numberOption,
} from '../options/checks.js';
import { agentEndpoint, agentPresent } from './agent-endpoint.js';
import { createAgentTransport } from './agent-transport.js';
import { enableRefreshNow } from './refresh-now.js';
import { TRANSPORT_PLAN, type TransportPlan } from './select.js';
import type { AgentOptions, AgentTransport, AgentTransportOptions } from './types.js';

const OWNER = 'agentTransport';

const KEYS: ReadonlySet<string> = new Set([
  'mode',
  'endpoint',
  'token',
  'timeoutMs',
  'notReadyRetries',
  'notReadyDelayMs',
  'downCooldownMs',
]);

/** Past this many pending names the set is cleared: forgetting only costs a stale Agent hit. */
const MAX_PENDING = 10_000;

function checkSettings(input: AgentTransportOptions | undefined): {
  readonly mode: 'agent' | 'auto';
  readonly agent: AgentOptions;
} {
  checkOptionsObject(OWNER, input);
  const o: AgentTransportOptions = input ?? {};
  checkKnownKeys(OWNER, o, KEYS);
  const mode = o.mode ?? 'agent';
  if (mode !== 'agent' && mode !== 'auto') {
    throw invalidOption(OWNER, 'mode', "'agent' or 'auto'", mode);
  }
  if (o.endpoint !== undefined && typeof o.endpoint !== 'string') {
    throw invalidOption(OWNER, 'endpoint', 'an http:// URL', o.endpoint);
  }
  if (o.token !== undefined && typeof o.token !== 'string' && typeof o.token !== 'function') {
    throw invalidOption(OWNER, 'token', 'a string or a function returning one', o.token);
  }
  const timer = { min: 0, max: MAX_TIMER_MS } as const; // held by a Node timer
  const agent: AgentOptions = {
    endpoint: o.endpoint,
    token: o.token,
    timeoutMs: numberOption(OWNER, 'timeoutMs', o.timeoutMs, undefined, { ...timer, exclusiveMin: true }),
    notReadyRetries: numberOption(OWNER, 'notReadyRetries', o.notReadyRetries, undefined, {
      min: 0,
      integer: true,
    }),
    notReadyDelayMs: numberOption(OWNER, 'notReadyDelayMs', o.notReadyDelayMs, undefined, timer),
    downCooldownMs: numberOption(OWNER, 'downCooldownMs', o.downCooldownMs, undefined, { min: 0 }),
  };
  // An explicit endpoint is checked now rather than at each client's construction.
  if (agent.endpoint !== undefined) agentEndpoint(agent);
  return { mode, agent };
}

/**
 * The Agent transport, for the `transport` option of `SecretsClient`: GetSecretValue of the
 * primary region goes over HTTP to the local Secrets Manager Agent or Parameters and Secrets
 * Lambda extension, below the cache; every other command, and every fallback (refused, not
 * ready, 5xx, timeout, bad token), goes to the SDK client. See docs/fleet.md.
 *
 * @example
 * ```ts
 * import { SecretsClient } from 'secretkit';
 * import { agentTransport } from 'secretkit/fleet';
 *
 * const secrets = new SecretsClient({ transport: agentTransport({ mode: 'auto' }) });
 * ```
 *
 * @param options - `mode` (`'agent'`, the default, or `'auto'`: the Agent only when the
 *   environment shows one), and the Agent's endpoint, token and timings
 * @returns an object to pass as `transport`; it can be shared by several clients (each keeps
 *   its own counters, cooldown and pending `refreshNow` set)
 * @throws SecretkitError `INVALID_ARGUMENT` naming the setting: an unknown key, a bad `mode`,
 *   an endpoint that is not an http:// URL, a timing out of range
 */
export function agentTransport(options?: AgentTransportOptions): AgentTransport {
  const { mode, agent } = checkSettings(options);
  const plan = (clock: Clock): TransportPlan => {
    if (mode === 'auto' && !agentPresent(agent)) return { mode: 'sdk' };
    const endpoint = agentEndpoint(agent);
    enableRefreshNow();
    const pending = new Set<string>();
    return {
      mode: 'agent',
      primary: (sdk, counters) =>
        createAgentTransport({ ...agent, endpoint, sdk, counters, clock, refreshNext: pending }),
      refreshNext(secretIds) {
        if (pending.size > MAX_PENDING) pending.clear();
        for (const id of secretIds) for (const name of secretNamesOf(id)) pending.add(name);
      },
    };
  };
  const made = { kind: 'agent' as const, mode };
  // Not enumerable: inspect and JSON show `{ kind, mode }`, never the settings (the token).
  Object.defineProperty(made, TRANSPORT_PLAN, { value: plan });
  return Object.freeze(made) as unknown as AgentTransport;
}
