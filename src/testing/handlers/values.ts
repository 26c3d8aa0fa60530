/**
 * Reads of secret values: GetSecretValue and BatchGetSecretValue.
 */
import {
  type APIErrorType,
  type BatchGetSecretValueCommandInput,
  type BatchGetSecretValueCommandOutput,
  type GetSecretValueCommandInput,
  type GetSecretValueCommandOutput,
  SecretsManagerServiceException,
  type SecretValueEntry,
} from '@aws-sdk/client-secrets-manager';
import type { Handler, HandlerContext, Output } from '../context.js';
import { checkFilters, matchesFilters } from '../filters.js';
import { arnIn, requireReadable } from '../lookup.js';
import { paginate } from '../paging.js';
import type { RegionalSecret, StoredVersion } from '../store.js';
import { AWSCURRENT, dayOf, holderOf, isPlaceholder } from '../versions.js';

const BATCH_LIMIT = 20;

/** The version a read selects: by id, by label (default AWSCURRENT), or both when they agree. */
export function selectVersion(
  ctx: HandlerContext,
  found: RegionalSecret,
  versionId: string | undefined,
  versionStage: string | undefined,
): StoredVersion {
  const version = selectAny(ctx, found, versionId, versionStage);
  if (isPlaceholder(version)) {
    // RotateSecret's AWSPENDING version before createSecret put a value: nothing to read yet.
    throw ctx.errors.notFound(
      versionId === undefined
        ? `Secrets Manager can't find the specified secret value for staging label: ${versionStage ?? AWSCURRENT}`
        : `Secrets Manager can't find the specified secret value for VersionId: ${versionId}`,
    );
  }
  return version;
}

function selectAny(
  ctx: HandlerContext,
  found: RegionalSecret,
  versionId: string | undefined,
  versionStage: string | undefined,
): StoredVersion {
  const { secret } = found;
  if (versionId !== undefined) {
    const version = secret.versions.get(versionId);
    if (!version) {
      throw ctx.errors.notFound(
        `Secrets Manager can't find the specified secret value for VersionId: ${versionId}`,
      );
    }
    if (versionStage !== undefined && !version.stages.has(versionStage)) {
      throw ctx.errors.invalidRequest(
        `You provided a VersionStage (${versionStage}) that is not attached to the provided VersionId (${versionId}).`,
      );
    }
    return version;
  }
  const stage = versionStage ?? AWSCURRENT;
  const version = holderOf(secret, stage);
  if (!version) {
    throw ctx.errors.notFound(
      `Secrets Manager can't find the specified secret value for staging label: ${stage}`,
    );
  }
  return version;
}

/** Records an access (to the day, as the service does). */
function touch(ctx: HandlerContext, found: RegionalSecret, version: StoredVersion): void {
  const day = dayOf(ctx.now());
  version.lastAccessedDate = day;
  found.secret.lastAccessedDate = day;
  if (found.replica) found.replica.lastAccessedDate = day;
}

/** The value entry of a version, as GetSecretValue and BatchGetSecretValue return it. */
function valueEntry(found: RegionalSecret, version: StoredVersion): SecretValueEntry {
  const entry: SecretValueEntry = {
    ARN: arnIn(found),
    Name: found.secret.name,
    VersionId: version.versionId,
    VersionStages: [...version.stages],
    CreatedDate: new Date(version.createdDate),
  };
  if (version.secretString !== undefined) entry.SecretString = version.secretString;
  if (version.secretBinary !== undefined) entry.SecretBinary = Uint8Array.from(version.secretBinary);
  return entry;
}

/** GetSecretValue. */
export const getSecretValue: Handler<GetSecretValueCommandInput, Output<GetSecretValueCommandOutput>> = (
  ctx,
  input,
) => {
  const found = requireReadable(ctx, input.SecretId);
  const version = selectVersion(ctx, found, input.VersionId, input.VersionStage);
  touch(ctx, found, version);
  return valueEntry(found, version);
};

function readCurrent(
  ctx: HandlerContext,
  secretId: string,
  errors: APIErrorType[],
): SecretValueEntry | undefined {
  try {
    const found = requireReadable(ctx, secretId);
    const version = selectVersion(ctx, found, undefined, undefined);
    touch(ctx, found, version);
    return valueEntry(found, version);
  } catch (error) {
    if (!(error instanceof SecretsManagerServiceException)) throw error;
    errors.push({ SecretId: secretId, ErrorCode: error.name, Message: error.message });
    return undefined;
  }
}

/** BatchGetSecretValue: a list of ids (per-secret failures in `Errors`) or filters (paged). */
export const batchGetSecretValue: Handler<
  BatchGetSecretValueCommandInput,
  Output<BatchGetSecretValueCommandOutput>
> = (ctx, input) => {
  const ids = input.SecretIdList;
  const filters = input.Filters;
  if (ids !== undefined && filters !== undefined) {
    throw ctx.errors.invalidParameter("Either 'SecretIdList' or 'Filters' must be provided, but not both.");
  }
  if (ids === undefined && filters === undefined) {
    throw ctx.errors.invalidParameter("Either 'SecretIdList' or 'Filters' must be provided.");
  }
  if (input.MaxResults !== undefined && filters === undefined) {
    throw ctx.errors.invalidParameter("'Filters' must also be specified when 'MaxResults' is provided.");
  }
  const errors: APIErrorType[] = [];
  const values: SecretValueEntry[] = [];
  if (ids !== undefined) {
    if (ids.length === 0 || ids.length > BATCH_LIMIT) {
      throw ctx.errors.invalidParameter(`SecretIdList must contain between 1 and ${BATCH_LIMIT} ids.`);
    }
    for (const id of ids) {
      const entry = readCurrent(ctx, id, errors);
      if (entry) values.push(entry);
    }
    return { SecretValues: values, Errors: errors };
  }
  checkFilters(ctx, filters);
  const matching = ctx.store
    .inRegion(ctx.region)
    .filter((r) => r.secret.deletedDate === undefined && matchesFilters(r, filters));
  const page = paginate(ctx, matching, input.MaxResults, input.NextToken, BATCH_LIMIT, BATCH_LIMIT);
  for (const found of page.items) {
    const entry = readCurrent(ctx, arnIn(found), errors);
    if (entry) values.push(entry);
  }
  const out: Output<BatchGetSecretValueCommandOutput> = { SecretValues: values, Errors: errors };
  if (page.nextToken !== undefined) out.NextToken = page.nextToken;
  return out;
};
