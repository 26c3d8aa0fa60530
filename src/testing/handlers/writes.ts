/**
 * Writes of values: CreateSecret, PutSecretValue and UpdateSecret, with ClientRequestToken
 * idempotency (same token and value: no-op; same token, other value: ResourceExistsException).
 */
import type {
  CreateSecretCommandInput,
  CreateSecretCommandOutput,
  PutSecretValueCommandInput,
  PutSecretValueCommandOutput,
  UpdateSecretCommandInput,
  UpdateSecretCommandOutput,
} from '@aws-sdk/client-secrets-manager';
import { partitionOf, secretArn } from '../arn.js';
import type { Handler, Output } from '../context.js';
import { replicationStatus } from '../describe.js';
import { arnIn, requireWritable } from '../lookup.js';
import { addReplicas, checkReplicaRegions } from '../replicas.js';
import type { StoredSecret } from '../store.js';
import {
  AWSCURRENT,
  addVersion,
  checkToken,
  checkValue,
  existingVersion,
  fillPlaceholder,
  hasValue,
  isPlaceholder,
  type SecretValue,
} from '../versions.js';

const NAME_PATTERN = /^[A-Za-z0-9/_+=.@-]{1,512}$/;

function valueFrom(input: {
  SecretString?: string | undefined;
  SecretBinary?: Uint8Array | undefined;
}): SecretValue {
  return { secretString: input.SecretString, secretBinary: input.SecretBinary };
}

/** CreateSecret: a new secret, with a first version when a value is given. */
export const createSecret: Handler<CreateSecretCommandInput, Output<CreateSecretCommandOutput>> = (
  ctx,
  input,
) => {
  const name = input.Name;
  if (name === undefined || !NAME_PATTERN.test(name)) {
    throw ctx.errors.invalidParameter(
      'Invalid name. Must be a valid name containing alphanumeric characters, or any of the following: -/_+=.@!',
    );
  }
  const value = valueFrom(input);
  checkValue(ctx, value, false);
  checkToken(ctx, input.ClientRequestToken);
  const existing = ctx.store.byName(ctx.region, name);
  if (existing) {
    if (existing.secret.deletedDate !== undefined && !existing.replica) {
      throw ctx.errors.invalidRequest(
        "You can't create this secret because a secret with this name is already scheduled for deletion.",
      );
    }
    const retried = existing.replica
      ? undefined
      : existingVersion(ctx, existing.secret, input.ClientRequestToken, value);
    if (retried) return { ARN: arnIn(existing), Name: name, VersionId: retried.versionId };
    throw ctx.errors.exists(`The operation failed because the secret ${name} already exists.`);
  }
  checkReplicaRegions(ctx, input.AddReplicaRegions);
  const now = ctx.now();
  const secret: StoredSecret = {
    name,
    region: ctx.region,
    accountId: ctx.accountId,
    partition: partitionOf(ctx.region),
    suffix: ctx.newSuffix(),
    description: input.Description,
    kmsKeyId: input.KmsKeyId,
    tags: (input.Tags ?? []).map((t) => ({ ...t })),
    versions: new Map(),
    createdDate: now,
    lastChangedDate: now,
    replicas: new Map(),
  };
  ctx.store.add(secret);
  const out: Output<CreateSecretCommandOutput> = { ARN: secretArn(secret), Name: name };
  if (hasValue(value)) {
    out.VersionId = addVersion(
      ctx,
      secret,
      input.ClientRequestToken ?? ctx.newVersionId(),
      value,
      undefined,
    ).versionId;
  }
  if (input.AddReplicaRegions && input.AddReplicaRegions.length > 0) {
    addReplicas(ctx, secret, input.AddReplicaRegions, input.ForceOverwriteReplicaSecret === true);
    out.ReplicationStatus = replicationStatus(secret);
  }
  return out;
};

/**
 * PutSecretValue: a new version with the given labels (AWSCURRENT by default). With the token
 * of RotateSecret's value-less AWSPENDING placeholder, it puts the value into that version.
 */
export const putSecretValue: Handler<PutSecretValueCommandInput, Output<PutSecretValueCommandOutput>> = (
  ctx,
  input,
) => {
  const found = requireWritable(ctx, input.SecretId);
  const value = valueFrom(input);
  checkValue(ctx, value, true);
  checkToken(ctx, input.ClientRequestToken);
  const token = input.ClientRequestToken;
  const placeholder = token === undefined ? undefined : found.secret.versions.get(token);
  const stages = input.VersionStages?.length ? input.VersionStages : [AWSCURRENT];
  const version =
    placeholder && isPlaceholder(placeholder)
      ? fillPlaceholder(ctx, found.secret, placeholder, value, stages)
      : (existingVersion(ctx, found.secret, token, value) ??
        addVersion(ctx, found.secret, token ?? ctx.newVersionId(), value, input.VersionStages));
  return {
    ARN: arnIn(found),
    Name: found.secret.name,
    VersionId: version.versionId,
    VersionStages: [...version.stages],
  };
};

/** UpdateSecret: description / KMS key, and a new AWSCURRENT version when a value is given. */
export const updateSecret: Handler<UpdateSecretCommandInput, Output<UpdateSecretCommandOutput>> = (
  ctx,
  input,
) => {
  const found = requireWritable(ctx, input.SecretId);
  const { secret } = found;
  const value = valueFrom(input);
  checkValue(ctx, value, false);
  checkToken(ctx, input.ClientRequestToken);
  if (input.Description !== undefined) secret.description = input.Description;
  if (input.KmsKeyId !== undefined) secret.kmsKeyId = input.KmsKeyId;
  secret.lastChangedDate = ctx.now();
  const out: Output<UpdateSecretCommandOutput> = { ARN: arnIn(found), Name: secret.name };
  if (hasValue(value)) {
    const version =
      existingVersion(ctx, secret, input.ClientRequestToken, value) ??
      addVersion(ctx, secret, input.ClientRequestToken ?? ctx.newVersionId(), value, undefined);
    out.VersionId = version.versionId;
  }
  return out;
};
