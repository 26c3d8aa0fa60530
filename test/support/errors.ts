/** Checking the SecretkitError code a call fails with. */
import { expect } from 'vitest';
import { isSecretkitError } from '../../src/index.js';

function codeOfError(error: unknown): string {
  return isSecretkitError(error) ? error.code : `not a SecretkitError: ${String(error)}`;
}

/** The code `promise` rejects with (a `not a SecretkitError: …` text for other errors); undefined if it resolves. */
export async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
    return undefined;
  } catch (error) {
    return codeOfError(error);
  }
}

/** The code `fn` throws (a `not a SecretkitError: …` text for other errors); undefined if it returns. */
export function thrownCode(fn: () => unknown): string | undefined {
  try {
    fn();
    return undefined;
  } catch (error) {
    return codeOfError(error);
  }
}

/** Expects `promise` to reject with a SecretkitError of `code`. */
export async function expectCode(promise: Promise<unknown>, code: string): Promise<void> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(isSecretkitError(error), String(error)).toBe(true);
  expect((error as { code: string }).code).toBe(code);
}
