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
import { toReplicaStatuses } from '../replication/replica-status.js';
import type { ReplicaStatus } from '../replication/types.js';
import { type SecretVersionInfo, toVersionInfos } from '../sdk/version-info.js';
import { sendPrimary, type WriteContext } from './write-context.js';

/** What `describeSecret` returns. */
export interface SecretDescription {
  /** The secret's full ARN (the id given when AWS returns none). */
  readonly arn: string;
  /** The secret's name (the id given when AWS returns none). */
  readonly name: string;
  /** The secret's description, if set. */
  readonly description?: string | undefined;
  /** The KMS key encrypting the secret; absent when it uses `aws/secretsmanager`. */
  readonly kmsKeyId?: string | undefined;
  /** True when automatic rotation is on. */
  readonly rotationEnabled: boolean;
  /** The ARN of the rotation Lambda function, if one is set. */
  readonly rotationLambdaArn?: string | undefined;
  /** `ScheduleExpression` or `AutomaticallyAfterDays` as AWS returns them. */
  readonly rotationRules?:
    | {
        /** Rotate every this many days. */
        readonly automaticallyAfterDays?: number;
        /** A `rate()` or `cron()` rotation schedule. */
        readonly scheduleExpression?: string;
      }
    | undefined;
  /** When the secret was last rotated. */
  readonly lastRotatedDate?: Date | undefined;
  /** When the secret was last changed (value, metadata or labels). */
  readonly lastChangedDate?: Date | undefined;
  /** The last day the secret was read (AWS rounds to the day). */
  readonly lastAccessedDate?: Date | undefined;
  /** When the next scheduled rotation is due, if rotation is on. */
  readonly nextRotationDate?: Date | undefined;
  /** Set when the secret is scheduled for deletion. */
  readonly deletedDate?: Date | undefined;
  /** The secret's tags, key → value (empty when none). */
  readonly tags: Readonly<Record<string, string>>;
  /** Version id → staging labels. */
  readonly versionIdsToStages: Readonly<Record<string, readonly string[]>>;
  /** The primary region (set on replicas and on primaries with replicas). */
  readonly primaryRegion?: string | undefined;
  /** The state of each replica region (empty when the secret has none). */
  readonly replicationStatus: readonly ReplicaStatus[];
}

/** One version of a secret (the same shape as secretkit/rotation's `listVersions`). */
export type VersionInfo = SecretVersionInfo;

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
    replicationStatus: toReplicaStatuses(out.ReplicationStatus),
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
    versions.push(...toVersionInfos(out.Versions));
    token = out.NextToken;
  } while (token);
  return versions;
}
