/**
 * Batch loading with BatchGetSecretValue: 20 ids per call (the API's limit), following
 * `NextToken`, each returned value stored as the id's AWSCURRENT entry, each `Errors[]` entry
 * reported per secret.
 */
import {
  BatchGetSecretValueCommand,
  type BatchGetSecretValueCommandOutput,
  type SecretValueEntry,
} from '@aws-sdk/client-secrets-manager';
import { toSecretkitError } from '../errors/aws-error.js';
import { isSecretkitError, type SecretkitError } from '../errors/secretkit-error.js';
import { allRegionsFailed, type RegionFailure } from '../failover/region-errors.js';
import { arnRegionProblem } from '../failover/region-id.js';
import { send } from '../sdk/send.js';
import type { CachedSecret } from './cached-secret.js';
import { DEFAULTS } from './defaults.js';
import { type FetchContext, toCachedSecret } from './fetch-secret.js';

/** The API's limit of ids per BatchGetSecretValue call. */
export const BATCH_SIZE = DEFAULTS.batchSize;

/**
 * BatchGetSecretValue calls in flight at once: 5 (100 secrets in one round). AWS's quota for
 * the operation is far lower than GetSecretValue's, so 1,000 ids are not sent as 50 calls at once.
 */
export const BATCH_CONCURRENCY = DEFAULTS.batchConcurrency;

/** Like `Promise.allSettled(items.map(run))`, with at most `limit` runs in flight. */
async function settleAtMost<T, R>(
  limit: number,
  items: readonly T[],
  run: (item: T) => Promise<R>,
): Promise<PromiseSettledResult<R>[]> {
  const results: PromiseSettledResult<R>[] = new Array(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      try {
        results[index] = { status: 'fulfilled', value: await run(items[index] as T) };
      } catch (reason) {
        results[index] = { status: 'rejected', reason };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** The outcome of a preload. */
export interface PreloadResult {
  /** Ids now cached (as given). */
  readonly loaded: readonly string[];
  /** Ids that failed, each with its error (NOT_FOUND, ACCESS_DENIED, DECRYPTION_FAILURE, ...). */
  readonly failed: ReadonlyArray<{
    /** The id that failed (as given). */
    readonly secretId: string;
    /** Why it failed. */
    readonly error: SecretkitError;
  }>;
}

function matches(id: string, entry: { Name?: string | undefined; ARN?: string | undefined }): boolean {
  if (id === entry.Name || id === entry.ARN) return true;
  // A partial ARN (no random suffix) names the secret whose full ARN extends it by "-XXXXXX".
  return entry.ARN?.startsWith(`${id}-`) === true && entry.ARN.length === id.length + 7;
}

/** Fetches one chunk of at most 20 ids, following NextToken. Whole-call failures are thrown. */
async function fetchChunk(ctx: FetchContext, ids: readonly string[]): Promise<ChunkResult> {
  const result = await ctx.router.read(
    async (attempt) => {
      const values = new Map<string, SecretValueEntry>();
      const errors = new Map<string, SecretkitError>();
      // In a replica region, ARNs are rewritten to that region: match answers against what was sent.
      const sent = ids.map((id) => attempt.idFor(id));
      let nextToken: string | undefined;
      do {
        const token = nextToken;
        const out = await send<BatchGetSecretValueCommandOutput>(
          attempt.client,
          new BatchGetSecretValueCommand({ SecretIdList: sent, ...(token ? { NextToken: token } : {}) }),
          {
            operation: 'BatchGetSecretValue',
            region: attempt.region,
            signal: attempt.signal,
            settledBySignalOwner: true,
            onCall: ctx.onApiCall,
            wrap: ctx.wrapCall,
          },
        );
        // Every id the value answers: the same secret may be asked for by name and by ARN.
        for (const value of out.SecretValues ?? []) {
          sent.forEach((id, index) => {
            const secretId = ids[index];
            if (secretId !== undefined && matches(id, value)) values.set(secretId, value);
          });
        }
        for (const e of out.Errors ?? []) {
          const secretId = ids[sent.indexOf(e.SecretId ?? '')] ?? e.SecretId ?? '';
          // Errors[] carries only a code and a message: shape it like an SDK exception to map it.
          const shaped = Object.assign(new Error(e.Message ?? ''), { name: e.ErrorCode ?? 'UnknownError' });
          errors.set(
            secretId,
            toSecretkitError(shaped, { operation: 'BatchGetSecretValue', secretId, region: attempt.region }),
          );
        }
        nextToken = out.NextToken;
      } while (nextToken);
      return { values, errors };
    },
    { secretIds: ids },
  );
  ctx.counters.served(result.region, result.failedOver);
  return { ...result.value, region: result.region, failedOver: result.failedOver, failures: result.failures };
}

/** One chunk's answers, and where they came from. */
interface ChunkResult {
  readonly values: Map<string, SecretValueEntry>;
  readonly errors: Map<string, SecretkitError>;
  /** The region that answered the batch, and whether the read's first region failed before it. */
  readonly region: string;
  readonly failedOver: boolean;
  /** What the regions before it did. */
  readonly failures: readonly RegionFailure[];
}

/**
 * A replica's "not found" for one id of a batch it answered after the primary failed is a
 * fault, not an answer, as for a single read (failover/routed-read.ts): a replica region need
 * not hold every secret, and the cached value must not be evicted for it.
 */
function perIdError(chunk: ChunkResult, secretId: string, error: SecretkitError): SecretkitError {
  if (!chunk.failedOver || !isSecretkitError(error, 'NOT_FOUND')) return error;
  return allRegionsFailed([...chunk.failures, { region: chunk.region, error }], secretId);
}

/**
 * Loads the AWSCURRENT value of each id in as few calls as possible.
 *
 * @param ctx - the client's fetch context
 * @param ids - secret ids (names, ARNs or partial ARNs), de-duplicated by the caller
 * @param store - called with each loaded secret
 */
export async function preloadSecrets(
  ctx: FetchContext,
  ids: readonly string[],
  store: (secretId: string, secret: CachedSecret) => void,
): Promise<PreloadResult> {
  const loaded: string[] = [];
  const failed: Array<{ secretId: string; error: SecretkitError }> = [];
  const chunks: string[][] = [];
  // A partial ARN of a region outside the client's set fails alone, before any call (not its chunk).
  const sendable: string[] = [];
  for (const secretId of ids) {
    const problem = arnRegionProblem(secretId, ctx.router.regions);
    if (problem === undefined) sendable.push(secretId);
    else failed.push({ secretId, error: problem });
  }
  // Ids read in the same regions share calls (a secret known not to be replicated to a region
  // is not asked for there; a partial ARN of a replica region is asked for in that region).
  const groups = new Map<string, string[]>();
  for (const secretId of sendable) {
    const key = ctx.router.regionsFor(secretId).join(' ');
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [secretId]);
    else group.push(secretId);
  }
  for (const group of groups.values()) {
    for (let i = 0; i < group.length; i += BATCH_SIZE) chunks.push(group.slice(i, i + BATCH_SIZE));
  }
  const results = await settleAtMost(BATCH_CONCURRENCY, chunks, (chunk) => fetchChunk(ctx, chunk));
  results.forEach((settled, i) => {
    const chunk = chunks[i] ?? [];
    if (settled.status === 'rejected') {
      const error = toSecretkitError(settled.reason, { operation: 'BatchGetSecretValue' });
      for (const secretId of chunk) failed.push({ secretId, error });
      return;
    }
    const answered = settled.value;
    const { values, errors } = answered;
    for (const secretId of chunk) {
      const value = values.get(secretId);
      if (value) {
        try {
          store(secretId, toCachedSecret(secretId, value));
          loaded.push(secretId);
        } catch (error) {
          failed.push({
            secretId,
            error: toSecretkitError(error, { operation: 'BatchGetSecretValue', secretId }),
          });
        }
        continue;
      }
      const error =
        errors.get(secretId) ??
        toSecretkitError(Object.assign(new Error(''), { name: 'ResourceNotFoundException' }), {
          operation: 'BatchGetSecretValue',
          secretId,
        });
      failed.push({ secretId, error: perIdError(answered, secretId, error) });
    }
  });
  return { loaded, failed };
}
