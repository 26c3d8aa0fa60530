/**
 * The state of the in-memory Secrets Manager: secrets (each living in its primary region,
 * optionally replicated), their versions and staging labels. Shared by every per-region client.
 */
import type { RotationRulesType, Tag } from '@aws-sdk/client-secrets-manager';

/** One version of a secret: an immutable value (none for RotateSecret's AWSPENDING placeholder) plus its (mutable) staging labels. */
export interface StoredVersion {
  readonly versionId: string;
  readonly secretString?: string | undefined;
  readonly secretBinary?: Uint8Array | undefined;
  /** Staging labels, in the order they were attached. An empty set means "deprecated". */
  readonly stages: Set<string>;
  readonly createdDate: Date;
  /** The KMS key the version was encrypted with (the secret's key at the time), if not the default. */
  readonly kmsKeyId?: string | undefined;
  lastAccessedDate?: Date | undefined;
}

/** The state of one replica of a secret in another region. */
export interface StoredReplica {
  readonly region: string;
  readonly kmsKeyId?: string | undefined;
  /** `Failed` when a secret with the same name already existed there. */
  readonly status: 'InSync' | 'Failed';
  readonly statusMessage: string;
  lastAccessedDate?: Date | undefined;
}

/** Rotation configuration as recorded by RotateSecret / CancelRotateSecret. */
export interface StoredRotation {
  enabled: boolean;
  lambdaArn?: string | undefined;
  rules?: RotationRulesType | undefined;
  lastRotatedDate?: Date | undefined;
  nextRotationDate?: Date | undefined;
}

/** One secret, held by its primary region. */
export interface StoredSecret {
  readonly name: string;
  /** Primary region. */
  region: string;
  readonly accountId: string;
  readonly partition: string;
  /** The random 6-character ARN suffix. */
  readonly suffix: string;
  description?: string | undefined;
  kmsKeyId?: string | undefined;
  tags: Tag[];
  /** Versions in creation order. */
  readonly versions: Map<string, StoredVersion>;
  readonly createdDate: Date;
  lastChangedDate: Date;
  lastAccessedDate?: Date | undefined;
  /** When DeleteSecret was called; set while the secret is scheduled for deletion. */
  deletedDate?: Date | undefined;
  /** When the secret is purged (end of the recovery window). */
  deletionDate?: Date | undefined;
  rotation?: StoredRotation | undefined;
  readonly replicas: Map<string, StoredReplica>;
  resourcePolicy?: string | undefined;
}

/** A secret as seen from one region: the primary itself, or one of its replicas. */
export interface RegionalSecret {
  readonly secret: StoredSecret;
  /** The region the caller asked. */
  readonly region: string;
  /** Set when the caller's region holds a replica, not the primary. */
  readonly replica?: StoredReplica | undefined;
}

/** All secrets of the fake (one account). */
export class SecretStore {
  /** Every secret, in creation order. */
  readonly secrets: StoredSecret[] = [];
  /** The secrets of each name (one per region at most), in creation order. */
  readonly #named = new Map<string, StoredSecret[]>();
  /** Secrets scheduled for deletion (purgeExpired looks at these only). */
  readonly #scheduled = new Set<StoredSecret>();

  /** Secrets visible in `region` (primaries there, and in-sync replicas), in creation order. */
  inRegion(region: string): RegionalSecret[] {
    const out: RegionalSecret[] = [];
    for (const secret of this.secrets) {
      const found = visibleIn(secret, region);
      if (found) out.push(found);
    }
    return out;
  }

  /**
   * The first secret visible in `region` (in creation order) for which `test` holds: the same
   * as `inRegion(region).find(...)`, without building the list (lookups stay cheap with
   * thousands of secrets, as in the benchmarks).
   */
  findIn(region: string, test: (secret: StoredSecret) => boolean): RegionalSecret | undefined {
    for (const secret of this.secrets) {
      if (!test(secret)) continue;
      const found = visibleIn(secret, region);
      if (found) return found;
    }
    return undefined;
  }

  /** The secret named `name` visible in `region`, if any (found by name, not by a scan). */
  byName(region: string, name: string): RegionalSecret | undefined {
    for (const secret of this.#named.get(name) ?? []) {
      const found = visibleIn(secret, region);
      if (found) return found;
    }
    return undefined;
  }

  /** Adds a secret. */
  add(secret: StoredSecret): void {
    this.secrets.push(secret);
    const named = this.#named.get(secret.name);
    if (named) named.push(secret);
    else this.#named.set(secret.name, [secret]);
  }

  /** Removes a secret for good. */
  remove(secret: StoredSecret): void {
    this.#scheduled.delete(secret);
    const i = this.secrets.indexOf(secret);
    if (i >= 0) this.secrets.splice(i, 1);
    const named = this.#named.get(secret.name);
    const j = named?.indexOf(secret) ?? -1;
    if (named && j >= 0) named.splice(j, 1);
    if (named?.length === 0) this.#named.delete(secret.name);
  }

  /** Schedules `secret`'s purge at `date` (DeleteSecret with a recovery window). */
  scheduleDeletion(secret: StoredSecret, deletedDate: Date, date: Date): void {
    secret.deletedDate = deletedDate;
    secret.deletionDate = date;
    this.#scheduled.add(secret);
  }

  /** Cancels a scheduled purge (RestoreSecret). */
  cancelDeletion(secret: StoredSecret): void {
    secret.deletedDate = undefined;
    secret.deletionDate = undefined;
    this.#scheduled.delete(secret);
  }

  /**
   * Purges secrets whose recovery window ended before `now`. Runs before every call, so it
   * looks only at the secrets scheduled for deletion, not at every secret.
   */
  purgeExpired(now: number): void {
    if (this.#scheduled.size === 0) return;
    for (const secret of [...this.#scheduled]) {
      if (secret.deletionDate !== undefined && secret.deletionDate.getTime() <= now) this.remove(secret);
    }
  }

  /** Forgets everything. */
  clear(): void {
    this.secrets.length = 0;
    this.#named.clear();
    this.#scheduled.clear();
  }
}

/** `secret` as seen from `region`: its primary there, or an in-sync replica there. */
function visibleIn(secret: StoredSecret, region: string): RegionalSecret | undefined {
  if (secret.region === region) return { secret, region };
  const replica = secret.replicas.get(region);
  return replica?.status === 'InSync' ? { secret, region, replica } : undefined;
}
