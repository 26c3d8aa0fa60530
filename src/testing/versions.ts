/**
 * Versions and staging labels, with the service's rules: a label is on at most one version;
 * moving AWSCURRENT moves AWSPREVIOUS to the version it left; the first version of a secret
 * gets AWSCURRENT; versions left without labels are deprecated and the oldest are dropped
 * beyond 100 versions.
 */
import type { HandlerContext } from './context.js';
import type { StoredSecret, StoredVersion } from './store.js';

/** The label of the version reads return by default. */
export const AWSCURRENT = 'AWSCURRENT';
/** The label Secrets Manager moves to the version AWSCURRENT left. */
export const AWSPREVIOUS = 'AWSPREVIOUS';
/** The label of a version being created by a rotation. */
export const AWSPENDING = 'AWSPENDING';

const MAX_VERSIONS = 100;

/** A secret value: a string or bytes (exactly one). */
export interface SecretValue {
  readonly secretString?: string | undefined;
  readonly secretBinary?: Uint8Array | undefined;
}

/** The version carrying `stage`, if any. */
export function holderOf(secret: StoredSecret, stage: string): StoredVersion | undefined {
  for (const v of secret.versions.values()) if (v.stages.has(stage)) return v;
  return undefined;
}

/**
 * Attaches `stage` to `version`, removing it from any other version. When AWSCURRENT moves,
 * AWSPREVIOUS moves to the version that held AWSCURRENT.
 */
export function attachStage(secret: StoredSecret, stage: string, version: StoredVersion): void {
  const previousHolder = holderOf(secret, stage);
  if (previousHolder === version) return;
  previousHolder?.stages.delete(stage);
  version.stages.add(stage);
  if (stage === AWSCURRENT && previousHolder) attachStage(secret, AWSPREVIOUS, previousHolder);
}

/**
 * True for the value-less version RotateSecret creates for its token (labelled AWSPENDING)
 * before the rotation function's createSecret step puts the value.
 */
export function isPlaceholder(version: StoredVersion): boolean {
  return version.secretString === undefined && version.secretBinary === undefined;
}

/**
 * Creates RotateSecret's placeholder: a version `versionId` without a value, labelled
 * AWSPENDING (the label leaves any other version), as the service does before it invokes the
 * rotation function. A later PutSecretValue with that token fills it ({@link fillPlaceholder}).
 */
export function addPlaceholder(ctx: HandlerContext, secret: StoredSecret, versionId: string): StoredVersion {
  const version: StoredVersion = {
    versionId,
    stages: new Set(),
    createdDate: ctx.now(),
    kmsKeyId: secret.kmsKeyId,
  };
  secret.versions.set(versionId, version);
  attachStage(secret, AWSPENDING, version);
  secret.lastChangedDate = ctx.now();
  return version;
}

/**
 * Puts `value` into RotateSecret's placeholder `placeholder` (same id, its place in the
 * version order and its labels kept), then attaches `stages` (if given) with the label rules.
 */
export function fillPlaceholder(
  ctx: HandlerContext,
  secret: StoredSecret,
  placeholder: StoredVersion,
  value: SecretValue,
  stages: readonly string[] | undefined,
): StoredVersion {
  const version: StoredVersion = {
    ...placeholder,
    secretString: value.secretString,
    secretBinary: value.secretBinary === undefined ? undefined : Uint8Array.from(value.secretBinary),
    stages: new Set(),
  };
  secret.versions.set(version.versionId, version);
  for (const stage of placeholder.stages) version.stages.add(stage);
  for (const stage of stages ?? []) attachStage(secret, stage, version);
  secret.lastChangedDate = ctx.now();
  return version;
}

/** True when the stored version holds exactly this value. */
export function sameValue(version: StoredVersion, value: SecretValue): boolean {
  if (value.secretString !== undefined) return version.secretString === value.secretString;
  const a = version.secretBinary;
  const b = value.secretBinary;
  if (a === undefined || b === undefined || a.length !== b.length) return false;
  return a.every((byte, i) => byte === b[i]);
}

/** Validates a value argument: at most one of string and binary; at least one when `required`. */
export function checkValue(ctx: HandlerContext, value: SecretValue, required: boolean): void {
  if (value.secretString !== undefined && value.secretBinary !== undefined) {
    throw ctx.errors.invalidParameter(
      "You can't specify both a binary secret value and a string secret value in the same secret.",
    );
  }
  if (required && value.secretString === undefined && value.secretBinary === undefined) {
    throw ctx.errors.invalidParameter('You must provide either SecretString or SecretBinary.');
  }
}

/** True when the value argument holds a value. */
export function hasValue(value: SecretValue): boolean {
  return value.secretString !== undefined || value.secretBinary !== undefined;
}

/** Validates a ClientRequestToken (32 to 64 characters). */
export function checkToken(ctx: HandlerContext, token: string | undefined): void {
  if (token !== undefined && (token.length < 32 || token.length > 64)) {
    throw ctx.errors.invalidParameter('ClientRequestToken must be 32-64 characters long.');
  }
}

/**
 * Adds a new version with the given labels (AWSCURRENT when none are given, and always on the
 * secret's first version), applying the label rules. The caller checked token idempotency.
 */
export function addVersion(
  ctx: HandlerContext,
  secret: StoredSecret,
  versionId: string,
  value: SecretValue,
  stages: readonly string[] | undefined,
): StoredVersion {
  const first = secret.versions.size === 0;
  const version: StoredVersion = {
    versionId,
    secretString: value.secretString,
    secretBinary: value.secretBinary === undefined ? undefined : Uint8Array.from(value.secretBinary),
    stages: new Set(),
    createdDate: ctx.now(),
    kmsKeyId: secret.kmsKeyId,
  };
  secret.versions.set(versionId, version);
  const labels = stages === undefined || stages.length === 0 ? [AWSCURRENT] : [...stages];
  if (first && !labels.includes(AWSCURRENT)) labels.push(AWSCURRENT);
  for (const stage of labels) attachStage(secret, stage, version);
  secret.lastChangedDate = ctx.now();
  pruneDeprecated(secret);
  return version;
}

/**
 * Looks up an existing version for an idempotent retry: the same token and the same value
 * returns the version; the same token with another value throws ResourceExistsException.
 */
export function existingVersion(
  ctx: HandlerContext,
  secret: StoredSecret,
  token: string | undefined,
  value: SecretValue,
): StoredVersion | undefined {
  if (token === undefined) return undefined;
  const existing = secret.versions.get(token);
  if (!existing) return undefined;
  if (sameValue(existing, value)) return existing;
  throw ctx.errors.exists(
    `You can't use ClientRequestToken ${token} because that value is already in use for a version of secret ${secret.name}. You can't modify an existing version, you can only create a new version.`,
  );
}

/** Drops the oldest deprecated (label-less) versions beyond the service's 100-version limit. */
function pruneDeprecated(secret: StoredSecret): void {
  for (const v of [...secret.versions.values()]) {
    if (secret.versions.size <= MAX_VERSIONS) return;
    if (v.stages.size === 0) secret.versions.delete(v.versionId);
  }
}

/** The labels of every labelled version (deprecated versions are left out, as AWS does). */
export function versionIdsToStages(secret: StoredSecret): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const v of secret.versions.values()) if (v.stages.size > 0) out[v.versionId] = [...v.stages];
  return out;
}

/** The UTC day of `date` (Secrets Manager records access dates to the day). */
export function dayOf(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}
