/**
 * Reads what secretkit/iam needs from an AWS SDK error (its name and HTTP status) without
 * depending on the SDK's error classes.
 */

/** The error's `name` (e.g. `AccessDeniedException`), or `undefined`. */
export function awsErrorName(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const name = (error as { name?: unknown }).name;
  return typeof name === 'string' ? name : undefined;
}

/** The HTTP status of the failed response, or `undefined`. */
export function awsHttpStatus(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const status = (error as { $metadata?: { httpStatusCode?: unknown } }).$metadata?.httpStatusCode;
  return typeof status === 'number' ? status : undefined;
}

/** The error's message, or `undefined`. AWS messages name resources, never secret values. */
export function awsErrorMessage(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const message = (error as { message?: unknown }).message;
  return typeof message === 'string' ? message : undefined;
}

/** True for an access denial: `AccessDeniedException`/`AccessDenied`, or any HTTP 403. */
export function isAccessDenied(error: unknown): boolean {
  const name = awsErrorName(error);
  return name === 'AccessDeniedException' || name === 'AccessDenied' || awsHttpStatus(error) === 403;
}
