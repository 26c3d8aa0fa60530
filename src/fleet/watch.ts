/**
 * `watch(client, id, onChange)`: for environments without events. While at least one listener
 * is subscribed, polls DescribeSecret (the cheapest call that reveals a new version: its
 * `VersionIdsToStages`, no value, no KMS decrypt) every `intervalMs` with jitter. Each new
 * AWSCURRENT version fires each listener exactly once with the old and new version ids (never a
 * value), after dropping the client's cached values of the secret (and, over the Agent, asking
 * it to refresh). Each poll also records `NextRotationDate`, which caps the cache's expiry at the
 * next rotation. The last unsubscribe stops the polling. Timers are unref'd.
 */
import { DescribeSecretCommand, type DescribeSecretCommandOutput } from '@aws-sdk/client-secrets-manager';
import { SDK_ACCESS } from '../client/sdk-access.js';
import type { SecretsClient } from '../client/secrets-client.js';
import { SecretkitError } from '../errors/secretkit-error.js';
import { send } from '../sdk/send.js';
import { transportRefreshNext } from '../transport/select.js';

/** A new AWSCURRENT version. */
export interface VersionChange {
  /** The id watched. */
  readonly secretId: string;
  /** The previous AWSCURRENT version id. */
  readonly previousVersionId: string;
  /** The new AWSCURRENT version id. */
  readonly versionId: string;
}

/** Options of {@link watch}. */
export interface WatchOptions {
  /** Mean time between polls. @defaultValue 60_000 */
  readonly intervalMs?: number | undefined;
  /** Each wait is ±this fraction of `intervalMs`, at random. @defaultValue 0.2 */
  readonly jitterRatio?: number | undefined;
  /** Called with each failed poll (polling goes on). */
  readonly onError?: ((error: unknown) => void) | undefined;
  /** Injectable scheduler (tests). @defaultValue an unref'd setTimeout */
  readonly schedule?: ((run: () => void, ms: number) => () => void) | undefined;
  /** Injectable randomness in [0, 1). @defaultValue Math.random */
  readonly random?: (() => number) | undefined;
}

interface Poller {
  readonly listeners: Set<(change: VersionChange) => void>;
  current: string | undefined;
  cancel: (() => void) | undefined;
  stopped: boolean;
}

const pollers = new WeakMap<SecretsClient, Map<string, Poller>>();

const defaultSchedule = (run: () => void, ms: number): (() => void) => {
  const timer = setTimeout(run, ms);
  timer.unref?.();
  return () => clearTimeout(timer);
};

function currentVersion(stages: Readonly<Record<string, readonly string[]>>): string | undefined {
  for (const [id, labels] of Object.entries(stages)) if (labels.includes('AWSCURRENT')) return id;
  return undefined;
}

/**
 * Watches a secret for new versions.
 *
 * @param client - the SecretsClient whose cache a change invalidates (and whose DescribeSecret is used)
 * @param secretId - name, ARN or partial ARN
 * @param onChange - called once per new version, per listener
 * @param options - interval, jitter, error listener
 * @returns unsubscribe (idempotent); the last one stops polling
 * @throws SecretkitError `INVALID_ARGUMENT` for bad options
 */
export function watch(
  client: SecretsClient,
  secretId: string,
  onChange: (change: VersionChange) => void,
  options: WatchOptions = {},
): () => void {
  const intervalMs = options.intervalMs ?? 60_000;
  const jitter = options.jitterRatio ?? 0.2;
  if (!(intervalMs >= 1_000) || !Number.isFinite(intervalMs)) {
    throw new SecretkitError('INVALID_ARGUMENT', '`intervalMs` must be at least 1000.');
  }
  if (!(jitter >= 0 && jitter < 1))
    throw new SecretkitError('INVALID_ARGUMENT', '`jitterRatio` must be in [0, 1).');
  if (typeof onChange !== 'function')
    throw new SecretkitError('INVALID_ARGUMENT', '`onChange` must be a function.');
  const schedule = options.schedule ?? defaultSchedule;
  const random = options.random ?? Math.random;
  let byId = pollers.get(client);
  if (!byId) {
    byId = new Map();
    pollers.set(client, byId);
  }
  let poller = byId.get(secretId);
  const table = byId;
  if (!poller) {
    const p: Poller = { listeners: new Set(), current: undefined, cancel: undefined, stopped: false };
    poller = p;
    table.set(secretId, p);
    const next = (): void => {
      if (p.stopped) return;
      const wait = intervalMs * (1 - jitter + 2 * jitter * random());
      p.cancel = schedule(() => void poll(), wait);
    };
    const poll = async (): Promise<void> => {
      try {
        const access = client[SDK_ACCESS]();
        const out = await send<DescribeSecretCommandOutput>(
          access.client,
          new DescribeSecretCommand({ SecretId: secretId }),
          { ...access.call, operation: 'DescribeSecret', region: access.region, secretId },
        );
        const version = currentVersion(out.VersionIdsToStages ?? {});
        if (p.stopped) return;
        if (version !== undefined && p.current !== undefined && version !== p.current) {
          const change: VersionChange = { secretId, previousVersionId: p.current, versionId: version };
          transportRefreshNext(client, [secretId]);
          client.invalidate(secretId);
          for (const listener of [...p.listeners]) {
            try {
              listener(change);
            } catch {
              // a listener must not stop the watch
            }
          }
        }
        if (version !== undefined) p.current = version;
      } catch (error) {
        if (isClosed(error)) {
          p.stopped = true;
          table.delete(secretId);
          return;
        }
        try {
          options.onError?.(error);
        } catch {
          // ignore
        }
      }
      next();
    };
    void poll(); // the first poll learns the current version
  }
  const listener = (change: VersionChange): void => onChange(change);
  poller.listeners.add(listener);
  const owner = poller;
  return () => {
    if (!owner.listeners.delete(listener) || owner.listeners.size > 0) return;
    owner.stopped = true;
    owner.cancel?.();
    if (table.get(secretId) === owner) table.delete(secretId);
  };
}

function isClosed(error: unknown): boolean {
  return error instanceof SecretkitError && error.code === 'CLIENT_CLOSED';
}
