/**
 * The hook through which an admin client (secretkit/admin) keeps a reader's cache coherent:
 * after a write it drops the secret's cached values, and what it learns from DescribeSecret or
 * ListSecrets (the next rotation date) caps the freshness of cached values. `SecretsClient`
 * implements it; the admin code is never bundled with the reader.
 */

/** The key of the rotation-date hook on a {@link CoherentReader} (not part of the reader's API). */
export const NOTE_ROTATION: unique symbol = Symbol.for('secretkit/noteRotation');

/** A cache an admin client keeps coherent. `SecretsClient` is one. */
export interface CoherentReader {
  /** Drops the cached values of a secret (by any id: name, ARN, partial ARN). */
  invalidate(secretId: string): unknown;
  /** Records a secret's next rotation date (or its absence): values are not fresh past it. */
  readonly [NOTE_ROTATION]?: ((name: string, date: Date | undefined) => void) | undefined;
}
