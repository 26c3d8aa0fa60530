/**
 * Which regions hold a secret, as AWS reported it, and the attempt order of a read that follows
 * from it (see docs/multi-region.md, "Which replicas a read tries").
 *
 * `replicaRegions` is set per client, but not every secret is replicated to every region it
 * lists. DescribeSecret (asked by the admin client, secretkit/admin) says where a secret is:
 * its primary region and, in `ReplicationStatus`, each replica region with a status. The
 * client keeps those regions per secret here, and the router sends a secret's replica attempts
 * only to the client's replica regions that hold it. What is not known (never described, or
 * forgotten) falls back to the client-wide list, as before.
 *
 * Nothing is learned from a read: a replica's "not found" may mean a missing version or stage,
 * not a missing secret, so it never removes a region.
 */
import {
  isSecretArn,
  parseSecretArn,
  secretIdentityOf,
  secretNamesOf,
  withoutRegion,
} from '../arn/secret-arn.js';
import { UNKNOWN_REGION } from './region-id.js';

/** What DescribeSecret said about where a secret is (the admin client's report). */
export interface ReplicaSetReport {
  /** The secret's name, as AWS returned it. */
  readonly name: string;
  /** The secret's ARN, as AWS returned it (the region-free ARN pins ARN reads to this secret). */
  readonly arn: string | undefined;
  /** The region whose endpoint answered the DescribeSecret. */
  readonly answeredIn: string;
  /** `PrimaryRegion` of the answer (AWS sets it on replicas and on primaries with replicas). */
  readonly primaryRegion: string | undefined;
  /** `ReplicationStatus` of the answer: each replica region and its status. */
  readonly replicas: ReadonlyArray<{ readonly region: string; readonly status: string | undefined }>;
}

interface KnownSet {
  /** The secret's ARN without its region, when AWS returned a well-formed one. */
  readonly identity: string | undefined;
  /** The primary region and every replica region whose status is not `Failed`. */
  readonly regions: ReadonlySet<string>;
}

/**
 * The regions that hold each secret, by secret name, learned from DescribeSecret. Bounded:
 * beyond `max` names the oldest is forgotten, which only means the client-wide list again.
 */
export class KnownReplicaSets {
  readonly #sets = new Map<string, KnownSet>();
  readonly #max: number;

  /** @param max - most names remembered */
  constructor(max: number) {
    this.#max = max;
  }

  /**
   * Records where a secret is. Kept only from the secret's primary region: a replica's answer
   * need not list the other replicas, so it forgets instead. A replica whose status is `Failed`
   * does not hold the secret (often because another secret of that name already exists there)
   * and is left out; `InSync` and `InProgress` ones are kept (an `InProgress` replica becomes
   * `InSync` without the reader hearing of it).
   */
  note(report: ReplicaSetReport): void {
    const { name, answeredIn, primaryRegion } = report;
    this.#sets.delete(name);
    if (primaryRegion !== undefined && primaryRegion !== answeredIn) return;
    if (answeredIn === UNKNOWN_REGION) return;
    const regions = new Set([answeredIn]);
    for (const replica of report.replicas) if (replica.status !== 'Failed') regions.add(replica.region);
    const identity = report.arn === undefined ? undefined : secretIdentityOf(report.arn, name);
    if (this.#sets.size >= this.#max) {
      const oldest = this.#sets.keys().next().value;
      if (oldest !== undefined) this.#sets.delete(oldest);
    }
    this.#sets.set(name, { identity, regions });
  }

  /** Forgets what is known of a secret (by any id: name, ARN, partial ARN). */
  forget(secretId: string): void {
    for (const name of secretNamesOf(secretId)) this.#sets.delete(name);
  }

  /**
   * The regions known to hold the secret `secretId` denotes, or `undefined` when unknown. A
   * name is taken as a secret of the reader's own account; an ARN must be the described
   * secret's (account, name and, for a full ARN, suffix).
   */
  regionsFor(secretId: string): ReadonlySet<string> | undefined {
    if (this.#sets.size === 0) return undefined;
    if (!secretId.startsWith('arn:')) return this.#sets.get(secretId)?.regions;
    const id = withoutRegion(secretId);
    let found: ReadonlySet<string> | undefined;
    for (const name of secretNamesOf(secretId)) {
      const known = this.#sets.get(name);
      if (known?.identity === undefined) continue;
      // A full ARN equals the identity; a partial ARN is the identity without "-XXXXXX".
      if (id !== known.identity && id !== known.identity.slice(0, -7)) continue;
      if (found !== undefined && found !== known.regions) return undefined; // ambiguous
      found = known.regions;
    }
    return found;
  }
}

/**
 * The regions a read of `secretId` tries, in order.
 *
 * - The read's *anchor* is the region where the id surely means the secret the caller meant:
 *   the ARN's own region for a partial ARN, the ARN's region for a full ARN, else the primary.
 *   A known set applies only when it holds the anchor (otherwise it describes another secret
 *   of the same name, or is out of date, and the read falls back to the client-wide list).
 * - With a known set: the primary, then only the replica regions in the set.
 * - A partial ARN of a replica region is read in that region first, as given; never in the
 *   primary (rewritten to the primary it would name the primary's secret of that name, which is
 *   another secret unless replicated); then in the other replica regions the set allows.
 *
 * @param regions - the client's regions, primary first
 * @param secretId - the id read
 * @param known - the regions known to hold the secret (see {@link KnownReplicaSets.regionsFor})
 * @returns `regions` itself when nothing narrows it
 */
export function attemptOrder(
  regions: readonly string[],
  secretId: string,
  known: ReadonlySet<string> | undefined,
): readonly string[] {
  const primary = regions[0];
  if (primary === undefined || primary === UNKNOWN_REGION || regions.length === 1) return regions;
  let anchor = primary;
  let partial = false;
  if (isSecretArn(secretId)) {
    const parts = parseSecretArn(secretId);
    anchor = parts.region;
    partial = parts.suffix === undefined;
  }
  const held = known?.has(anchor) === true ? known : undefined;
  if (partial && anchor !== primary) {
    // A partial ARN of a region outside the client is refused by the attempt (region-id.ts).
    if (!regions.includes(anchor)) return regions;
    return [anchor, ...regions.filter((r) => r !== primary && r !== anchor && (held?.has(r) ?? true))];
  }
  if (held === undefined) return regions;
  return regions.filter((r, i) => i === 0 || held.has(r));
}
