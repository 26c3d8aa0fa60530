/**
 * Read arguments: the version selector of a read (stage or version id) and its engine selector
 * string, so `AWSPREVIOUS` never answers for `AWSCURRENT` and a version id has its own
 * (immutable) slot; and the validation of secret ids.
 */
import { SecretkitError } from '../errors/secretkit-error.js';
import { DEFAULTS } from './defaults.js';
import type { VersionSelector } from './types.js';

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

/**
 * The engine's selector string of a selector: empty for AWSCURRENT (the hit path builds no
 * string), `s<stage>` for another stage, `v<id>` for a version id.
 */
export function selectorKey(selector: Selector): string {
  if ('versionId' in selector) return `v${selector.versionId}`;
  return selector.versionStage === DEFAULTS.versionStage ? '' : `s${selector.versionStage}`;
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
  if (secretId.includes('\u0000')) {
    throw new SecretkitError('INVALID_ARGUMENT', 'A secret id must not contain NUL characters.');
  }
}
