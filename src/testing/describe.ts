/**
 * The metadata shape shared by DescribeSecret and ListSecrets entries.
 */
import type { ReplicationStatusType, SecretListEntry } from '@aws-sdk/client-secrets-manager';
import { arnIn } from './lookup.js';
import type { RegionalSecret, StoredSecret } from './store.js';

/** The default KMS key alias the service reports for replicas without their own key. */
export const DEFAULT_KMS_ALIAS = 'alias/aws/secretsmanager';

const copyDate = (d: Date | undefined): Date | undefined => (d === undefined ? undefined : new Date(d));

/** ReplicationStatus entries of a primary secret. */
export function replicationStatus(secret: StoredSecret): ReplicationStatusType[] {
  return [...secret.replicas.values()].map((r) => {
    const status: ReplicationStatusType = {
      Region: r.region,
      KmsKeyId: r.kmsKeyId ?? DEFAULT_KMS_ALIAS,
      Status: r.status,
      StatusMessage: r.statusMessage,
    };
    if (r.lastAccessedDate) status.LastAccessedDate = new Date(r.lastAccessedDate);
    return status;
  });
}

/**
 * Metadata of a secret as seen from the caller's region (no version map). Optional fields
 * are left out when unset, as the service does.
 */
export function secretMetadata(found: RegionalSecret): SecretListEntry & {
  ReplicationStatus?: ReplicationStatusType[] | undefined;
} {
  const { secret, replica } = found;
  const out: SecretListEntry & { ReplicationStatus?: ReplicationStatusType[] | undefined } = {
    ARN: arnIn(found),
    Name: secret.name,
    LastChangedDate: new Date(secret.lastChangedDate),
    CreatedDate: new Date(secret.createdDate),
    PrimaryRegion: secret.region,
  };
  if (secret.description !== undefined) out.Description = secret.description;
  const kmsKeyId = replica ? replica.kmsKeyId : secret.kmsKeyId;
  if (kmsKeyId !== undefined) out.KmsKeyId = kmsKeyId;
  const lastAccessed = copyDate(replica ? replica.lastAccessedDate : secret.lastAccessedDate);
  if (lastAccessed) out.LastAccessedDate = lastAccessed;
  if (secret.deletedDate) out.DeletedDate = new Date(secret.deletedDate);
  if (secret.tags.length > 0) out.Tags = secret.tags.map((t) => ({ ...t }));
  const rotation = secret.rotation;
  if (rotation) {
    out.RotationEnabled = rotation.enabled;
    if (rotation.lambdaArn !== undefined) out.RotationLambdaARN = rotation.lambdaArn;
    if (rotation.rules !== undefined) out.RotationRules = { ...rotation.rules };
    const last = copyDate(rotation.lastRotatedDate);
    if (last) out.LastRotatedDate = last;
    const next = copyDate(rotation.nextRotationDate);
    if (rotation.enabled && next) out.NextRotationDate = next;
  }
  if (!replica && secret.replicas.size > 0) out.ReplicationStatus = replicationStatus(secret);
  return out;
}
