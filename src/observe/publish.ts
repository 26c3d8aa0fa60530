/**
 * Publishes client events on the diagnostics channels. Costs one `hasSubscribers` check per
 * event when nobody listens: a message is built only for a channel with subscribers.
 */
import type { SecretkitEvent } from '../client/types.js';
import { channels } from './channels.js';
import { errorTypeOf } from './error-type.js';

/**
 * Publishes `event` on its channel, if anyone listens. A throwing subscriber never breaks a read.
 *
 * @param event - a client event (cache, router or API call)
 */
export function publishEvent(event: SecretkitEvent): void {
  try {
    publish(event);
  } catch {
    // diagnostics_channel reports subscriber errors on process 'uncaughtException' itself;
    // this guards only against our own message building.
  }
}

function publish(event: SecretkitEvent): void {
  switch (event.type) {
    case 'api-call-end':
      if (channels.awsCall.hasSubscribers) {
        const { operation, region, durationMs, outcome } = event;
        channels.awsCall.publish(
          outcome === 'success'
            ? { operation, region, durationMs, outcome }
            : { operation, region, durationMs, outcome, errorType: errorTypeOf(event.error) },
        );
      }
      return;
    case 'hit':
      if (channels.cacheHit.hasSubscribers) channels.cacheHit.publish({ secretId: event.secretId });
      return;
    case 'miss':
      if (channels.cacheMiss.hasSubscribers) channels.cacheMiss.publish({ secretId: event.secretId });
      return;
    case 'stale':
      if (channels.cacheStale.hasSubscribers) {
        channels.cacheStale.publish({
          secretId: event.secretId,
          ageMs: event.ageMs,
          errorType: errorTypeOf(event.error),
        });
      }
      return;
    case 'refresh':
      if (channels.cacheRefresh.hasSubscribers) {
        channels.cacheRefresh.publish({ secretId: event.secretId, background: event.background });
      }
      return;
    case 'loaded':
      if (channels.cacheLoad.hasSubscribers) {
        channels.cacheLoad.publish({
          secretId: event.secretId,
          durationMs: event.durationMs,
          outcome: 'success',
        });
      }
      return;
    case 'load-error':
      if (channels.cacheLoad.hasSubscribers) {
        channels.cacheLoad.publish({
          secretId: event.secretId,
          durationMs: event.durationMs,
          outcome: 'error',
          errorType: errorTypeOf(event.error),
        });
      }
      return;
    case 'evict':
      if (channels.cacheEvict.hasSubscribers) {
        channels.cacheEvict.publish({ secretId: event.secretId, reason: event.reason });
      }
      return;
    case 'region-attempt-failed':
      if (channels.regionFailure.hasSubscribers) {
        channels.regionFailure.publish({ region: event.region, errorType: errorTypeOf(event.error) });
      }
      return;
    case 'failover':
      if (channels.failover.hasSubscribers) channels.failover.publish({ from: event.from, to: event.to });
      return;
    case 'hedge':
      if (channels.hedge.hasSubscribers)
        channels.hedge.publish({ primary: event.primary, hedged: event.hedged });
      return;
    case 'circuit-open':
      if (channels.circuit.hasSubscribers) {
        channels.circuit.publish({ region: event.region, state: 'open', untilMs: event.untilMs });
      }
      return;
    case 'circuit-closed':
      if (channels.circuit.hasSubscribers)
        channels.circuit.publish({ region: event.region, state: 'closed' });
      return;
    default:
      return;
  }
}
