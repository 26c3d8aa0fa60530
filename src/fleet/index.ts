/**
 * secretkit/fleet: secretkit across a fleet. The Agent transport (`agentTransport()`, for the
 * `transport` option of `SecretsClient`), invalidation from Secrets Manager events
 * (`handleSecretEvent`, the SQS subscriber), `watch` for environments without events, the
 * transport counters (Agent / SDK / budget) and the cost estimate. See docs/fleet.md.
 *
 * @packageDocumentation
 */

export { AGENT_DEFAULT_PORT, AGENT_TOKEN_HEADER } from '../transport/agent-endpoint.js';
export { agentTransport } from '../transport/agent-factory.js';
export { transportStats } from '../transport/select.js';
export type {
  AgentOptions,
  AgentTransport,
  AgentTransportOptions,
  FallbackReason,
  TransportEvent,
  TransportOptions,
  TransportStats,
} from '../transport/types.js';
export type { SendLike } from './aws-call.js';
export type { CostEstimate, PriceTable } from './cost.js';
export { DEFAULT_PRICES, estimateCost } from './cost.js';
export type { SecretEventResult } from './handle-event.js';
export { handleSecretEvent } from './handle-event.js';
export type { ParsedSecretEvent } from './secret-event.js';
export { CHANGE_EVENT_NAMES, parseSecretEvent } from './secret-event.js';
export type { SqsSubscriber, SqsSubscriberOptions, SqsSubscriberStats } from './sqs-subscriber.js';
export { subscribeToSecretEvents } from './sqs-subscriber.js';
export type { VersionChange, WatchOptions } from './watch.js';
export { watch } from './watch.js';
