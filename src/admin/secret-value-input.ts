/**
 * The value of a write: a string, a JSON-serialisable value, or binary. Turned into the
 * `SecretString` / `SecretBinary` request fields.
 */
import { SecretkitError } from '../errors/secretkit-error.js';

/** A secret value to write: exactly one of `string`, `json` or `binary`. */
export type SecretValueInput =
  | {
      /** The value as text, written as `SecretString` as is. */
      readonly string: string;
      /** Not allowed with `string`. */
      readonly json?: never;
      /** Not allowed with `string`. */
      readonly binary?: never;
    }
  | {
      /** A JSON-serialisable value, written as `SecretString` by `JSON.stringify`. */
      readonly json: unknown;
      /** Not allowed with `json`. */
      readonly string?: never;
      /** Not allowed with `json`. */
      readonly binary?: never;
    }
  | {
      /** Bytes, written as `SecretBinary`. */
      readonly binary: Uint8Array;
      /** Not allowed with `binary`. */
      readonly string?: never;
      /** Not allowed with `binary`. */
      readonly json?: never;
    };

/** Maximum size of a secret value accepted by AWS (65,536 bytes). */
export const MAX_SECRET_BYTES = 65_536;

/**
 * The request fields for a value.
 *
 * @throws SecretkitError `INVALID_ARGUMENT` (never quoting the value)
 */
export function toRequestValue(
  value: SecretValueInput,
  secretId: string,
): { SecretString?: string; SecretBinary?: Uint8Array } {
  const given = ['string', 'json', 'binary'].filter(
    (k) => (value as Record<string, unknown>)[k] !== undefined,
  );
  if (given.length !== 1) {
    throw new SecretkitError(
      'INVALID_ARGUMENT',
      'A secret value needs exactly one of `string`, `json` or `binary`.',
      {
        secretId,
      },
    );
  }
  if (value.binary !== undefined) {
    if (!(value.binary instanceof Uint8Array)) {
      throw new SecretkitError('INVALID_ARGUMENT', '`binary` must be a Uint8Array.', { secretId });
    }
    checkSize(value.binary.byteLength, secretId);
    return { SecretBinary: value.binary };
  }
  let text: string;
  if (value.string !== undefined) {
    if (typeof value.string !== 'string') {
      throw new SecretkitError('INVALID_ARGUMENT', '`string` must be a string.', { secretId });
    }
    text = value.string;
  } else {
    let serialised: string | undefined;
    try {
      serialised = JSON.stringify(value.json);
    } catch {
      serialised = undefined;
    }
    if (serialised === undefined) {
      throw new SecretkitError(
        'INVALID_ARGUMENT',
        '`json` is not JSON-serialisable (cycle, BigInt or undefined).',
        {
          secretId,
        },
      );
    }
    text = serialised;
  }
  checkSize(Buffer.byteLength(text, 'utf8'), secretId);
  return { SecretString: text };
}

function checkSize(bytes: number, secretId: string): void {
  if (bytes > MAX_SECRET_BYTES) {
    throw new SecretkitError(
      'INVALID_ARGUMENT',
      `A secret value is at most ${MAX_SECRET_BYTES} bytes (got ${bytes}).`,
      {
        secretId,
      },
    );
  }
}
