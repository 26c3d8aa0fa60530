/**
 * Thin typed write wrappers: create, put, update, delete, restore. Each sends to the primary
 * region and drops the secret's cached values, so the next read sees the write.
 */
import {
  CreateSecretCommand,
  type CreateSecretCommandOutput,
  DeleteSecretCommand,
  type DeleteSecretCommandOutput,
  PutSecretValueCommand,
  type PutSecretValueCommandOutput,
  RestoreSecretCommand,
  type RestoreSecretCommandOutput,
  UpdateSecretCommand,
  type UpdateSecretCommandOutput,
} from '@aws-sdk/client-secrets-manager';
import { SecretkitError } from '../errors/secretkit-error.js';
import { type SecretValueInput, toRequestValue } from './secret-value-input.js';
import { sendPrimary, type WriteContext } from './write-context.js';

/** A replica region to create, optionally with its own KMS key. */
export type ReplicaRegionInput =
  | string
  | {
      /** The replica's region, e.g. `eu-west-1`. */
      readonly region: string;
      /** KMS key (id, ARN or alias) in that region. @defaultValue the AWS managed key `aws/secretsmanager` */
      readonly kmsKeyId?: string | undefined;
    };

/** Input of `createSecret`. */
export interface CreateSecretInput {
  /** The secret's name (see docs/iam.md on names ending in `-` and six characters). */
  readonly name: string;
  /** The first value. */
  readonly value: SecretValueInput;
  /** Description shown in the console. */
  readonly description?: string | undefined;
  /** KMS key (id, ARN or alias) to encrypt with. @defaultValue the AWS managed key `aws/secretsmanager` */
  readonly kmsKeyId?: string | undefined;
  /** Tags. */
  readonly tags?: Readonly<Record<string, string>> | undefined;
  /** Regions to replicate to, each optionally with its own KMS key. */
  readonly replicaRegions?: readonly ReplicaRegionInput[] | undefined;
  /** Idempotency token (becomes the first version id). */
  readonly clientRequestToken?: string | undefined;
}

/** What a write returns. */
export interface WriteResult {
  /** Full ARN. */
  readonly arn: string;
  /** Name. */
  readonly name: string;
  /** The version the write created, if it created one. */
  readonly versionId?: string | undefined;
}

/** Options of `putSecretValue`. */
export interface PutSecretValueOptions {
  /** Labels for the new version. @defaultValue ['AWSCURRENT'] (AWS's default) */
  readonly versionStages?: readonly string[] | undefined;
  /** Idempotency token: the same token and value is a no-op; another value fails with ALREADY_EXISTS. */
  readonly clientRequestToken?: string | undefined;
}

/** Options of `updateSecret`. */
export interface UpdateSecretInput {
  /** A new value (creates a version labelled AWSCURRENT). */
  readonly value?: SecretValueInput | undefined;
  /** A new description. @defaultValue unchanged */
  readonly description?: string | undefined;
  /** A new KMS key (id, ARN or alias); applies to versions created from now on. @defaultValue unchanged */
  readonly kmsKeyId?: string | undefined;
  /** Idempotency token for the version `value` creates (becomes its version id). */
  readonly clientRequestToken?: string | undefined;
}

/** Options of `deleteSecret`: a recovery window, or immediate deletion. */
export type DeleteSecretOptions =
  | {
      /** Days (7–30) before the secret is deleted for good; restorable until then. @defaultValue 30 (AWS's default) */
      readonly recoveryWindowInDays?: number | undefined;
      /** Keep a recovery window. @defaultValue false */
      readonly forceDeleteWithoutRecovery?: false | undefined;
    }
  | {
      /** Delete at once, with no way to restore the secret. */
      readonly forceDeleteWithoutRecovery: true;
      /** Not allowed with `forceDeleteWithoutRecovery`. */
      readonly recoveryWindowInDays?: never;
    };

/** What `deleteSecret` returns. */
export interface DeleteResult extends WriteResult {
  /** When the secret will be deleted for good. */
  readonly deletionDate?: Date | undefined;
}

function replicaInput(replicas: readonly ReplicaRegionInput[] | undefined) {
  return replicas?.map((r) =>
    typeof r === 'string'
      ? { Region: r }
      : { Region: r.region, ...(r.kmsKeyId ? { KmsKeyId: r.kmsKeyId } : {}) },
  );
}

function tagInput(tags: Readonly<Record<string, string>> | undefined) {
  return tags ? Object.entries(tags).map(([Key, Value]) => ({ Key, Value })) : undefined;
}

function result(
  out: { ARN?: string | undefined; Name?: string | undefined; VersionId?: string | undefined },
  id: string,
) {
  return { arn: out.ARN ?? id, name: out.Name ?? id, versionId: out.VersionId };
}

/**
 * Creates a secret (string, JSON or binary; KMS key; tags; replicas).
 *
 * @throws SecretkitError `INVALID_ARGUMENT` (no name, bad value), `ALREADY_EXISTS`, `ACCESS_DENIED`, `INVALID_REQUEST`
 */
export async function createSecret(ctx: WriteContext, input: CreateSecretInput): Promise<WriteResult> {
  if (typeof input?.name !== 'string' || input.name.length === 0) {
    throw new SecretkitError('INVALID_ARGUMENT', 'createSecret needs a `name`.');
  }
  const out = await sendPrimary<CreateSecretCommandOutput>(
    ctx,
    'CreateSecret',
    input.name,
    new CreateSecretCommand({
      Name: input.name,
      ...toRequestValue(input.value, input.name),
      Description: input.description,
      KmsKeyId: input.kmsKeyId,
      Tags: tagInput(input.tags),
      AddReplicaRegions: replicaInput(input.replicaRegions),
      ClientRequestToken: input.clientRequestToken,
    }),
  );
  ctx.invalidate(input.name);
  return result(out, input.name);
}

/**
 * Puts a new version (AWSCURRENT unless `versionStages` says otherwise).
 *
 * @throws SecretkitError `INVALID_ARGUMENT` (bad value), `NOT_FOUND`, `DELETED`, `ALREADY_EXISTS`, `REPLICA_WRITE`
 */
export async function putSecretValue(
  ctx: WriteContext,
  secretId: string,
  value: SecretValueInput,
  options: PutSecretValueOptions = {},
): Promise<
  WriteResult & {
    /** The staging labels AWS put on the new version. */
    readonly versionStages: readonly string[];
  }
> {
  const out = await sendPrimary<PutSecretValueCommandOutput>(
    ctx,
    'PutSecretValue',
    secretId,
    new PutSecretValueCommand({
      SecretId: secretId,
      ...toRequestValue(value, secretId),
      VersionStages: options.versionStages ? [...options.versionStages] : undefined,
      ClientRequestToken: options.clientRequestToken,
    }),
  );
  ctx.invalidate(secretId);
  if (out.ARN) ctx.invalidate(out.ARN);
  if (out.Name) ctx.invalidate(out.Name);
  return { ...result(out, secretId), versionStages: out.VersionStages ?? [] };
}

/**
 * Updates a secret's value, description or KMS key.
 *
 * @throws SecretkitError `INVALID_ARGUMENT` (bad value), `NOT_FOUND`, `DELETED`, `REPLICA_WRITE`, `INVALID_REQUEST`
 */
export async function updateSecret(
  ctx: WriteContext,
  secretId: string,
  input: UpdateSecretInput,
): Promise<WriteResult> {
  const out = await sendPrimary<UpdateSecretCommandOutput>(
    ctx,
    'UpdateSecret',
    secretId,
    new UpdateSecretCommand({
      SecretId: secretId,
      ...(input.value ? toRequestValue(input.value, secretId) : {}),
      Description: input.description,
      KmsKeyId: input.kmsKeyId,
      ClientRequestToken: input.clientRequestToken,
    }),
  );
  ctx.invalidate(secretId);
  if (out.Name) ctx.invalidate(out.Name);
  return result(out, secretId);
}

/**
 * Deletes a secret after a recovery window (7–30 days, AWS's default 30), or at once.
 *
 * @throws SecretkitError `INVALID_ARGUMENT` (window outside 7–30), `NOT_FOUND`, `INVALID_REQUEST`
 */
export async function deleteSecret(
  ctx: WriteContext,
  secretId: string,
  options: DeleteSecretOptions = {},
): Promise<DeleteResult> {
  const days = options.recoveryWindowInDays;
  if (days !== undefined && (!Number.isInteger(days) || days < 7 || days > 30)) {
    throw new SecretkitError('INVALID_ARGUMENT', 'recoveryWindowInDays must be an integer from 7 to 30.', {
      secretId,
    });
  }
  const out = await sendPrimary<DeleteSecretCommandOutput>(
    ctx,
    'DeleteSecret',
    secretId,
    new DeleteSecretCommand({
      SecretId: secretId,
      RecoveryWindowInDays: days,
      ForceDeleteWithoutRecovery: options.forceDeleteWithoutRecovery || undefined,
    }),
  );
  ctx.invalidate(secretId);
  if (out.Name) ctx.invalidate(out.Name);
  return { ...result(out, secretId), deletionDate: out.DeletionDate };
}

/**
 * Cancels a scheduled deletion.
 *
 * @throws SecretkitError `NOT_FOUND`, `INVALID_REQUEST`
 */
export async function restoreSecret(ctx: WriteContext, secretId: string): Promise<WriteResult> {
  const out = await sendPrimary<RestoreSecretCommandOutput>(
    ctx,
    'RestoreSecret',
    secretId,
    new RestoreSecretCommand({ SecretId: secretId }),
  );
  ctx.invalidate(secretId);
  if (out.Name) ctx.invalidate(out.Name);
  return result(out, secretId);
}
