/**
 * `handleSecretEvent`: applies a Secrets Manager EventBridge event to SecretsClients. Drops the
 * affected entries (by name, ARN and partial ARN, through the client's public `invalidate`), and
 * with the Agent transport makes the next read of those secrets ask the Agent with
 * `refreshNow=true` (the Agent's own cache has no invalidation). Never throws.
 */
import type { SecretsClient } from '../client/secrets-client.js';
import { transportRefreshNext } from '../transport/select.js';
import { type ParsedSecretEvent, parseSecretEvent } from './secret-event.js';

/** What applying one event did. */
export interface SecretEventResult {
  /** `applied`: a change event (entries dropped, maybe none); `ignored`; `malformed`. */
  readonly outcome: 'applied' | 'ignored' | 'malformed';
  /** The event name, for applied events. */
  readonly eventName?: string | undefined;
  /** The secrets named by the event, for applied events. */
  readonly secretIds: readonly string[];
  /** Cache entries dropped, over every client. */
  readonly dropped: number;
  /** Why an event was ignored or malformed. */
  readonly reason?: string | undefined;
}

/**
 * Applies an EventBridge event (object or JSON text) to one or more clients.
 *
 * @param clients - a SecretsClient or several (e.g. one per role)
 * @param event - the event
 */
export function handleSecretEvent(
  clients: SecretsClient | readonly SecretsClient[],
  event: unknown,
): SecretEventResult {
  const parsed: ParsedSecretEvent = parseSecretEvent(event);
  if (parsed.kind !== 'change')
    return { outcome: parsed.kind, secretIds: [], dropped: 0, reason: parsed.reason };
  let dropped = 0;
  for (const client of Array.isArray(clients) ? clients : [clients as SecretsClient]) {
    transportRefreshNext(client, parsed.secretIds);
    for (const id of parsed.secretIds) {
      try {
        dropped += client.invalidate(id);
      } catch {
        // a closed client has nothing to drop
      }
    }
  }
  return { outcome: 'applied', eventName: parsed.eventName, secretIds: parsed.secretIds, dropped };
}
