/**
 * One retry, with a fresh signature, when AWS rejects a request as `InvalidSignatureException`
 * / "Signature expired". This happens after a frozen Lambda environment thaws (the request was
 * signed against a clock that stood still; aws-sdk-js-v3#6222). The SDK does not retry it.
 *
 * p-retry (ESM-only, bundled into both builds) owns the retry: exactly one extra attempt, only
 * for this error, no delay.
 */
import pRetry, { AbortError } from 'p-retry';

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

/**
 * Runs `send` and, if it fails with an expired signature, runs it once more (the SDK signs each
 * attempt anew). Every other error is thrown as it is.
 *
 * @param send - one SDK call
 */
export async function withSignatureRetry<T>(send: () => Promise<T>): Promise<T> {
  return pRetry(
    async () => {
      try {
        return await send();
      } catch (error) {
        if (isSignatureExpired(error)) throw error;
        throw new AbortError(error instanceof Error ? error : new Error(String(error)));
      }
    },
    // AbortError makes p-retry rethrow the original error at once.
    { retries: 1, minTimeout: 0, maxTimeout: 0, randomize: false },
  );
}
