/**
 * Loads one version of a secret with GetSecretValue, through the region router (failover,
 * deadlines), with the signature-expired retry, counting the calls; the result goes to the
 * cache's sink, with no promise of its own (the miss path). Always sends VersionStage
 * or VersionId explicitly.
 */
import {
  GetSecretValueCommand,
  type GetSecretValueCommandInput,
  type GetSecretValueCommandOutput,
} from '@aws-sdk/client-secrets-manager';
import type { LoadResult, LoadSink } from '../cache/types.js';
import { toSecretkitError } from '../errors/aws-error.js';
import { SecretkitError } from '../errors/secretkit-error.js';
import type { AttemptSink, ReadJob, RegionAttempt, RegionRouter } from '../failover/types.js';
import { sendRouted, type WrapCall } from '../sdk/send.js';
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
  /** Whether anyone observes calls now: when false, a read's request is not wrapped. */
  readonly observed?: (() => boolean) | undefined;
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
 * One GetSecretValue read as the router's job: it sends each attempt and settles the cache's
 * sink with the load result. Deliberately one object per read and no promise of its own (the
 * miss path): the SDK's promise has one reaction, in the boundary (sdk/send.ts `sendRouted`).
 */
class SecretFetch implements ReadJob<GetSecretValueCommandOutput> {
  readonly #ctx: FetchContext;
  readonly #secretId: string;
  readonly #selector: Selector;
  readonly #finish: (secret: CachedSecret) => LoadResult<CachedSecret>;
  readonly #sink: LoadSink<CachedSecret>;

  constructor(
    ctx: FetchContext,
    secretId: string,
    selector: Selector,
    finish: (secret: CachedSecret) => LoadResult<CachedSecret>,
    sink: LoadSink<CachedSecret>,
  ) {
    this.#ctx = ctx;
    this.#secretId = secretId;
    this.#selector = selector;
    this.#finish = finish;
    this.#sink = sink;
  }

  attempt(attempt: RegionAttempt, sink: AttemptSink<GetSecretValueCommandOutput>): void {
    const ctx = this.#ctx;
    const secretId = this.#secretId;
    sendRouted<GetSecretValueCommandOutput>(
      attempt.client,
      new GetSecretValueCommand(requestOf(attempt.idFor(secretId), this.#selector)),
      {
        operation: 'GetSecretValue',
        region: attempt.region,
        secretId,
        signal: attempt.signal,
        settledBySignalOwner: true,
        onCall: ctx.onApiCall,
        // Only an observed call is wrapped: otherwise the boundary builds no closure for it.
        wrap: ctx.observed?.() === false ? undefined : ctx.wrapCall,
      },
      sink,
    );
  }

  answered(value: GetSecretValueCommandOutput, region: string, failedOver: boolean): void {
    let result: LoadResult<CachedSecret>;
    try {
      this.#ctx.counters.served(region, failedOver);
      result = this.#finish(toCachedSecret(this.#secretId, value));
    } catch (error) {
      this.#sink.failed(error);
      return;
    }
    this.#sink.loaded(result);
  }

  failed(error: unknown): void {
    this.#sink.failed(toSecretkitError(error, { operation: 'GetSecretValue', secretId: this.#secretId }));
  }
}

/**
 * Fetches one version of a secret: `sink` gets what `finish` makes of it, or the error.
 *
 * @param finish - maps the fetched secret to what the caller keeps (the cache's load result)
 * @param sink - the cache's sink, settled once: with the result, or a SecretkitError (mapped from the AWS error;
 *   see errors/aws-error.ts)
 */
export function fetchSecret(
  ctx: FetchContext,
  secretId: string,
  selector: Selector,
  finish: (secret: CachedSecret) => LoadResult<CachedSecret>,
  sink: LoadSink<CachedSecret>,
): void {
  // The secret decides the regions tried (only replicas known to hold it).
  ctx.router.start(new SecretFetch(ctx, secretId, selector, finish, sink), secretId);
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
