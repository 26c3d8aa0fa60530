/**
 * DescribeSecret and ListSecretVersionIds as typed, camel-cased results (metadata only: these
 * operations never return values).
 */
import {
  DescribeSecretCommand,
  type DescribeSecretCommandOutput,
  ListSecretVersionIdsCommand,
  type ListSecretVersionIdsCommandOutput,
} from '@aws-sdk/client-secrets-manager';
import { sendPrimary, type WriteContext } from './write-context.js';

/** A replica region's state. */
export interface ReplicaStatus {
  readonly region: string;
  /** `InSync`, `Failed` or `InProgress`. */
  readonly status?: string | undefined;
  readonly statusMessage?: string | undefined;
  readonly kmsKeyId?: string | undefined;
  readonly lastAccessedDate?: Date | undefined;
}

/** What `describeSecret` returns. */
export interface SecretDescription {
  readonly arn: string;
  readonly name: string;
  readonly description?: string | undefined;
  readonly kmsKeyId?: string | undefined;
  readonly rotationEnabled: boolean;
  readonly rotationLambdaArn?: string | undefined;
  /** `ScheduleExpression` or `AutomaticallyAfterDays` as AWS returns them. */
  readonly rotationRules?:
    | { readonly automaticallyAfterDays?: number; readonly scheduleExpression?: string }
    | undefined;
  readonly lastRotatedDate?: Date | undefined;
  readonly lastChangedDate?: Date | undefined;
  readonly lastAccessedDate?: Date | undefined;
  readonly nextRotationDate?: Date | undefined;
  /** Set when the secret is scheduled for deletion. */
  readonly deletedDate?: Date | undefined;
  readonly tags: Readonly<Record<string, string>>;
  /** Version id → staging labels. */
  readonly versionIdsToStages: Readonly<Record<string, readonly string[]>>;
  /** The primary region (set on replicas and on primaries with replicas). */
  readonly primaryRegion?: string | undefined;
  readonly replicationStatus: readonly ReplicaStatus[];
}

/** One version as `listVersions` returns it. */
export interface VersionInfo {
  readonly versionId: string;
  readonly versionStages: readonly string[];
  readonly createdDate?: Date | undefined;
  readonly lastAccessedDate?: Date | undefined;
}

/** Maps a DescribeSecret output. */
export function toDescription(out: DescribeSecretCommandOutput, secretId: string): SecretDescription {
  const rules = out.RotationRules;
  return {
    arn: out.ARN ?? secretId,
    name: out.Name ?? secretId,
    description: out.Description,
    kmsKeyId: out.KmsKeyId,
    rotationEnabled: out.RotationEnabled === true,
    rotationLambdaArn: out.RotationLambdaARN,
    rotationRules: rules
      ? {
          ...(rules.AutomaticallyAfterDays !== undefined
            ? { automaticallyAfterDays: rules.AutomaticallyAfterDays }
            : {}),
          ...(rules.ScheduleExpression !== undefined ? { scheduleExpression: rules.ScheduleExpression } : {}),
        }
      : undefined,
    lastRotatedDate: out.LastRotatedDate,
    lastChangedDate: out.LastChangedDate,
    lastAccessedDate: out.LastAccessedDate,
    nextRotationDate: out.NextRotationDate,
    deletedDate: out.DeletedDate,
    tags: Object.fromEntries((out.Tags ?? []).map((t) => [t.Key ?? '', t.Value ?? ''])),
    versionIdsToStages: Object.fromEntries(
      Object.entries(out.VersionIdsToStages ?? {}).map(([id, stages]) => [id, [...stages]]),
    ),
    primaryRegion: out.PrimaryRegion,
    replicationStatus: (out.ReplicationStatus ?? []).map((r) => ({
      region: r.Region ?? '',
      status: r.Status,
      statusMessage: r.StatusMessage,
      kmsKeyId: r.KmsKeyId,
      lastAccessedDate: r.LastAccessedDate,
    })),
  };
}

/** DescribeSecret, typed. */
export async function describeSecret(ctx: WriteContext, secretId: string): Promise<SecretDescription> {
  const out = await sendPrimary<DescribeSecretCommandOutput>(
    ctx,
    'DescribeSecret',
    secretId,
    new DescribeSecretCommand({ SecretId: secretId }),
  );
  return toDescription(out, secretId);
}

/** Every version of a secret with its labels (pages through ListSecretVersionIds). */
export async function listVersions(
  ctx: WriteContext,
  secretId: string,
  options: { readonly includeDeprecated?: boolean | undefined } = {},
): Promise<VersionInfo[]> {
  const versions: VersionInfo[] = [];
  let token: string | undefined;
  do {
    const out: ListSecretVersionIdsCommandOutput = await sendPrimary(
      ctx,
      'ListSecretVersionIds',
      secretId,
      new ListSecretVersionIdsCommand({
        SecretId: secretId,
        IncludeDeprecated: options.includeDeprecated,
        ...(token ? { NextToken: token } : {}),
      }),
    );
    for (const v of out.Versions ?? []) {
      versions.push({
        versionId: v.VersionId ?? '',
        versionStages: v.VersionStages ?? [],
        createdDate: v.CreatedDate,
        lastAccessedDate: v.LastAccessedDate,
      });
    }
    token = out.NextToken;
  } while (token);
  return versions;
}
