/**
 * Reads what secretkit/iam needs from an AWS SDK error (its name and HTTP status) without
 * depending on the SDK's error classes; a SecretkitError from the SDK boundary is read through
 * its `cause`.
 */

import { SecretkitError } from '../errors/secretkit-error.js';

/** The AWS error behind a failure: calls go through the SDK boundary, which keeps it as `cause`. */
function awsErrorOf(error: unknown): unknown {
  return error instanceof SecretkitError && error.cause !== undefined ? error.cause : error;
}

/** The error's `name` (e.g. `AccessDeniedException`), or `undefined`. */
export function awsErrorName(failure: unknown): string | undefined {
  const error = awsErrorOf(failure);
  if (typeof error !== 'object' || error === null) return undefined;
  const name = (error as { name?: unknown }).name;
  return typeof name === 'string' ? name : undefined;
}

/** The HTTP status of the failed response, or `undefined`. */
export function awsHttpStatus(failure: unknown): number | undefined {
  const error = awsErrorOf(failure);
  if (typeof error !== 'object' || error === null) return undefined;
  const status = (error as { $metadata?: { httpStatusCode?: unknown } }).$metadata?.httpStatusCode;
  return typeof status === 'number' ? status : undefined;
}

/** The error's message, or `undefined`. AWS messages name resources, never secret values. */
export function awsErrorMessage(failure: unknown): string | undefined {
  const error = awsErrorOf(failure);
  if (typeof error !== 'object' || error === null) return undefined;
  const message = (error as { message?: unknown }).message;
  return typeof message === 'string' ? message : undefined;
}

/** True for an access denial: `AccessDeniedException`/`AccessDenied`, or any HTTP 403. */
export function isAccessDenied(error: unknown): boolean {
  if (error instanceof SecretkitError && error.code === 'ACCESS_DENIED') return true;
  const name = awsErrorName(error);
  return name === 'AccessDeniedException' || name === 'AccessDenied' || awsHttpStatus(error) === 403;
}
