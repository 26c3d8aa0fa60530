/**
 * Recognises the expired-signature rejection a frozen Lambda environment gets after it thaws
 * (the request was signed against a clock that stood still; aws-sdk-js-v3#6222). The SDK does
 * not retry it; the boundary (send.ts) retries it once, with a fresh signature.
 */

/**
 * True for the signature errors a thawed Lambda sees.
 *
 * @param error - what the SDK threw
 */
export function isSignatureExpired(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { name, message } = error as { name?: unknown; message?: unknown };
  if (name === 'InvalidSignatureException') return true;
  return typeof message === 'string' && /signature expired/i.test(message);
}
