/**
 * Turns client events into logger lines (warn: stale values served, failover, open circuits;
 * debug: failed loads). Lines carry codes, ids and regions, never values.
 */
import { isSecretkitError } from '../errors/secretkit-error.js';
import { type SecretkitLogger, writeLog } from '../observe/logger.js';
import type { SecretkitEvent } from './types.js';

function errorSummary(error: unknown): Record<string, unknown> {
  return isSecretkitError(error)
    ? { code: error.code, message: error.message }
    : { error: error instanceof Error ? error.name : 'unknown' };
}

/**
 * Writes the log line for `event`, if it deserves one. A throwing logger is ignored.
 *
 * @param logger - console, pino, winston, Powertools Logger, or any {@link SecretkitLogger}
 * @param event - the client event
 */
export function logEvent(logger: SecretkitLogger, event: SecretkitEvent): void {
  try {
    switch (event.type) {
      case 'stale':
        writeLog(
          logger,
          'warn',
          {
            event: 'stale',
            secretId: event.secretId,
            ageMs: event.ageMs,
            ...errorSummary(event.error),
          },
          'secretkit: serving a stale value because AWS is failing',
        );
        break;
      case 'failover':
        writeLog(
          logger,
          'warn',
          { event: 'failover', from: event.from, to: event.to },
          'secretkit: read failed over to a replica',
        );
        break;
      case 'circuit-open':
        writeLog(
          logger,
          'warn',
          { event: 'circuit-open', region: event.region },
          'secretkit: region marked unhealthy',
        );
        break;
      case 'load-error':
        writeLog(
          logger,
          'debug',
          {
            event: 'load-error',
            secretId: event.secretId,
            failures: event.failures,
            ...errorSummary(event.error),
          },
          'secretkit: load failed',
        );
        break;
      default:
        break;
    }
  } catch {
    // A throwing logger must not break reads.
  }
}
