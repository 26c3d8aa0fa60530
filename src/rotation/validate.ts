/**
 * Argument checks shared by the rotation helpers (INVALID_ARGUMENT, never echoing values).
 */
import { SecretkitError } from '../errors/secretkit-error.js';

/**
 * Throws `INVALID_ARGUMENT` unless `value` is a non-empty string.
 *
 * @param name - the argument's name, for the message
 * @param value - the argument
 * @param secretId - the secret the call is about, if known
 */
export function requireText(name: string, value: unknown, secretId?: string): asserts value is string {
  if (typeof value !== 'string' || value.length === 0) {
    throw new SecretkitError('INVALID_ARGUMENT', `${name} must be a non-empty string.`, {
      secretId,
      details: { argument: name },
    });
  }
}
