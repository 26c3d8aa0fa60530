/**
 * Options and counters of the read transport: how a `SecretsClient` reaches Secrets Manager
 * for GetSecretValue (directly with the SDK, or through the host's Secrets Manager Agent /
 * Parameters and Secrets Lambda extension). See docs/fleet.md.
 */

/** Where the Agent (or the Lambda extension) listens and how to authenticate to it. */
export interface AgentOptions {
  /**
   * Base URL of the Agent. @defaultValue `http://localhost:<port>`, the port being
   * `PARAMETERS_SECRETS_EXTENSION_HTTP_PORT` in Lambda, else 2773
   */
  readonly endpoint?: string | undefined;
  /**
   * The SSRF token sent in `X-Aws-Parameters-Secrets-Token`, or a function returning it.
   * @defaultValue `AWS_TOKEN` (a `file://` value is read from that file), else
   * `AWS_SESSION_TOKEN`, else `AWS_CONTAINER_AUTHORIZATION_TOKEN`, else the install script's
   * file `/var/run/awssmatoken`
   */
  readonly token?: string | (() => string) | undefined;
  /** Deadline of one request to the Agent before falling back to the SDK. @defaultValue 2_000 */
  readonly timeoutMs?: number | undefined;
  /** Bounded retries while the Lambda extension answers "not ready" during init. @defaultValue 3 */
  readonly notReadyRetries?: number | undefined;
  /** First delay between "not ready" retries (doubled each time). @defaultValue 50 */
  readonly notReadyDelayMs?: number | undefined;
  /** After a refused connection, reads go straight to the SDK for this long. @defaultValue 30_000 */
  readonly downCooldownMs?: number | undefined;
}

/** Settings of {@link agentTransport}: where the Agent is, and when to use it. */
export interface AgentTransportOptions extends AgentOptions {
  /**
   * `agent`: GetSecretValue goes to the local Agent or Lambda extension, falling back to the SDK
   * when it is absent, not ready or failing. `auto`: the same when the environment shows an
   * Agent (see docs/fleet.md), else every read is an SDK call.
   * @defaultValue 'agent'
   */
  readonly mode?: 'agent' | 'auto' | undefined;
}

/** Marks the objects {@link agentTransport} makes (types only). */
declare const madeByAgentTransport: unique symbol;

/**
 * The Agent transport of a `SecretsClient`, as {@link agentTransport} makes it: pass it as the
 * `transport` option. Only `agentTransport()` makes one (a look-alike object is rejected with
 * `INVALID_ARGUMENT`); it holds no client state, so one can serve many clients.
 */
export interface AgentTransport {
  /** Marks an Agent transport. */
  readonly kind: 'agent';
  /** The mode it was made with. */
  readonly mode: 'agent' | 'auto';
  /** @internal */
  readonly [madeByAgentTransport]: true;
}

/** Fleet options of a `SecretsClient`: the transport and the call budget. */
export interface TransportOptions {
  /**
   * `sdk`: every read is an SDK call. For the local Secrets Manager Agent or Lambda extension,
   * pass `agentTransport()` from `secretkit/fleet` (its argument holds the endpoint, token,
   * timings and `mode: 'agent' | 'auto'`). @defaultValue 'sdk'
   */
  readonly transport?: 'sdk' | AgentTransport | undefined;
  /**
   * Most AWS API calls this client makes in any 60 s window (the Agent's answers do not
   * count). A refresh past the budget is deferred: the cached value is served within `maxStaleMs`,
   * and after that the read fails closed with `THROTTLED`. A cold miss past the budget gets
   * `THROTTLED` at once (never a silent wait). @defaultValue undefined (no budget)
   */
  readonly maxCallsPerMinute?: number | undefined;
}

/** Why a read that was meant for the Agent went to the SDK instead. */
export type FallbackReason = 'refused' | 'down' | 'not-ready' | 'server-error' | 'rejected' | 'timeout';

/** Counters of the transport of one client. Never holds values or the token. */
export interface TransportStats {
  /** The transport chosen (`auto` resolved). */
  readonly mode: 'agent' | 'sdk';
  /** Requests the Agent answered with a value. */
  readonly agentServed: number;
  /** AWS answers the Agent passed through (NotFound, AccessDenied...): thrown, never retried on the SDK. */
  readonly agentAnswers: number;
  /** "Not ready" answers retried (Lambda init). */
  readonly notReadyRetries: number;
  /** Reads that fell back to the SDK, by reason. */
  readonly fallbacks: Readonly<Partial<Record<FallbackReason, number>>>;
  /** Commands sent to the SDK client (fallbacks and every non-read command included). */
  readonly sdkCalls: number;
  /** Calls the call budget refused. */
  readonly budgetRefused: number;
}

/** An event of the transport (for `onEvent`). Never carries a value or the token. */
export interface TransportEvent {
  /** Marks a transport event. */
  readonly type: 'transport-fallback' | 'budget-refused';
  /** Why the read fell back (for `transport-fallback`). */
  readonly reason?: FallbackReason | undefined;
  /** The operation concerned. */
  readonly operation: string;
  /** The HTTP status the Agent answered, when it answered. */
  readonly status?: number | undefined;
}
