/**
 * The seam between a `SecretsClient` and region failover. A reader without `failover` reads its
 * one region through client/primary-router.ts and never loads the failover router, circuit
 * breakers or replica sets: only this module, which holds types and one lookup. An object made
 * by `failover()` (secretkit/failover, failover/failover.ts) carries, under {@link FAILOVER_PLAN},
 * what builds the full router for a client.
 */
import type { SecretsManagerClientLike } from '../sdk/client-like.js';
import type { ReplicaSetReport } from './replica-sets.js';
import type { RegionRouter, RouterEvent } from './types.js';

/**
 * The key under which a failover object carries its {@link FailoverPlan}. `Symbol.for`, so a
 * client of one copy of secretkit accepts the object of another (ESM and CommonJS in one app).
 */
export const FAILOVER_PLAN: unique symbol = Symbol.for('secretkit/failoverPlan');

declare const madeByFailover: unique symbol;

/**
 * Region failover for a `SecretsClient`, as `failover()` (secretkit/failover) makes it: pass it
 * as the `failover` option. Only `failover()` makes one (a look-alike object is rejected with
 * `INVALID_ARGUMENT`); it holds no client state, so one can serve many clients.
 */
export interface Failover {
  /** Marks a failover object. */
  readonly kind: 'failover';
  /** The replica regions, in failover order. */
  readonly replicaRegions: readonly string[];
  /** @internal */
  readonly [madeByFailover]: true;
}

/** What the client gives a failover plan to build its router from. */
export interface RouterBase {
  /** The primary region (tried first; writes go there). */
  readonly primaryRegion: string;
  /** The (counted, budgeted) client of a region; called lazily, once per region. */
  readonly clientFactory: (region: string) => SecretsManagerClientLike;
  /** Called on close() for each client the factory returned. */
  readonly destroyClient: (region: string, client: SecretsManagerClientLike) => void;
  /** Deadline of one attempt in one region. */
  readonly regionTimeoutMs: number;
  /** Decides fault vs answer (errors/classify.ts). */
  readonly isFault: (error: unknown) => boolean;
  /** The client's clock. */
  readonly clock: { now(): number };
  /** Receives the router's events. */
  readonly onEvent: (event: RouterEvent) => void;
  /** The region-free ARN a name was last answered with (the cache's identity), if known. */
  readonly knownArnOf: (name: string) => string | undefined;
  /** Bound of the per-secret state the plan keeps (the cache's `maxEntries`). */
  readonly maxEntries: number;
}

/** Where a failover plan keeps what DescribeSecret said about each secret's replicas. */
export interface ReplicaSetStore {
  /** Records where a secret is (failover/replica-sets.ts). */
  note(report: ReplicaSetReport): void;
  /** Forgets it (by any id). */
  forget(secretId: string): void;
}

/** What a failover object does for one client. */
export interface FailoverPlan {
  /** The replica regions (validated), for the client's region and client checks. */
  readonly replicaRegions: readonly string[];
  /** Builds the client's router over every region, and the store of per-secret replica sets. */
  createRouter(base: RouterBase): { readonly router: RegionRouter; readonly replicaSets: ReplicaSetStore };
}

/** The plan of a failover object, or undefined when `value` is not one. */
export function failoverPlan(value: unknown): FailoverPlan | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const plan = (value as { [FAILOVER_PLAN]?: unknown })[FAILOVER_PLAN];
  return typeof plan === 'object' &&
    plan !== null &&
    typeof (plan as FailoverPlan).createRouter === 'function'
    ? (plan as FailoverPlan)
    : undefined;
}
