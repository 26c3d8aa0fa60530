/**
 * The versions of a secret that carry staging labels, from one DescribeSecret call.
 */
import { DescribeSecretCommand } from '@aws-sdk/client-secrets-manager';
import type { SecretsManagerClientLike } from '../../sdk/client-like.js';
import { callAws } from '../aws-call.js';

/** What DescribeSecret says about a secret's labels and rotation. */
export interface SecretVersionStages {
  /** The secret's ARN, when AWS returned it. */
  readonly arn: string | undefined;
  /** The secret's name, when AWS returned it. */
  readonly name: string | undefined;
  /** Whether rotation is enabled (`RotationEnabled`). */
  readonly rotationEnabled: boolean;
  /** The service that owns the secret (`OwningService`, e.g. `rds`), if any. */
  readonly owningService?: string | undefined;
  /** Staging labels of every labelled version, by version id. */
  readonly stagesByVersion: Readonly<Record<string, readonly string[]>>;
}

/**
 * Reads the staging labels of every labelled version (DescribeSecret `VersionIdsToStages`).
 * One call; versions without labels (deprecated ones) are not included, see `listVersions`.
 *
 * @param client - Secrets Manager client
 * @param secretId - name or ARN
 * @returns labels by version id, and whether rotation is enabled
 * @throws SecretkitError `NOT_FOUND`, `ACCESS_DENIED`, ... mapped from AWS
 */
export async function getVersionStages(
  client: SecretsManagerClientLike,
  secretId: string,
): Promise<SecretVersionStages> {
  const out = await callAws('DescribeSecret', secretId, () =>
    client.send(new DescribeSecretCommand({ SecretId: secretId })),
  );
  return {
    arn: out.ARN,
    name: out.Name,
    rotationEnabled: out.RotationEnabled === true,
    owningService: out.OwningService || undefined,
    stagesByVersion: out.VersionIdsToStages ?? {},
  };
}

/**
 * The version id that carries `stage`, or `undefined` when no version does.
 *
 * @param stagesByVersion - labels by version id (from {@link getVersionStages})
 * @param stage - a staging label
 */
export function versionWithStage(
  stagesByVersion: Readonly<Record<string, readonly string[]>>,
  stage: string,
): string | undefined {
  for (const [versionId, stages] of Object.entries(stagesByVersion)) {
    if (stages.includes(stage)) return versionId;
  }
  return undefined;
}

/**
 * The labels of `versionId`, or `undefined` when the version carries none (or does not exist).
 *
 * @param stagesByVersion - labels by version id
 * @param versionId - a version id
 */
export function stagesOf(
  stagesByVersion: Readonly<Record<string, readonly string[]>>,
  versionId: string,
): readonly string[] | undefined {
  return Object.hasOwn(stagesByVersion, versionId) ? stagesByVersion[versionId] : undefined;
}
