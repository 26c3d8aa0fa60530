/**
 * Reporting a failed AWS call (or missing configuration such as the region).
 */
import { isSecretkitError } from '../errors/secretkit-error.js';
import { EXIT, type ExitCode } from './exit-codes.js';
import type { CliIo } from './io.js';

function errorInfo(error: unknown): { code: string; message: string } {
  if (isSecretkitError(error)) return { code: error.code, message: error.message };
  const e = error instanceof Error ? error : new Error(String(error));
  return { code: e.name || 'Error', message: e.message };
}

/**
 * Reports a failed AWS call (or missing configuration such as the region) and returns exit 3.
 *
 * @param io - output
 * @param error - what was thrown
 * @param json - also print `{"error":{code,message}}` on stdout
 */
export function reportAwsError(io: CliIo, error: unknown, json: boolean): ExitCode {
  const info = errorInfo(error);
  io.err(`secretkit: ${info.message}`);
  if (json) io.out(JSON.stringify({ error: info }));
  return EXIT.aws;
}
