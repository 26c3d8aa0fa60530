/**
 * Loads one version of a secret with GetSecretValue, through the region router (failover,
 * deadlines), with the signature-expired retry, counting the calls. Always sends VersionStage
 * or VersionId explicitly.
 */
import { GetSecretValueCommand, type GetSecretValueCommandOutput } from '@aws-sdk/client-secrets-manager';
import { toSecretkitError } from '../errors/aws-error.js';
import { SecretkitError } from '../errors/secretkit-error.js';
import type { RegionRouter } from '../failover/types.js';
import { send } from '../sdk/send.js';
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
  readonly wrapCall?:
    | (<T>(operation: string, region: string, send: () => Promise<T>) => Promise<T>)
    | undefined;
}

/**
 * Builds a {@link CachedSecret} from a GetSecretValue (or BatchGetSecretValue entry) output.
 *
 * @throws SecretkitError `NOT_FOUND` when the version has no value
 */
export function toCachedSecret(
  secretId: string,
  out: Pick<
    GetSecretValueCommandOutput,
    'Name' | 'ARN' | 'VersionId' | 'VersionStages' | 'SecretString' | 'SecretBinary'
  >,
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
      versionStages: out.VersionStages ?? [],
    },
    { string: out.SecretString, binary: out.SecretBinary },
  );
}

/**
 * Fetches one version of a secret.
 *
 * @throws SecretkitError (mapped from the AWS error; see errors/aws-error.ts)
 */
export function fetchSecret(ctx: FetchContext, secretId: string, selector: Selector): Promise<CachedSecret> {
  // The miss path: the router's promise, mapped once each way (no async frame of its own).
  return ctx.router
    .read(
      (attempt) =>
        send<GetSecretValueCommandOutput>(
          attempt.client,
          new GetSecretValueCommand({ SecretId: attempt.idFor(secretId), ...selectorInput(selector) }),
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
        return toCachedSecret(secretId, result.value);
      },
      (error: unknown) => {
        throw toSecretkitError(error, { operation: 'GetSecretValue', secretId });
      },
    );
}

/** The request fields of a selector. */
export function selectorInput(selector: Selector): { VersionStage?: string; VersionId?: string } {
  return 'versionId' in selector
    ? { VersionId: selector.versionId }
    : { VersionStage: selector.versionStage };
}
