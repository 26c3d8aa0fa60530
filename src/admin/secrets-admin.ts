/**
 * SecretsAdmin (`secretkit/admin`): typed writes, describe/list and replication, apart from the
 * cached reader so that a read-only Lambda never bundles them. Every call goes through the SDK
 * boundary (counted, deadlined, settled by close()); readers passed as `readers` are kept
 * coherent through the cache hook (client/cache-hook.ts).
 */
import { inspect } from 'node:util';
import { isSecretArn, parseSecretArn } from '../arn/secret-arn.js';
import { NOTE_REPLICAS, NOTE_ROTATION, type ReplicaSetReport } from '../client/cache-hook.js';
import { SecretkitError } from '../errors/secretkit-error.js';
import { timeApiCall } from '../observe/api-call.js';
import { publishEvent } from '../observe/publish.js';
import { promoteReplica } from '../replication/promote-replica.js';
import { removeReplicas } from '../replication/remove-replicas.js';
import { replicate } from '../replication/replicate.js';
import { type ReplicationStatusOptions, replicationStatus } from '../replication/replication-status.js';
import type {
  PromoteResult,
  ReplicaRegionSpec,
  ReplicateOptions,
  ReplicationState,
  ReplicationTarget,
} from '../replication/types.js';
import type { SecretsManagerClientLike } from '../sdk/client-like.js';
import { CallScope, type CallSettings } from '../sdk/send.js';
import { describeSecret, listVersions, type SecretDescription, type VersionInfo } from './describe.js';
import { type ListSecretsOptions, listSecrets, type SecretListEntry } from './listing.js';
import { type ResolvedAdminOptions, resolveAdminOptions, type SecretsAdminOptions } from './options.js';
import type { SecretValueInput } from './secret-value-input.js';
import type { WriteContext } from './write-context.js';
import {
  type CreateSecretInput,
  createSecret,
  type DeleteResult,
  type DeleteSecretOptions,
  deleteSecret,
  type PutSecretValueOptions,
  putSecretValue,
  restoreSecret,
  type UpdateSecretInput,
  updateSecret,
  type WriteResult,
} from './writes.js';

const SYSTEM_CLOCK = { now: Date.now };

/** Counters of a {@link SecretsAdmin}. */
export interface SecretsAdminStats {
  /** AWS API calls made, by operation and by region. */
  readonly apiCalls: {
    /** Every call. */
    readonly total: number;
    /** By operation name. */
    readonly byOperation: Readonly<Record<string, number>>;
    /** By region. */
    readonly byRegion: Readonly<Record<string, number>>;
  };
}

/**
 * Writes, describe/list and replication of secrets.
 *
 * @example
 * ```ts
 * const secrets = new SecretsClient({ region: 'us-east-1' });
 * const admin = new SecretsAdmin({ region: 'us-east-1', readers: [secrets] });
 * await admin.putSecretValue('prod/db', { json: { password: 'new' } }); // secrets' cache dropped it
 * ```
 */
export class SecretsAdmin {
  readonly #options: ResolvedAdminOptions;
  readonly #clients = new Map<string, SecretsManagerClientLike>();
  readonly #scope = new CallScope();
  readonly #call: CallSettings;
  readonly #byOperation: Record<string, number> = {};
  readonly #byRegion: Record<string, number> = {};
  #total = 0;

  /**
   * @param options - client source, region, deadline, readers to keep coherent
   * @throws SecretkitError `INVALID_ARGUMENT` naming an invalid, unknown or conflicting option
   */
  constructor(options?: SecretsAdminOptions) {
    this.#options = resolveAdminOptions(options);
    const { onEvent } = this.#options;
    this.#call = {
      scope: this.#scope,
      timeoutMs: this.#options.timeoutMs,
      onCall: (operation, region) => {
        this.#total += 1;
        this.#byOperation[operation] = (this.#byOperation[operation] ?? 0) + 1;
        this.#byRegion[region] = (this.#byRegion[region] ?? 0) + 1;
        const event = { type: 'api-call', operation, region } as const;
        publishEvent(event);
        if (onEvent === undefined) return;
        try {
          onEvent(event);
        } catch {
          // A throwing listener must not break a write.
        }
      },
      // The diagnostics channel `secretkit:aws:call` gets each call's end, as for reads.
      wrap: (operation, region, request, signal) =>
        timeApiCall(SYSTEM_CLOCK, operation, region, () => request(signal), publishEvent),
    };
  }

  /** The primary region (writes go there). */
  get region(): string {
    return this.#options.regions.primaryRegion;
  }

  /**
   * Creates a secret: string, JSON or binary; optional KMS key, tags, description and replicas.
   *
   * @throws SecretkitError `ALREADY_EXISTS`, `ACCESS_DENIED`, `INVALID_REQUEST`, `INVALID_ARGUMENT`, `TIMEOUT`, `CLIENT_CLOSED`
   */
  createSecret(input: CreateSecretInput): Promise<WriteResult> {
    // The name may be reused with other replicas: readers forget where it was held.
    return this.#changingReplicas(input?.name, () => createSecret(this.#context(), input));
  }

  /**
   * Puts a new version of a secret (labelled AWSCURRENT unless `versionStages` says otherwise)
   * and drops the secret's cached values in every reader.
   *
   * @throws SecretkitError `NOT_FOUND`, `DELETED`, `ALREADY_EXISTS` (token reused with another value), `REPLICA_WRITE`
   */
  putSecretValue(
    secretId: string,
    value: SecretValueInput,
    options?: PutSecretValueOptions,
  ): Promise<
    WriteResult & {
      /** The staging labels AWS put on the new version. */
      readonly versionStages: readonly string[];
    }
  > {
    return this.#run(() => putSecretValue(this.#context(), secretId, value, options));
  }

  /**
   * Updates a secret's value, description or KMS key; drops its cached values.
   *
   * @throws SecretkitError `NOT_FOUND`, `DELETED`, `REPLICA_WRITE`, `INVALID_REQUEST`
   */
  updateSecret(secretId: string, input: UpdateSecretInput): Promise<WriteResult> {
    return this.#run(() => updateSecret(this.#context(), secretId, input));
  }

  /**
   * Schedules deletion (recovery window 7–30 days, default 30) or deletes at once; drops cached values.
   *
   * @throws SecretkitError `NOT_FOUND`, `INVALID_REQUEST` (e.g. a primary that still has replicas), `INVALID_ARGUMENT`
   */
  deleteSecret(secretId: string, options?: DeleteSecretOptions): Promise<DeleteResult> {
    return this.#changingReplicas(secretId, () => deleteSecret(this.#context(), secretId, options));
  }

  /**
   * Cancels a scheduled deletion.
   *
   * @throws SecretkitError `NOT_FOUND`, `INVALID_REQUEST`
   */
  restoreSecret(secretId: string): Promise<WriteResult> {
    return this.#run(() => restoreSecret(this.#context(), secretId));
  }

  /**
   * Metadata of a secret: versions and labels, rotation, KMS key, replication. Never the value.
   *
   * @throws SecretkitError `NOT_FOUND`, `ACCESS_DENIED`
   */
  describeSecret(secretId: string): Promise<SecretDescription> {
    return this.#run(async () => {
      const description = await describeSecret(this.#context(), secretId);
      this.#noteRotation(description.name, description.nextRotationDate);
      this.#noteReplicas({
        name: description.name,
        arn: description.arn,
        answeredIn: this.region,
        primaryRegion: description.primaryRegion,
        replicas: description.replicationStatus,
      });
      return description;
    });
  }

  /**
   * Every version of a secret with its staging labels.
   *
   * @throws SecretkitError `NOT_FOUND`, `ACCESS_DENIED`
   */
  listVersions(secretId: string, options?: { readonly includeDeprecated?: boolean }): Promise<VersionInfo[]> {
    return this.#run(() => listVersions(this.#context(), secretId, options));
  }

  /**
   * Iterates over secrets (pages fetched as you go), filtered by name prefix or tags.
   *
   * @throws SecretkitError `CLIENT_CLOSED`, `ACCESS_DENIED`, `THROTTLED` or another mapped AWS error, while iterating
   */
  async *listSecrets(options?: ListSecretsOptions): AsyncGenerator<SecretListEntry> {
    for await (const entry of listSecrets(this.#context(), options)) {
      this.#noteRotation(entry.name, entry.nextRotationDate);
      yield entry;
    }
  }

  /**
   * Replicates a secret into more regions, each optionally with its own KMS key.
   *
   * @throws SecretkitError `NOT_FOUND`, `ACCESS_DENIED`, `INVALID_ARGUMENT`, `REPLICA_WRITE`
   */
  replicate(
    secretId: string,
    replicas: readonly ReplicaRegionSpec[],
    options?: ReplicateOptions,
  ): Promise<ReplicationState> {
    return this.#changingReplicas(secretId, () => replicate(this.#target(), secretId, replicas, options));
  }

  /**
   * Removes replicas of a secret from the given regions.
   *
   * @throws SecretkitError `NOT_FOUND`, `ACCESS_DENIED`, `INVALID_ARGUMENT`
   */
  removeReplicas(secretId: string, regions: readonly string[]): Promise<ReplicationState> {
    return this.#changingReplicas(secretId, () => removeReplicas(this.#target(), secretId, regions));
  }

  /**
   * Promotes a replica to a standalone secret (StopReplicationToReplica, sent in the replica's
   * region): the disaster-recovery step when the primary region is lost. See docs/multi-region.md.
   *
   * @throws SecretkitError `NOT_FOUND`, `ACCESS_DENIED`, `INVALID_ARGUMENT`
   */
  promoteReplica(secretId: string, region: string): Promise<PromoteResult> {
    return this.#changingReplicas(secretId, async () => {
      const result = await promoteReplica(this.#target(), secretId, region);
      this.#invalidate(secretId);
      return result;
    });
  }

  /**
   * Per region: replication status, message, KMS key, last accessed date.
   *
   * @throws SecretkitError `NOT_FOUND`, `ACCESS_DENIED`
   */
  replicationStatus(secretId: string, options?: ReplicationStatusOptions): Promise<ReplicationState> {
    return this.#run(async () => {
      const state = await replicationStatus(this.#target(), secretId, options);
      // A DescribeSecret too: what the primary said is kept (a replica's answer is forgotten).
      const parts = state.arn !== undefined && isSecretArn(state.arn) ? parseSecretArn(state.arn) : undefined;
      if (parts?.suffix !== undefined) {
        this.#noteReplicas({
          name: parts.name,
          arn: state.arn,
          answeredIn: options?.region ?? this.region,
          primaryRegion: state.primaryRegion,
          replicas: state.replicas,
        });
      }
      return state;
    });
  }

  /** Calls made so far, by operation and region. */
  stats(): SecretsAdminStats {
    return Object.freeze({
      apiCalls: Object.freeze({
        total: this.#total,
        byOperation: Object.freeze({ ...this.#byOperation }),
        byRegion: Object.freeze({ ...this.#byRegion }),
      }),
    });
  }

  /**
   * Settles every call in flight with `CLIENT_CLOSED` and destroys the SDK clients secretkit
   * created (never one passed in). Later calls reject with `CLIENT_CLOSED`. Idempotent.
   */
  close(): void {
    if (this.#scope.closed) return;
    this.#scope.close();
    for (const [region, client] of this.#clients) this.#options.regions.destroyClient(region, client);
    this.#clients.clear();
  }

  /** A summary without values (for logs). */
  toJSON(): Record<string, unknown> {
    return { type: 'SecretsAdmin', region: this.region, closed: this.#scope.closed, stats: this.stats() };
  }

  /** Never shows values. */
  [inspect.custom](): string {
    return `SecretsAdmin ${inspect(this.toJSON(), { depth: 3 })}`;
  }

  #clientFor(region: string): SecretsManagerClientLike {
    if (this.#scope.closed) throw new SecretkitError('CLIENT_CLOSED', 'This SecretsAdmin was closed.');
    let client = this.#clients.get(region);
    if (client === undefined) {
      client = this.#options.regions.clientFactory(region);
      this.#clients.set(region, client);
    }
    return client;
  }

  #context(): WriteContext {
    const region = this.region;
    return {
      region,
      client: this.#clientFor(region),
      call: this.#call,
      invalidate: (id) => this.#invalidate(id),
    };
  }

  #target(): ReplicationTarget {
    return { primaryRegion: this.region, clientFor: (r) => this.#clientFor(r), call: this.#call };
  }

  #invalidate(secretId: string): void {
    for (const reader of this.#options.readers) reader.invalidate(secretId);
  }

  #noteRotation(name: string, date: Date | undefined): void {
    for (const reader of this.#options.readers) reader[NOTE_ROTATION]?.(name, date);
  }

  #noteReplicas(report: ReplicaSetReport): void {
    for (const reader of this.#options.readers) reader[NOTE_REPLICAS]?.note(report);
  }

  /**
   * Runs a call that may change where a secret is held (replicate, remove, promote, create,
   * delete): readers forget what they knew of it, whatever the outcome (a failed call may have
   * done part of its work). Forgetting is always safe: reads fall back to the client-wide list.
   */
  async #changingReplicas<T>(secretId: unknown, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } finally {
      if (typeof secretId === 'string') {
        for (const reader of this.#options.readers) reader[NOTE_REPLICAS]?.forget(secretId);
      }
    }
  }

  /** Runs `run` so that a synchronous throw (CLIENT_CLOSED, a bad argument) is a rejection. */
  async #run<T>(run: () => Promise<T>): Promise<T> {
    return run();
  }
}
