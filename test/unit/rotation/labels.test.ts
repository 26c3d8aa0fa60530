import {
  GetSecretValueCommand,
  ListSecretVersionIdsCommand,
  UpdateSecretVersionStageCommand,
} from '@aws-sdk/client-secrets-manager';
import { describe, expect, it } from 'vitest';
import { isSecretkitError } from '../../../src/errors/secretkit-error.js';
import {
  findStageValue,
  getPendingValue,
  getPreviousValue,
  getStageValue,
  getVersionStages,
  listVersions,
  moveLabel,
  promotePending,
  removeLabel,
  rollback,
  versionWithStage,
} from '../../../src/rotation/index.js';
import { createFakeSecretsManager } from './fake-secrets-manager.js';

function withThreeVersions() {
  const sm = createFakeSecretsManager('app/key', 'k1');
  sm.versions.set('v2', { stages: new Set(), value: 'k2' });
  sm.versions.set('v3', { stages: new Set(), value: 'k3' });
  return sm;
}

describe('getVersionStages / versionWithStage', () => {
  it('returns labels by version and whether rotation is enabled', async () => {
    const sm = createFakeSecretsManager('app/key', 'k1');
    const got = await getVersionStages(sm.client, 'app/key');
    expect(got).toEqual({
      arn: sm.arn,
      name: 'app/key',
      rotationEnabled: false,
      stagesByVersion: { v1: ['AWSCURRENT'] },
    });
    expect(versionWithStage(got.stagesByVersion, 'AWSCURRENT')).toBe('v1');
    expect(versionWithStage(got.stagesByVersion, 'AWSPENDING')).toBeUndefined();
  });

  it('maps a missing secret to NOT_FOUND with the secret id and the AWS error as cause', async () => {
    const sm = createFakeSecretsManager('app/key', 'k1');
    const error = await getVersionStages(sm.client, 'nope').catch((e: unknown) => e);
    expect(isSecretkitError(error, 'NOT_FOUND')).toBe(true);
    expect(error).toMatchObject({ secretId: 'nope', cause: { name: 'ResourceNotFoundException' } });
  });
});

describe('listVersions', () => {
  it('follows NextToken through every page', async () => {
    const sm = withThreeVersions();
    sm.versions.get('v2')?.stages.add('AWSPREVIOUS');
    sm.versions.get('v3')?.stages.add('MINE');
    const got = await listVersions(sm.client, 'app/key');
    expect(got.map((v) => [v.versionId, v.stages])).toEqual([
      ['v1', ['AWSCURRENT']],
      ['v2', ['AWSPREVIOUS']],
      ['v3', ['MINE']],
    ]);
    expect(sm.mock.commandCalls(ListSecretVersionIdsCommand)).toHaveLength(2);
  });

  it('lists unlabelled versions only with includeDeprecated', async () => {
    const sm = withThreeVersions();
    expect((await listVersions(sm.client, 'app/key')).map((v) => v.versionId)).toEqual(['v1']);
    const all = await listVersions(sm.client, 'app/key', { includeDeprecated: true });
    expect(all.map((v) => v.versionId)).toEqual(['v1', 'v2', 'v3']);
  });
});

describe('reading staged values', () => {
  it('reads by version id and stage together', async () => {
    const sm = withThreeVersions();
    sm.versions.get('v2')?.stages.add('AWSPENDING');
    expect(await getPendingValue(sm.client, 'app/key')).toEqual({
      versionId: 'v2',
      stages: ['AWSPENDING'],
      value: 'k2',
    });
    const input = sm.mock.commandCalls(GetSecretValueCommand)[0]?.args[0].input;
    expect(input).toEqual({ SecretId: 'app/key', VersionId: 'v2', VersionStage: 'AWSPENDING' });
  });

  it('returns undefined for a stage on no version, or on a version with no value yet', async () => {
    const sm = withThreeVersions();
    expect(await getPreviousValue(sm.client, 'app/key')).toBeUndefined();
    sm.versions.set('v4', { stages: new Set(['AWSPENDING']), value: undefined });
    expect(await findStageValue(sm.client, 'app/key', 'AWSPENDING')).toBeUndefined();
  });

  it('getStageValue throws STAGE_NOT_FOUND without a value in the message', async () => {
    const sm = withThreeVersions();
    const error = await getStageValue(sm.client, 'app/key', 'AWSPREVIOUS').catch((e: unknown) => e);
    expect(isSecretkitError(error, 'STAGE_NOT_FOUND')).toBe(true);
    expect((error as Error).message).not.toMatch(/k[123]/);
    expect((await getStageValue(sm.client, 'app/key', 'AWSCURRENT')).value).toBe('k1');
  });
});

describe('moveLabel', () => {
  it('passes the version carrying the label as RemoveFromVersionId', async () => {
    const sm = withThreeVersions();
    sm.versions.get('v2')?.stages.add('BLUE');
    const result = await moveLabel(sm.client, 'app/key', 'BLUE', 'v3');
    expect(result).toEqual({ versionId: 'v3', fromVersionId: 'v2', moved: true });
    expect(sm.mock.commandCalls(UpdateSecretVersionStageCommand)[0]?.args[0].input).toEqual({
      SecretId: 'app/key',
      VersionStage: 'BLUE',
      MoveToVersionId: 'v3',
      RemoveFromVersionId: 'v2',
    });
    expect(sm.holder('BLUE')).toBe('v3');
  });

  it('moving AWSCURRENT leaves AWSPREVIOUS on the old version', async () => {
    const sm = withThreeVersions();
    await moveLabel(sm.client, 'app/key', 'AWSCURRENT', 'v3');
    expect(sm.stages()).toEqual({ v1: ['AWSPREVIOUS'], v3: ['AWSCURRENT'] });
  });

  it('attaches a new label without RemoveFromVersionId, and is a no-op when already there', async () => {
    const sm = withThreeVersions();
    await moveLabel(sm.client, 'app/key', 'GREEN', 'v1');
    expect(sm.mock.commandCalls(UpdateSecretVersionStageCommand)[0]?.args[0].input).not.toHaveProperty(
      'RemoveFromVersionId',
    );
    const again = await moveLabel(sm.client, 'app/key', 'GREEN', 'v1');
    expect(again.moved).toBe(false);
    expect(sm.mock.commandCalls(UpdateSecretVersionStageCommand)).toHaveLength(1);
  });

  it('accepts an unlabelled version (found by listing deprecated versions)', async () => {
    const sm = withThreeVersions();
    await moveLabel(sm.client, 'app/key', 'AWSCURRENT', 'v2');
    expect(sm.holder('AWSCURRENT')).toBe('v2');
  });

  it('throws VERSION_NOT_FOUND for an unknown version and sends nothing', async () => {
    const sm = withThreeVersions();
    await expect(moveLabel(sm.client, 'app/key', 'AWSCURRENT', 'v9')).rejects.toMatchObject({
      code: 'VERSION_NOT_FOUND',
      secretId: 'app/key',
    });
    expect(sm.mock.commandCalls(UpdateSecretVersionStageCommand)).toHaveLength(0);
  });

  it('rejects empty arguments with INVALID_ARGUMENT', async () => {
    const sm = withThreeVersions();
    await expect(moveLabel(sm.client, 'app/key', '', 'v1')).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
    });
    await expect(moveLabel(sm.client, '', 'X', 'v1')).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  });
});

describe('removeLabel', () => {
  it('removes a label from the version carrying it', async () => {
    const sm = withThreeVersions();
    sm.versions.get('v2')?.stages.add('AWSPENDING');
    expect(await removeLabel(sm.client, 'app/key', 'AWSPENDING')).toBe('v2');
    expect(sm.holder('AWSPENDING')).toBeUndefined();
  });

  it('throws STAGE_NOT_FOUND when no version (or not the given one) carries it', async () => {
    const sm = withThreeVersions();
    await expect(removeLabel(sm.client, 'app/key', 'AWSPENDING')).rejects.toMatchObject({
      code: 'STAGE_NOT_FOUND',
    });
    sm.versions.get('v2')?.stages.add('AWSPENDING');
    await expect(removeLabel(sm.client, 'app/key', 'AWSPENDING', 'v3')).rejects.toMatchObject({
      code: 'STAGE_NOT_FOUND',
    });
  });

  it('refuses to remove AWSCURRENT', async () => {
    const sm = withThreeVersions();
    await expect(removeLabel(sm.client, 'app/key', 'AWSCURRENT')).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
    });
  });
});

describe('promotePending', () => {
  it('makes AWSPENDING current, the old current AWSPREVIOUS, and removes AWSPENDING', async () => {
    const sm = withThreeVersions();
    sm.versions.get('v2')?.stages.add('AWSPENDING');
    expect(await promotePending(sm.client, 'app/key')).toEqual({ versionId: 'v2', previousVersionId: 'v1' });
    expect(sm.stages()).toEqual({ v1: ['AWSPREVIOUS'], v2: ['AWSCURRENT'] });
  });

  it('only cleans AWSPENDING when it is already on the current version', async () => {
    const sm = withThreeVersions();
    sm.versions.get('v1')?.stages.add('AWSPENDING');
    expect(await promotePending(sm.client, 'app/key')).toEqual({
      versionId: 'v1',
      previousVersionId: undefined,
    });
    expect(sm.stages()).toEqual({ v1: ['AWSCURRENT'] });
  });

  it('throws STAGE_NOT_FOUND when nothing is pending', async () => {
    const sm = withThreeVersions();
    await expect(promotePending(sm.client, 'app/key')).rejects.toMatchObject({ code: 'STAGE_NOT_FOUND' });
  });
});

describe('rollback', () => {
  it('puts AWSCURRENT back on AWSPREVIOUS; a second rollback undoes the first', async () => {
    const sm = withThreeVersions();
    sm.versions.get('v1')?.stages.clear();
    sm.versions.get('v1')?.stages.add('AWSPREVIOUS');
    sm.versions.get('v2')?.stages.add('AWSCURRENT');
    expect(await rollback(sm.client, 'app/key')).toEqual({ versionId: 'v1', previousVersionId: 'v2' });
    expect(sm.stages()).toEqual({ v1: ['AWSCURRENT'], v2: ['AWSPREVIOUS'] });
    await rollback(sm.client, 'app/key');
    expect(sm.holder('AWSCURRENT')).toBe('v2');
  });

  it('throws STAGE_NOT_FOUND without AWSPREVIOUS', async () => {
    const sm = withThreeVersions();
    await expect(rollback(sm.client, 'app/key')).rejects.toMatchObject({ code: 'STAGE_NOT_FOUND' });
  });
});
