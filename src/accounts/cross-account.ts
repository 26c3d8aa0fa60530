/**
 * Secrets in other accounts: one SecretsClient per IAM role, created on first use, reading with
 * that role's STS credentials (cached, refreshed before expiry). Given to `defineSecrets(...).load()`
 * as `roles`, it serves every spec declared with `roleArn`, and, with `accounts`, every secret
 * whose ARN names one of those accounts.
 */
import { inspect } from 'node:util';
import type { SecretsManagerClientConfig } from '@aws-sdk/client-secrets-manager';
import { STSClient, type STSClientConfig } from '@aws-sdk/client-sts';
import type { Clock } from '../cache/clock.js';
import { SecretsClient } from '../client/secrets-client.js';
import type { SecretsClientStats } from '../client/stats.js';
import type { CacheOptions, SecretkitLogger } from '../client/types.js';
import { SecretkitError } from '../errors/secretkit-error.js';
import type { RoleSources } from '../loader/sources.js';
import { rejectUnknownKeys } from '../ssm/options.js';
import { assumeRoleCredentials, type STSClientLike } from './assume-role.js';
import { parseRoleArn } from './role-arn.js';

/** Options of {@link CrossAccountSources}. */
export interface CrossAccountOptions extends CacheOptions {
  /** Base configuration of each role's Secrets Manager client (region, endpoint...); `credentials` is set per role. */
  readonly clientConfig?: Omit<SecretsManagerClientConfig, 'credentials'> | undefined;
  /** The STS client that assumes the roles (with the caller's own credentials). Not with `stsConfig`. */
  readonly stsClient?: STSClientLike | undefined;
  /** Configuration of the STS client secretkit creates. @defaultValue the region of `clientConfig` */
  readonly stsConfig?: STSClientConfig | undefined;
  /** Account id → the role to read that account's secrets with (secrets given by ARN). */
  readonly accounts?: Readonly<Record<string, string>> | undefined;
  /** Role ARN → external id its trust policy requires. */
  readonly externalIds?: Readonly<Record<string, string>> | undefined;
  /** Session name. @defaultValue `secretkit` */
  readonly sessionName?: string | undefined;
  /** Lifetime of the role credentials. @defaultValue 3600 */
  readonly durationSeconds?: number | undefined;
  /** Refresh the credentials this long before they expire. @defaultValue 300_000 */
  readonly refreshBeforeMs?: number | undefined;
  /** Deadline of one AssumeRole. @defaultValue 3_000 */
  readonly timeoutMs?: number | undefined;
  /** Logger given to each role's client. */
  readonly logger?: SecretkitLogger | undefined;
  /** Time source (tests). @defaultValue Date.now */
  readonly clock?: Clock | undefined;
}

/** Counters of a {@link CrossAccountSources}. */
export interface CrossAccountStats {
  /** AssumeRole calls, by role. */
  readonly assumeRoleCalls: Readonly<Record<string, number>>;
  /** Each role's client counters. */
  readonly byRole: Readonly<Record<string, SecretsClientStats>>;
}

const KNOWN = new Set([
  'clientConfig',
  'stsClient',
  'stsConfig',
  'accounts',
  'externalIds',
  'sessionName',
  'durationSeconds',
  'refreshBeforeMs',
  'timeoutMs',
  'logger',
  'clock',
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

const CACHE_KEYS = [
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
] as const;

/**
 * Secrets Manager clients per IAM role.
 *
 * @example
 * ```ts
 * import { CrossAccountSources } from 'secretkit/accounts';
 * const roles = new CrossAccountSources({ clientConfig: { region: 'us-east-1' } });
 * const config = defineSecrets({
 *   shared: secret.json('shared/db', Db, { roleArn: 'arn:aws:iam::111111111111:role/app-reader' }),
 * });
 * await config.load({ secrets, roles });
 * ```
 */
export class CrossAccountSources implements RoleSources {
  readonly #options: CrossAccountOptions;
  readonly #clients = new Map<string, SecretsClient>();
  readonly #calls: Record<string, number> = {};
  readonly #close = new AbortController();
  #sts: STSClientLike | undefined;
  #ownedSts: STSClient | undefined;
  #closed = false;

  /**
   * @throws SecretkitError `INVALID_ARGUMENT` naming an unknown or invalid option
   */
  constructor(options: CrossAccountOptions = {}) {
    rejectUnknownKeys(options, KNOWN, 'CrossAccountSources option');
    if (options.stsClient !== undefined && options.stsConfig !== undefined) {
      throw new SecretkitError('INVALID_ARGUMENT', 'Give one of stsClient and stsConfig, not both.', {
        details: { option: 'stsConfig' },
      });
    }
    for (const [account, roleArn] of Object.entries(options.accounts ?? {})) {
      if (parseRoleArn(roleArn).accountId !== account) {
        throw new SecretkitError(
          'INVALID_ARGUMENT',
          `accounts["${account}"] names a role of another account.`,
          {
            details: { option: 'accounts' },
          },
        );
      }
    }
    this.#options = options;
    this.#sts = options.stsClient;
  }

  /**
   * The client reading with `roleArn`'s credentials (one per role, created on first use).
   *
   * @throws SecretkitError `INVALID_ARGUMENT` for a malformed role ARN, `CLIENT_CLOSED`
   */
  forRole(roleArn: string): SecretsClient {
    if (this.#closed) throw new SecretkitError('CLIENT_CLOSED', 'These CrossAccountSources were closed.');
    let client = this.#clients.get(roleArn);
    if (client !== undefined) return client;
    parseRoleArn(roleArn);
    const o = this.#options;
    const credentials = assumeRoleCredentials({
      roleArn,
      sts: () => this.#stsClient(),
      sessionName: o.sessionName,
      durationSeconds: o.durationSeconds,
      externalId: o.externalIds?.[roleArn],
      refreshBeforeMs: o.refreshBeforeMs,
      timeoutMs: o.timeoutMs,
      clock: o.clock,
      closeSignal: this.#close.signal,
      onCall: () => {
        this.#calls[roleArn] = (this.#calls[roleArn] ?? 0) + 1;
      },
    });
    const cache: Record<string, number | undefined> = {};
    for (const key of CACHE_KEYS) cache[key] = o[key];
    client = new SecretsClient({
      ...cache,
      clientConfig: { ...o.clientConfig, credentials },
      ...(o.logger ? { logger: o.logger } : {}),
      ...(o.clock ? { clock: o.clock } : {}),
    });
    this.#clients.set(roleArn, client);
    return client;
  }

  /** The role configured (in `accounts`) for the account a secret ARN names, if any. */
  roleForSecret(secretId: string): string | undefined {
    const account = /^arn:[^:]+:secretsmanager:[^:]*:([0-9]{12}):secret:/.exec(secretId)?.[1];
    return account === undefined ? undefined : this.#options.accounts?.[account];
  }

  /** AssumeRole calls and each role's client counters. */
  stats(): CrossAccountStats {
    const byRole: Record<string, SecretsClientStats> = {};
    for (const [role, client] of this.#clients) byRole[role] = client.stats();
    return Object.freeze({
      assumeRoleCalls: Object.freeze({ ...this.#calls }),
      byRole: Object.freeze(byRole),
    });
  }

  /** Closes every role's client and the STS client secretkit created. Idempotent. */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#close.abort();
    for (const client of this.#clients.values()) client.close();
    this.#clients.clear();
    this.#ownedSts?.destroy();
  }

  /** A summary without credentials. */
  toJSON(): Record<string, unknown> {
    return { type: 'CrossAccountSources', roles: [...this.#clients.keys()], closed: this.#closed };
  }

  /** Never shows credentials. */
  [inspect.custom](): string {
    return `CrossAccountSources ${inspect(this.toJSON())}`;
  }

  #stsClient(): STSClientLike {
    if (this.#sts === undefined) {
      const region = this.#options.clientConfig?.region;
      this.#ownedSts = new STSClient({
        ...(typeof region === 'string' ? { region } : {}),
        ...this.#options.stsConfig,
      });
      this.#sts = this.#ownedSts;
    }
    return this.#sts;
  }
}
