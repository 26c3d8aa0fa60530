/**
 * Cache keys: one per (secret id as the caller wrote it, version selector), so `AWSPREVIOUS`
 * never answers for `AWSCURRENT`, and a version id has its own (immutable) entry.
 */
import { SecretkitError } from '../errors/secretkit-error.js';
import { DEFAULTS } from './defaults.js';
import type { VersionSelector } from './types.js';

const SEPARATOR = '\u0000';

/** A resolved selector: exactly one of stage or version id. */
export type Selector = { readonly versionStage: string } | { readonly versionId: string };

/**
 * Resolves read options to exactly one selector.
 *
 * @throws SecretkitError `INVALID_ARGUMENT` when both are given or one is empty
 */
export function selectorOf(secretId: string, options: VersionSelector | undefined): Selector {
  const stage = options?.versionStage;
  const versionId = options?.versionId;
  if (stage !== undefined && versionId !== undefined) {
    throw new SecretkitError('INVALID_ARGUMENT', 'Give versionStage or versionId, not both.', { secretId });
  }
  if (versionId !== undefined) {
    if (typeof versionId !== 'string' || versionId.length < 1 || versionId.length > 64) {
      throw new SecretkitError('INVALID_ARGUMENT', 'versionId must be a string of 1 to 64 characters.', {
        secretId,
      });
    }
    return { versionId };
  }
  if (stage !== undefined && (typeof stage !== 'string' || stage.length < 1 || stage.length > 256)) {
    throw new SecretkitError('INVALID_ARGUMENT', 'versionStage must be a string of 1 to 256 characters.', {
      secretId,
    });
  }
  return { versionStage: stage ?? DEFAULTS.versionStage };
}

/** The cache key of a secret id and selector. */
export function cacheKey(secretId: string, selector: Selector): string {
  return 'versionId' in selector
    ? `${secretId}${SEPARATOR}v${SEPARATOR}${selector.versionId}`
    : `${secretId}${SEPARATOR}s${SEPARATOR}${selector.versionStage}`;
}

/** The secret id part of a cache key. */
export function secretIdOfKey(key: string): string {
  const end = key.indexOf(SEPARATOR);
  return end === -1 ? key : key.slice(0, end);
}

/**
 * Validates a secret id (name, full ARN or partial ARN) as the API accepts it.
 *
 * @throws SecretkitError `INVALID_ARGUMENT`
 */
export function checkSecretId(secretId: unknown): asserts secretId is string {
  if (typeof secretId !== 'string' || secretId.length < 1 || secretId.length > 2048) {
    throw new SecretkitError(
      'INVALID_ARGUMENT',
      'A secret id must be a non-empty string of at most 2048 characters.',
    );
  }
  if (secretId.includes(SEPARATOR)) {
    throw new SecretkitError('INVALID_ARGUMENT', 'A secret id must not contain NUL characters.');
  }
}

/**
 * The secret names an id may denote: a name itself; for a full or partial ARN, the part after
 * `:secret:`, and that part without a trailing `-XXXXXX` random suffix (a partial ARN whose name
 * ends like a suffix is ambiguous, as in AWS itself).
 *
 * @param secretId - a name, full ARN or partial ARN
 */
export function possibleNames(secretId: string): string[] {
  const at = secretId.startsWith('arn:') ? secretId.indexOf(':secret:') : -1;
  if (at === -1) return [secretId];
  const tail = secretId.slice(at + ':secret:'.length);
  const suffixed = /^(.+)-[A-Za-z0-9]{6}$/.exec(tail);
  return suffixed ? [tail, suffixed[1] as string] : [tail];
}
