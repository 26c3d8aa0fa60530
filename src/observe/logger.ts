/**
 * The `logger` option: console, pino, winston, Powertools `Logger`, bunyan, or anything with
 * leveled methods. pino and bunyan take `(fields, message)`; everyone else (console, winston,
 * Powertools) takes `(message, fields)`. {@link writeLog} calls each the way it expects, so every
 * one of them records both the message and the fields.
 */

/** The fields of a log line: codes, ids, regions, counts; never values. */
export type LogFields = Readonly<Record<string, unknown>>;

/**
 * A leveled log method, in either calling convention: message first (console, winston,
 * Powertools `Logger`) or fields first (pino, bunyan).
 */
export type LogMethod =
  | ((message: string, fields: LogFields) => unknown)
  | ((fields: LogFields, message: string) => unknown);

/**
 * A logger: `console`, pino, winston, Powertools `Logger`, bunyan, or anything with these
 * methods. Never receives secret values.
 */
export interface SecretkitLogger {
  /** Debug-level line (a failed load). */
  readonly debug?: LogMethod | undefined;
  /** Info-level line. */
  readonly info?: LogMethod | undefined;
  /** Warning-level line (stale value served, region failed over, ...). */
  readonly warn?: LogMethod | undefined;
  /** Error-level line. */
  readonly error?: LogMethod | undefined;
}

/** A level of {@link SecretkitLogger}. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

const PINO = Symbol.for('pino.serializers');

/** pino (its instances and children carry this symbol) and bunyan (`streams` and `fields`) take fields first. */
function takesFieldsFirst(logger: object): boolean {
  if (PINO in logger) return true;
  const { streams, fields } = logger as { streams?: unknown; fields?: unknown };
  return Array.isArray(streams) && typeof fields === 'object' && fields !== null;
}

/**
 * Writes one line with `logger`, in the calling convention it expects. A missing level is
 * skipped; a throwing logger is ignored.
 *
 * @param logger - the user's logger
 * @param level - the level
 * @param fields - the structured fields (no values)
 * @param message - the message text
 */
export function writeLog(logger: SecretkitLogger, level: LogLevel, fields: LogFields, message: string): void {
  const method: unknown = logger[level];
  if (typeof method !== 'function') return;
  try {
    if (takesFieldsFirst(logger)) method.call(logger, fields, message);
    else method.call(logger, message, fields);
  } catch {
    // A throwing logger must not break reads.
  }
}
