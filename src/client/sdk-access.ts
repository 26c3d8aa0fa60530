/**
 * How code that rides on a reader (secretkit/fleet's `watch`) sends an out-of-band call with the
 * reader's primary client: through the SDK boundary, counted in the reader's stats and settled
 * by its `close()`. Not part of the reader's API (a symbol-keyed method).
 */
import type { SecretsManagerClientLike } from '../sdk/client-like.js';
import type { CallSettings } from '../sdk/send.js';

/** The key of the access method on a `SecretsClient`. */
export const SDK_ACCESS: unique symbol = Symbol.for('secretkit/sdkAccess');

/** The primary region's client and the boundary settings of a reader. */
export interface SdkAccess {
  /** The primary region. */
  readonly region: string;
  /** Its client. */
  readonly client: SecretsManagerClientLike;
  /** Counting, scope (closed with the reader) and timing. */
  readonly call: CallSettings;
}
