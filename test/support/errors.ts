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

/** The option an `INVALID_ARGUMENT` thrown by `make` names (`details.option`); fails if it does not throw one. */
export function rejectedOption(make: () => unknown): unknown {
  try {
    make();
  } catch (error) {
    expect(isSecretkitError(error, 'INVALID_ARGUMENT')).toBe(true);
    return (error as { details?: { option?: unknown } }).details?.option;
  }
  throw new Error('did not throw');
}
