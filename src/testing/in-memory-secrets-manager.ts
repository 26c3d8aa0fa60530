/**
 * `InMemorySecretsManager`: an in-memory AWS Secrets Manager for tests. Its `send` takes the
 * SDK's command objects and answers like the service (same output shapes, `$metadata`, and
 * the SDK's exception classes), so it plugs in wherever a `SecretsManagerClient` is expected.
 */
import { type InspectOptionsStylized, inspect } from 'node:util';
import type { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { type Clock, systemClock } from '../cache/clock.js';
import type { SecretsManagerClientLike } from '../sdk/client-like.js';
import { type CallFilter, CallLog, type CallRecord } from './call-log.js';
import type { HandlerContext } from './context.js';
import { resolveCommand } from './dispatch.js';
import { responseMetadata, ServiceErrors } from './errors.js';
import {
  abortError,
  type Failure,
  type FailureFilter,
  type FailureKind,
  Faults,
  failureError,
} from './faults.js';
import { arnSuffix, type RandomSource, randomUuid, seededRandom } from './random.js';
import { redactedSecrets } from './redacted-view.js';
import type { RotationLambda } from './rotation-lambda.js';
import { type SeededSecret, type SeedSpec, type SeedValueFields, seedSecret } from './seed.js';
import { rotateTo, type SimulatedRotation } from './simulate-rotation.js';
import { SecretStore } from './store.js';

/** Options of {@link InMemorySecretsManager}. */
export interface InMemorySecretsManagerOptions {
  /** The region of the fake's own `send` (other regions: {@link InMemorySecretsManager.client}). @defaultValue `'us-east-1'` */
  readonly region?: string | undefined;
  /** The account in ARNs. @defaultValue `'123456789012'` */
  readonly accountId?: string | undefined;
  /** The clock for dates and deletion windows (use a fake clock with fake time). @defaultValue the system clock */
  readonly clock?: Clock | undefined;
  /** Seed for ARN suffixes, version ids and passwords, for reproducible runs. Ignored when `random` is given. */
  readonly seed?: number | undefined;
  /** A random source in `[0, 1)`. @defaultValue `Math.random` (or a seeded generator when `seed` is given) */
  readonly random?: RandomSource | undefined;
  /** A rotation function RotateSecret runs in place of a Lambda function (see {@link RotationLambda}). */
  readonly rotationLambda?: RotationLambda | undefined;
  /**
   * The most items one page of ListSecrets, ListSecretVersionIds or a filtered
   * BatchGetSecretValue holds, whatever `MaxResults` asks: the service may return fewer items
   * than asked (with a `NextToken`), and a small value tests that callers follow every page.
   * @defaultValue no cap (`MaxResults`, or the operation's default page size)
   */
  readonly maxPageSize?: number | undefined;
}

/** Options of {@link InMemorySecretsManager.simulateRotation}. */
export interface SimulateRotationOptions {
  /** The new version's id. @defaultValue a random UUID */
  readonly versionId?: string | undefined;
}

type SendFn = SecretsManagerClient['send'];
type Callback = (error: unknown, data?: unknown) => void;

/** The options argument of `send`, as the SDK client takes it (only `abortSignal` is used). */
export interface SendOptions {
  /** Aborts the call (rejects with an `AbortError`), also while `setLatency` is waiting. */
  readonly abortSignal?:
    | AbortSignal
    | {
        /** True once the call should be abandoned. */
        readonly aborted: boolean;
      }
    | undefined;
}

/** A client of the fake bound to one region; every region's client shares the fake's state. */
export class InMemorySecretsManagerClient implements SecretsManagerClientLike {
  /** The SDK client's `send`: takes Secrets Manager commands, returns their outputs. */
  readonly send: SendFn;

  /**
   * @param region - the region this client's commands go to
   * @param dispatch - the owning fake's dispatcher
   */
  constructor(
    readonly region: string,
    dispatch: (region: string, command: unknown, options: SendOptions | undefined) => Promise<unknown>,
  ) {
    const send = (
      command: unknown,
      optionsOrCallback?: unknown,
      callback?: unknown,
    ): Promise<unknown> | undefined => {
      const cb = (typeof optionsOrCallback === 'function' ? optionsOrCallback : callback) as
        | Callback
        | undefined;
      const options =
        typeof optionsOrCallback === 'object' && optionsOrCallback !== null
          ? (optionsOrCallback as SendOptions)
          : undefined;
      const result = dispatch(region, command, options);
      if (typeof cb !== 'function') return result;
      result.then(
        (data) => cb(null, data),
        (error: unknown) => cb(error),
      );
      return undefined;
    };
    this.send = send as unknown as SendFn;
  }

  /** Does nothing (the SDK client's `destroy`, for code that calls it). */
  destroy(): void {}
}

/**
 * An in-memory Secrets Manager for tests.
 *
 * @example
 * ```ts
 * const fake = new InMemorySecretsManager();
 * fake.seed({ name: 'prod/db', json: { user: 'app', password: 'pw' } });
 * const secrets = new SecretsClient({ client: fake });
 * fake.failNext(1, 'throttle');
 * expect(fake.calls('GetSecretValue')).toBe(1);
 * ```
 */
export class InMemorySecretsManager extends InMemorySecretsManagerClient {
  /** The account in ARNs. */
  readonly accountId: string;
  /** ES private: no inspect option, test-runner diff or `JSON.stringify` reaches the values. */
  readonly #store = new SecretStore();
  private readonly log = new CallLog();
  private readonly faults = new Faults();
  private readonly clients = new Map<string, InMemorySecretsManagerClient>();
  private readonly clock: Clock;
  private readonly seedValue: number | undefined;
  private readonly userRandom: RandomSource | undefined;
  private readonly rotationLambda: RotationLambda | undefined;
  private readonly maxPageSize: number | undefined;
  private random: RandomSource;
  private latencyMs = 0;

  /** @param options - region, account, clock, randomness and rotation function */
  constructor(options: InMemorySecretsManagerOptions = {}) {
    const region = options.region ?? 'us-east-1';
    super(region, (r, command, sendOptions) => this!.dispatch(r, command, sendOptions));
    this.accountId = options.accountId ?? '123456789012';
    this.clock = options.clock ?? systemClock;
    this.seedValue = options.seed;
    this.userRandom = options.random;
    this.rotationLambda = options.rotationLambda;
    const maxPageSize = options.maxPageSize;
    if (maxPageSize !== undefined && (!Number.isInteger(maxPageSize) || maxPageSize < 1)) {
      throw new RangeError('InMemorySecretsManager: maxPageSize must be a positive integer');
    }
    this.maxPageSize = maxPageSize;
    this.random = this.freshRandom();
    this.clients.set(region, this);
  }

  private freshRandom(): RandomSource {
    if (this.userRandom) return this.userRandom;
    return this.seedValue === undefined ? Math.random : seededRandom(this.seedValue);
  }

  /**
   * A client for `region` sharing this fake's state: replicas are readable there, and writes
   * there to a replica fail as on AWS. Pass it as a replica region's client.
   */
  client(region: string): InMemorySecretsManagerClient {
    let client = this.clients.get(region);
    if (!client) {
      client = new InMemorySecretsManagerClient(region, (r, command, options) =>
        this.dispatch(r, command, options),
      );
      this.clients.set(region, client);
    }
    return client;
  }

  private context(region: string, requestId: string): HandlerContext {
    return {
      store: this.#store,
      region,
      accountId: this.accountId,
      errors: new ServiceErrors(requestId),
      random: this.random,
      maxPageSize: this.maxPageSize,
      now: () => new Date(this.clock.now()),
      newVersionId: () => randomUuid(this.random),
      newSuffix: () => arnSuffix(this.random),
      rotationLambda: this.rotationLambda,
      rotationClient: (r) => this.client(r),
    };
  }

  private async dispatch(
    region: string,
    command: unknown,
    options: SendOptions | undefined,
  ): Promise<unknown> {
    const { operation, handler, input } = resolveCommand(command);
    const finish = this.log.start(operation, region, input, this.clock.now());
    try {
      const signal = options?.abortSignal;
      if (signal?.aborted) throw abortError();
      if (this.latencyMs > 0) await this.sleep(this.latencyMs, signal);
      const requestId = randomUuid(this.random);
      const ctx = this.context(region, requestId);
      const failure = this.faults.take(operation, region);
      if (failure !== undefined) throw failureError(failure, ctx.errors, operation, this.accountId);
      this.#store.purgeExpired(this.clock.now());
      const output = await handler(ctx, input as never);
      finish('ok');
      return { ...(output as object), $metadata: responseMetadata(200, requestId) };
    } catch (error) {
      finish('error');
      throw error;
    }
  }

  private sleep(ms: number, signal: SendOptions['abortSignal']): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        if (isAbortSignal(signal)) signal.removeEventListener('abort', onAbort);
        resolve();
      }, ms);
      const onAbort = (): void => {
        clearTimeout(timer);
        reject(abortError());
      };
      if (isAbortSignal(signal)) signal.addEventListener('abort', onAbort, { once: true });
    });
  }

  /**
   * Creates a secret directly (no call recorded, no failure injected).
   *
   * @example
   * ```ts
   * fake.seed({ name: 'api-key', value: 'k1', tags: { team: 'payments' } });
   * fake.seed({ name: 'prod/db', versions: [{ json: { password: 'old' } }, { json: { password: 'new' } }] });
   * ```
   * @returns the ARN, name and version ids
   * @throws ResourceExistsException when the name is taken in that region
   */
  seed(spec: SeedSpec): SeededSecret {
    const region = spec.region ?? this.region;
    return seedSecret(this.context(region, randomUuid(this.random)), spec);
  }

  /**
   * Performs a successful rotation of a secret to `newValue` (a string, or `{ json }` /
   * `{ binary }`): the new version goes through AWSPENDING, then takes AWSCURRENT and the old
   * current version becomes AWSPREVIOUS, exactly as a rotation function and the service do.
   * No call is recorded and no failure injected.
   *
   * @param secretId - name or ARN (in the fake's region, or the ARN's region)
   * @param newValue - the new value
   * @param options - the new version's id
   * @throws ResourceNotFoundException when there is no such secret; InvalidRequestException when
   *   it is scheduled for deletion; InvalidParameterException when `secretId` names a replica
   */
  simulateRotation(
    secretId: string,
    newValue: string | SeedValueFields,
    options: SimulateRotationOptions = {},
  ): SimulatedRotation {
    const region = /^arn:[^:]+:secretsmanager:([^:]+):/.exec(secretId)?.[1] ?? this.region;
    const ctx = this.context(region, randomUuid(this.random));
    return rotateTo(ctx, secretId, newValue, options.versionId ?? ctx.newVersionId());
  }

  /**
   * The next `count` calls (matching `filter`, if given) fail with `failure`: a kind
   * (`'throttle' | 'network' | 'timeout' | 'server' | 'accessDenied'`), an error to throw, or
   * a function returning one. Failed calls are still counted by {@link calls}.
   *
   * @throws RangeError when `count` is not a non-negative integer
   */
  failNext(count: number, failure: Failure, filter?: FailureFilter): void {
    this.faults.failNext(count, failure, filter);
  }

  /** Every call to any region fails with `kind` until {@link clearOutage}. */
  setOutage(kind: FailureKind | Error): void;
  /** Every call to `region` fails with `kind` until {@link clearOutage}. */
  setOutage(region: string, kind: FailureKind | Error): void;
  setOutage(regionOrKind: string | Error, kind?: FailureKind | Error): void {
    if (kind === undefined) this.faults.setOutage(undefined, regionOrKind as FailureKind | Error);
    else this.faults.setOutage(regionOrKind as string, kind);
  }

  /** Ends the outage of `region`, or every outage. */
  clearOutage(region?: string): void {
    this.faults.clearOutage(region);
  }

  /**
   * Every call waits `ms` real milliseconds before answering (abortable via `abortSignal`). 0 turns it off.
   *
   * @throws RangeError when `ms` is negative or not finite
   */
  setLatency(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError('setLatency: ms must be a non-negative number');
    this.latencyMs = ms;
  }

  /**
   * How many calls were made, in every region: all of them, those of one operation
   * (`calls('GetSecretValue')`), or those matching a {@link CallFilter}.
   */
  calls(filter?: string | CallFilter): number {
    return this.log.count(filter);
  }

  /** The calls made (operation, region, secret id, time, outcome), oldest first; never values. */
  callLog(filter?: string | CallFilter): CallRecord[] {
    return this.log.list(filter);
  }

  /** Forgets every call recorded so far (secrets are kept). */
  resetCalls(): void {
    this.log.clear();
  }

  /** Back to an empty fake: no secrets, calls, failures, outages or latency (the seed restarts). */
  reset(): void {
    this.#store.clear();
    this.log.clear();
    this.faults.reset();
    this.latencyMs = 0;
    this.random = this.freshRandom();
  }

  /** Names, regions and versions of the secrets, and the call count; never a value. */
  toJSON(): Record<string, unknown> {
    return {
      region: this.region,
      accountId: this.accountId,
      secrets: redactedSecrets(this.#store),
      calls: this.log.count(),
    };
  }

  /** Never a value. */
  override toString(): string {
    return `InMemorySecretsManager(${this.region}, ${this.#store.secrets.length} secrets, values redacted)`;
  }

  /** Never a value: the same view as {@link toJSON}. */
  [inspect.custom](depth: number, options: InspectOptionsStylized, show: typeof inspect): string {
    if (depth < 0) return this.toString();
    // Three levels more than asked, so the default depth shows each version's id and stages.
    const remaining = options.depth === null || options.depth === undefined ? null : options.depth + 2;
    return `InMemorySecretsManager ${show(this.toJSON(), { ...options, depth: remaining })}`;
  }
}

function isAbortSignal(signal: SendOptions['abortSignal']): signal is AbortSignal {
  return typeof signal === 'object' && signal !== null && 'addEventListener' in signal;
}
