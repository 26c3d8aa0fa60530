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

  /** Secrets visible in `region` (primaries there, and in-sync replicas), in creation order. */
  inRegion(region: string): RegionalSecret[] {
    const out: RegionalSecret[] = [];
    for (const secret of this.secrets) {
      if (secret.region === region) out.push({ secret, region });
      else {
        const replica = secret.replicas.get(region);
        if (replica?.status === 'InSync') out.push({ secret, region, replica });
      }
    }
    return out;
  }

  /** The secret named `name` visible in `region`, if any. */
  byName(region: string, name: string): RegionalSecret | undefined {
    return this.inRegion(region).find((r) => r.secret.name === name);
  }

  /** Adds a secret. */
  add(secret: StoredSecret): void {
    this.secrets.push(secret);
  }

  /** Removes a secret for good. */
  remove(secret: StoredSecret): void {
    const i = this.secrets.indexOf(secret);
    if (i >= 0) this.secrets.splice(i, 1);
  }

  /** Purges secrets whose recovery window ended before `now`. */
  purgeExpired(now: number): void {
    for (const secret of [...this.secrets]) {
      if (secret.deletionDate !== undefined && secret.deletionDate.getTime() <= now) this.remove(secret);
    }
  }

  /** Forgets everything. */
  clear(): void {
    this.secrets.length = 0;
  }
}
