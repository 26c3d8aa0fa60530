/**
 * Options of {@link ParametersClient}, validated strictly: an unknown key is an
 * `INVALID_ARGUMENT` naming it (a typo must not silently fall back to a default).
 */
import type { SSMClient, SSMClientConfig } from '@aws-sdk/client-ssm';
import type { Clock } from '../cache/clock.js';
import type { CacheEvent } from '../cache/types.js';
import type { CacheOptions, SecretkitLogger } from '../client/types.js';
import { SecretkitError } from '../errors/secretkit-error.js';

/** Anything with the SSM SDK client's `send` (a real `SSMClient`, or aws-sdk-client-mock's). */
export type SSMClientLike = Pick<SSMClient, 'send'>;

/** An AWS call made by a {@link ParametersClient}. */
export interface ParameterApiCallEvent {
  /** Marks an AWS API call. */
  readonly type: 'api-call';
  /** Operation name, e.g. `GetParameters`. */
  readonly operation: string;
}

/** Every event `onEvent` receives. Events never carry values. */
export type ParametersEvent = CacheEvent | ParameterApiCallEvent;

/** Options of {@link ParametersClient}. */
export interface ParametersClientOptions extends CacheOptions {
  /** An SDK client (or anything with its `send`); secretkit never destroys it. Not with `clientConfig`. */
  readonly client?: SSMClientLike | undefined;
  /** Configuration of the `SSMClient` secretkit creates (lazily) and destroys on `close()`. */
  readonly clientConfig?: SSMClientConfig | undefined;
  /** Region of the client secretkit creates. @defaultValue `clientConfig.region`, else the SDK's resolution */
  readonly region?: string | undefined;
  /** Decrypt SecureString values (needs `kms:Decrypt`). @defaultValue true */
  readonly withDecryption?: boolean | undefined;
  /** Deadline of one call, SDK retries included. @defaultValue 3_000 */
  readonly timeoutMs?: number | undefined;
  /** Receives every event (hits, misses, API calls). Never given values. */
  readonly onEvent?: ((event: ParametersEvent) => void) | undefined;
  /** Logger for warnings (a stale value served). Never given values. */
  readonly logger?: SecretkitLogger | undefined;
  /** Injectable time source (tests). @defaultValue Date.now */
  readonly clock?: Clock | undefined;
  /** Injectable randomness in [0, 1) (tests). @defaultValue Math.random */
  readonly random?: (() => number) | undefined;
}

const KNOWN: ReadonlySet<string> = new Set([
  'client',
  'clientConfig',
  'region',
  'withDecryption',
  'timeoutMs',
  'onEvent',
  'logger',
  'clock',
  'random',
  'ttlMs',
  'jitterRatio',
  'refreshAheadRatio',
  'staleWhileRevalidateMs',
  'maxStaleMs',
  'notFoundTtlMs',
  'backoffBaseMs',
  'backoffMaxMs',
  'maxEntries',
  'maxBytes',
]);

/**
 * Throws `INVALID_ARGUMENT` naming the first key of `options` not in `known`.
 *
 * @param options - what the caller passed
 * @param known - the accepted keys
 * @param what - e.g. `ParametersClient option`
 */
export function rejectUnknownKeys(options: object, known: ReadonlySet<string>, what: string): void {
  for (const key of Object.keys(options)) {
    if (!known.has(key)) {
      throw new SecretkitError('INVALID_ARGUMENT', `Unknown ${what} "${key}".`, { details: { option: key } });
    }
  }
}

/** Resolved non-cache options. */
export interface ResolvedParametersOptions {
  readonly withDecryption: boolean;
  readonly timeoutMs: number;
}

/**
 * Validates the options (the cache options are validated by the cache's resolver).
 *
 * @throws SecretkitError `INVALID_ARGUMENT` naming the option
 */
export function resolveParametersOptions(options: unknown): ResolvedParametersOptions {
  if (typeof options !== 'object' || options === null) {
    throw new SecretkitError('INVALID_ARGUMENT', 'ParametersClient options must be an object.', {
      details: { option: 'options' },
    });
  }
  rejectUnknownKeys(options, KNOWN, 'ParametersClient option');
  const o = options as ParametersClientOptions;
  if (o.client !== undefined && o.clientConfig !== undefined) {
    throw new SecretkitError('INVALID_ARGUMENT', 'Give one of client and clientConfig, not both.', {
      details: { option: 'clientConfig' },
    });
  }
  if (o.client !== undefined && typeof (o.client as { send?: unknown }).send !== 'function') {
    throw new SecretkitError('INVALID_ARGUMENT', 'client must have a send() method.', {
      details: { option: 'client' },
    });
  }
  if (o.withDecryption !== undefined && typeof o.withDecryption !== 'boolean') {
    throw new SecretkitError('INVALID_ARGUMENT', 'withDecryption must be a boolean.', {
      details: { option: 'withDecryption' },
    });
  }
  const timeoutMs = o.timeoutMs ?? 3_000;
  if (typeof timeoutMs !== 'number' || !Number.isFinite(timeoutMs) || timeoutMs <= 0) {
    throw new SecretkitError('INVALID_ARGUMENT', 'timeoutMs must be a positive finite number.', {
      details: { option: 'timeoutMs' },
    });
  }
  return { withDecryption: o.withDecryption ?? true, timeoutMs };
}
