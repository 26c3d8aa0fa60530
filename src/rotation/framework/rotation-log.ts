/**
 * Rotation log lines go through the logger adapter (`writeLog`), like every other secretkit
 * line: pino and bunyan get `(fields, message)`, console, winston and Powertools `Logger` get
 * `(message, fields)`, so each records both. Strategies keep calling `ctx.logger.info(fields,
 * message)`; the step context hands them this adapter, not the user's logger.
 */
import { type LogFields, type LogLevel, type SecretkitLogger, writeLog } from '../../observe/logger.js';
import type { RotationLogger } from '../strategy.js';

/**
 * Writes one rotation line with the user's logger (nothing without one).
 *
 * @param logger - the `logger` option
 * @param level - `info` (progress) or `warn` (problem)
 * @param fields - ids, stages, codes; never a password
 * @param message - the message
 */
export function logRotation(
  logger: SecretkitLogger | undefined,
  level: Extract<LogLevel, 'info' | 'warn'>,
  fields: LogFields,
  message: string,
): void {
  if (logger !== undefined) writeLog(logger, level, fields, message);
}

/**
 * The `ctx.logger` of a step: `(fields, message)` methods that write through {@link writeLog}.
 *
 * @param logger - the `logger` option
 */
export function stepLogger(logger: SecretkitLogger | undefined): RotationLogger | undefined {
  if (logger === undefined) return undefined;
  return {
    info: (fields, message) => writeLog(logger, 'info', fields, message),
    warn: (fields, message) => writeLog(logger, 'warn', fields, message),
  };
}
