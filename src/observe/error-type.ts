/**
 * The `errorType` of a diagnostics message: a secretkit error code, or an error's class name.
 * Never an error message (AWS messages may echo request data).
 */
import { isSecretkitError } from '../errors/secretkit-error.js';

/** An identifier-like class name such as `ThrottlingException`; anything else is not trusted. */
const CLASS_NAME = /^[A-Za-z_$][\w$.]{0,63}$/;

/**
 * The type of `error` for metrics and diagnostics: `NOT_FOUND`, `ThrottlingException`, `Error`...
 *
 * @param error - what was thrown
 * @returns a low-cardinality name that never holds a value
 */
export function errorTypeOf(error: unknown): string {
  if (isSecretkitError(error)) return error.code;
  if (error instanceof Error && CLASS_NAME.test(error.name)) return error.name;
  return '_OTHER';
}
