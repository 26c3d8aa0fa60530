/**
 * `seed(...)`: puts secrets into the fake directly (no call recorded, no failure injected),
 * through the same handlers commands use, so seeded state obeys the same rules.
 */
import type { Tag } from '@aws-sdk/client-secrets-manager';
import type { HandlerContext } from './context.js';
import { replicateSecretToRegions } from './handlers/replication.js';
import { createSecret, putSecretValue } from './handlers/writes.js';
import { requireSecret } from './lookup.js';

/** A value to seed: exactly one of `value` (string), `json` (stringified) or `binary`. */
export interface SeedValueFields {
  /** A string value. */
  readonly value?: string | undefined;
  /** Any JSON-serialisable value, stored as its JSON string. */
  readonly json?: unknown;
  /** A binary value. */
  readonly binary?: Uint8Array | undefined;
}

/** One version to seed, oldest first. */
export interface SeedVersion extends SeedValueFields {
  /** Staging labels. @defaultValue `['AWSCURRENT']` (the previous holder becomes AWSPREVIOUS) */
  readonly stages?: readonly string[] | undefined;
  /** The version id (32–64 characters). @defaultValue a random UUID */
  readonly versionId?: string | undefined;
}

/** A secret to seed. */
export interface SeedSpec extends SeedValueFields {
  /** The secret's name. */
  readonly name: string;
  /** Versions added after the top-level value (if any), oldest first. */
  readonly versions?: readonly SeedVersion[] | undefined;
  /** Tags, as a record or as SDK `Tag`s. */
  readonly tags?: Readonly<Record<string, string>> | readonly Tag[] | undefined;
  /** Description. */
  readonly description?: string | undefined;
  /** KMS key id or ARN (recorded only). */
  readonly kmsKeyId?: string | undefined;
  /** The primary region. @defaultValue the fake's region */
  readonly region?: string | undefined;
  /** Regions to replicate the secret to. */
  readonly replicaRegions?: readonly string[] | undefined;
}

/** What {@link InMemorySecretsManager.seed} created. */
export interface SeededSecret {
  /** The secret's ARN in its primary region. */
  readonly arn: string;
  /** The secret's name. */
  readonly name: string;
  /** Ids of the seeded versions, oldest first. */
  readonly versionIds: readonly string[];
  /** Id of the version labelled AWSCURRENT, if any. */
  readonly currentVersionId: string | undefined;
}

/** Converts seed fields to the SDK's value fields. */
export function toSdkValue(fields: SeedValueFields): { SecretString?: string; SecretBinary?: Uint8Array } {
  const given = [fields.value !== undefined, fields.json !== undefined, fields.binary !== undefined].filter(
    Boolean,
  );
  if (given.length !== 1) throw new TypeError('secretkit/testing: give exactly one of value, json or binary');
  if (fields.binary !== undefined) return { SecretBinary: fields.binary };
  if (fields.value !== undefined) return { SecretString: fields.value };
  return { SecretString: JSON.stringify(fields.json) };
}

/** Runs a handler known to answer synchronously. */
export function runSync<O>(result: O | Promise<O>): O {
  if (result instanceof Promise) throw new Error('secretkit/testing: internal error (asynchronous handler)');
  return result;
}

function hasTopLevelValue(spec: SeedSpec): boolean {
  return spec.value !== undefined || spec.json !== undefined || spec.binary !== undefined;
}

function toTags(tags: SeedSpec['tags']): Tag[] {
  if (tags === undefined) return [];
  if (Array.isArray(tags)) return tags.map((t: Tag) => ({ ...t }));
  return Object.entries(tags as Readonly<Record<string, string>>).map(([Key, Value]) => ({ Key, Value }));
}

/**
 * Seeds one secret in `ctx.region`.
 *
 * @throws the service's errors (e.g. `ResourceExistsException` when the name is taken)
 */
export function seedSecret(ctx: HandlerContext, spec: SeedSpec): SeededSecret {
  const created = runSync(
    createSecret(ctx, {
      Name: spec.name,
      Description: spec.description,
      KmsKeyId: spec.kmsKeyId,
      Tags: toTags(spec.tags),
      ...(hasTopLevelValue(spec) ? toSdkValue(spec) : {}),
    }),
  );
  const versionIds = created.VersionId === undefined ? [] : [created.VersionId];
  for (const v of spec.versions ?? []) {
    const put = runSync(
      putSecretValue(ctx, {
        SecretId: created.ARN,
        ClientRequestToken: v.versionId,
        VersionStages: v.stages === undefined ? undefined : [...v.stages],
        ...toSdkValue(v),
      }),
    );
    if (put.VersionId !== undefined) versionIds.push(put.VersionId);
  }
  if (spec.replicaRegions && spec.replicaRegions.length > 0) {
    runSync(
      replicateSecretToRegions(ctx, {
        SecretId: created.ARN,
        AddReplicaRegions: spec.replicaRegions.map((Region) => ({ Region })),
      }),
    );
  }
  const { secret } = requireSecret(ctx, created.ARN);
  const current = [...secret.versions.values()].find((v) => v.stages.has('AWSCURRENT'));
  return { arn: created.ARN ?? '', name: spec.name, versionIds, currentVersionId: current?.versionId };
}
