/**
 * What the cache keeps of a failed load's error (backoff and not-found memory): a fresh
 * `SecretkitError` with code, message, secret, region and details, and no stack. Not the error
 * itself: its `cause` holds the SDK error and its response, and a captured stack holds the call
 * sites of the load, which keep the whole load alive (about 5 KB per failure, measured by
 * test/support/memory-probe.ts). Other errors are kept as they are.
 */
import { isSecretkitError, SecretkitError } from './secretkit-error.js';

/**
 * @param error - what the loader threw
 * @returns the error to remember and rethrow while the failure is remembered
 */
export function compactError(error: unknown): unknown {
  if (!isSecretkitError(error)) return error;
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return new SecretkitError(error.code, error.message, {
      secretId: error.secretId,
      region: error.region,
      details: error.details,
    });
  } finally {
    Error.stackTraceLimit = limit;
  }
}
