/**
 * Loads one version of a secret with GetSecretValue, through the region router (failover,
 * deadlines), with the signature-expired retry, counting the calls. Always sends VersionStage
 * or VersionId explicitly.
 */
import {
  GetSecretValueCommand,
  type GetSecretValueCommandInput,
  type GetSecretValueCommandOutput,
} from '@aws-sdk/client-secrets-manager';
import { toSecretkitError } from '../errors/aws-error.js';
import { SecretkitError } from '../errors/secretkit-error.js';
import type { RegionRouter } from '../failover/types.js';
import { send, type WrapCall } from '../sdk/send.js';
import type { Selector } from './cache-key.js';
import { CachedSecret } from './cached-secret.js';
import type { ClientCounters } from './stats.js';

/** What a fetch needs from its client. */
export interface FetchContext {
  readonly router: RegionRouter;
  readonly counters: ClientCounters;
  /** Called once per request sent (counting and `api-call` events). */
  readonly onApiCall: (operation: string, region: string) => void;
  /** Wraps each request sent (timing: `api-call-end` events). */
  readonly wrapCall?: WrapCall | undefined;
}

/**
 * Builds a {@link CachedSecret} from a GetSecretValue (or BatchGetSecretValue entry) output.
 *
 * @throws SecretkitError `NOT_FOUND` when the version has no value
 */
export function toCachedSecret(
  secretId: string,
  out: Pick<GetSecretValueCommandOutput, 'Name' | 'ARN' | 'VersionId' | 'SecretString' | 'SecretBinary'>,
): CachedSecret {
  if (out.SecretString === undefined && out.SecretBinary === undefined) {
    throw new SecretkitError('NOT_FOUND', `Secret "${secretId}" has no value for the requested version.`, {
      secretId,
    });
  }
  return new CachedSecret(
    {
      name: out.Name ?? secretId,
      arn: out.ARN ?? secretId,
      versionId: out.VersionId ?? '',
    },
    { string: out.SecretString, binary: out.SecretBinary },
  );
}

/**
 * Fetches one version of a secret.
 *
 * @param finish - maps the fetched secret to what the caller keeps (the cache's load result)
 * @throws SecretkitError (mapped from the AWS error; see errors/aws-error.ts)
 */
export function fetchSecret<R>(
  ctx: FetchContext,
  secretId: string,
  selector: Selector,
  finish: (secret: CachedSecret) => R,
): Promise<R> {
  // The miss path: the router's promise, mapped once each way (no async frame of its own).
  return ctx.router
    .read(
      (attempt) =>
        send<GetSecretValueCommandOutput>(
          attempt.client,
          new GetSecretValueCommand(requestOf(attempt.idFor(secretId), selector)),
          {
            operation: 'GetSecretValue',
            region: attempt.region,
            secretId,
            signal: attempt.signal,
            settledBySignalOwner: true,
            onCall: ctx.onApiCall,
            wrap: ctx.wrapCall,
          },
        ),
      // The secret decides the regions tried (only replicas known to hold it).
      { secretId },
    )
    .then(
      (result) => {
        ctx.counters.served(result.region, result.failedOver);
        // `finish` (the cache's load result) runs here, not in a `then` of the caller's: one
        // promise fewer per miss.
        return finish(toCachedSecret(secretId, result.value));
      },
      (error: unknown) => {
        throw toSecretkitError(error, { operation: 'GetSecretValue', secretId });
      },
    );
}

/**
 * The request of a read. Deliberately no object spread: `{ SecretId, ...fields }` copies
 * through the generic property path and allocates an intermediate object (the miss path).
 */
function requestOf(secretId: string, selector: Selector): GetSecretValueCommandInput {
  return 'versionId' in selector
    ? { SecretId: secretId, VersionId: selector.versionId }
    : { SecretId: secretId, VersionStage: selector.versionStage };
}
