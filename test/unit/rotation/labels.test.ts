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
import { createInMemorySecret, V1, vid } from './in-memory-secret.js';

const V2 = vid('v2');
const V3 = vid('v3');

/** v1 (AWSCURRENT, k1), then v2 (k2) and v3 (k3) without labels. */
async function withThreeVersions() {
  const sm = createInMemorySecret('app/key', 'k1');
  await sm.addVersion(V2, 'k2');
  await sm.addVersion(V3, 'k3');
  return sm;
}

describe('getVersionStages / versionWithStage', () => {
  it('returns labels by version and whether rotation is enabled', async () => {
    const sm = createInMemorySecret('app/key', 'k1');
    const got = await getVersionStages(sm.client, 'app/key');
    expect(got).toEqual({
      arn: sm.arn,
      name: 'app/key',
      rotationEnabled: false,
      stagesByVersion: { [V1]: ['AWSCURRENT'] },
    });
    expect(versionWithStage(got.stagesByVersion, 'AWSCURRENT')).toBe(V1);
    expect(versionWithStage(got.stagesByVersion, 'AWSPENDING')).toBeUndefined();
  });

  it('maps a missing secret to NOT_FOUND with the secret id and the AWS error as cause', async () => {
    const sm = createInMemorySecret('app/key', 'k1');
    const error = await getVersionStages(sm.client, 'nope').catch((e: unknown) => e);
    expect(isSecretkitError(error, 'NOT_FOUND')).toBe(true);
    expect(error).toMatchObject({ secretId: 'nope', cause: { name: 'ResourceNotFoundException' } });
  });
});

describe('listVersions', () => {
  it('follows NextToken through every page', async () => {
    const sm = await withThreeVersions();
    await sm.label('AWSPREVIOUS', V2);
    await sm.label('MINE', V3);
    const got = await listVersions(sm.client, 'app/key');
    expect(got.map((v) => [v.versionId, v.stages])).toEqual([
      [V1, ['AWSCURRENT']],
      [V2, ['AWSPREVIOUS']],
      [V3, ['MINE']],
    ]);
    expect(sm.sent('ListSecretVersionIds')).toHaveLength(2);
  });

  it('lists unlabelled versions only with includeDeprecated', async () => {
    const sm = await withThreeVersions();
    expect((await listVersions(sm.client, 'app/key')).map((v) => v.versionId)).toEqual([V1]);
    const all = await listVersions(sm.client, 'app/key', { includeDeprecated: true });
    expect(all.map((v) => v.versionId)).toEqual([V1, V2, V3]);
  });
});

describe('reading staged values', () => {
  it('reads by version id and stage together', async () => {
    const sm = await withThreeVersions();
    await sm.label('AWSPENDING', V2);
    expect(await getPendingValue(sm.client, 'app/key')).toEqual({
      versionId: V2,
      stages: ['AWSPENDING'],
      value: 'k2',
    });
    const input = sm.sent('GetSecretValue')[0];
    expect(input).toEqual({ SecretId: 'app/key', VersionId: V2, VersionStage: 'AWSPENDING' });
  });

  it('returns undefined for a stage on no version, or on a version with no value yet', async () => {
    const sm = await withThreeVersions();
    expect(await getPreviousValue(sm.client, 'app/key')).toBeUndefined();
    await sm.enableRotation(vid('v4'));
    expect(await findStageValue(sm.client, 'app/key', 'AWSPENDING')).toBeUndefined();
  });

  it('getStageValue throws STAGE_NOT_FOUND without a value in the message', async () => {
    const sm = await withThreeVersions();
    const error = await getStageValue(sm.client, 'app/key', 'AWSPREVIOUS').catch((e: unknown) => e);
    expect(isSecretkitError(error, 'STAGE_NOT_FOUND')).toBe(true);
    expect((error as Error).message).not.toMatch(/k[123]/);
    expect((await getStageValue(sm.client, 'app/key', 'AWSCURRENT')).value).toBe('k1');
  });
});

describe('moveLabel', () => {
  it('passes the version carrying the label as RemoveFromVersionId', async () => {
    const sm = await withThreeVersions();
    await sm.label('BLUE', V2);
    const result = await moveLabel(sm.client, 'app/key', 'BLUE', V3);
    expect(result).toEqual({ versionId: V3, fromVersionId: V2, moved: true });
    expect(sm.sent('UpdateSecretVersionStage')[0]).toEqual({
      SecretId: 'app/key',
      VersionStage: 'BLUE',
      MoveToVersionId: V3,
      RemoveFromVersionId: V2,
    });
    expect(await sm.holder('BLUE')).toBe(V3);
  });

  it('moving AWSCURRENT leaves AWSPREVIOUS on the old version', async () => {
    const sm = await withThreeVersions();
    await moveLabel(sm.client, 'app/key', 'AWSCURRENT', V3);
    expect(await sm.stages()).toEqual({ [V1]: ['AWSPREVIOUS'], [V3]: ['AWSCURRENT'] });
  });

  it('attaches a new label without RemoveFromVersionId, and is a no-op when already there', async () => {
    const sm = await withThreeVersions();
    await moveLabel(sm.client, 'app/key', 'GREEN', V1);
    expect(sm.sent('UpdateSecretVersionStage')[0]).not.toHaveProperty('RemoveFromVersionId');
    const again = await moveLabel(sm.client, 'app/key', 'GREEN', V1);
    expect(again.moved).toBe(false);
    expect(sm.sent('UpdateSecretVersionStage')).toHaveLength(1);
  });

  it('accepts an unlabelled version (found by listing deprecated versions)', async () => {
    const sm = await withThreeVersions();
    await moveLabel(sm.client, 'app/key', 'AWSCURRENT', V2);
    expect(await sm.holder('AWSCURRENT')).toBe(V2);
  });

  it('throws VERSION_NOT_FOUND for an unknown version and sends nothing', async () => {
    const sm = await withThreeVersions();
    await expect(moveLabel(sm.client, 'app/key', 'AWSCURRENT', 'v9')).rejects.toMatchObject({
      code: 'VERSION_NOT_FOUND',
      secretId: 'app/key',
    });
    expect(sm.sent('UpdateSecretVersionStage')).toHaveLength(0);
  });

  it('rejects empty arguments with INVALID_ARGUMENT', async () => {
    const sm = await withThreeVersions();
    await expect(moveLabel(sm.client, 'app/key', '', V1)).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
    });
    await expect(moveLabel(sm.client, '', 'X', V1)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  });
});

describe('removeLabel', () => {
  it('removes a label from the version carrying it', async () => {
    const sm = await withThreeVersions();
    await sm.label('AWSPENDING', V2);
    expect(await removeLabel(sm.client, 'app/key', 'AWSPENDING')).toBe(V2);
    expect(await sm.holder('AWSPENDING')).toBeUndefined();
  });

  it('throws STAGE_NOT_FOUND when no version (or not the given one) carries it', async () => {
    const sm = await withThreeVersions();
    await expect(removeLabel(sm.client, 'app/key', 'AWSPENDING')).rejects.toMatchObject({
      code: 'STAGE_NOT_FOUND',
    });
    await sm.label('AWSPENDING', V2);
    await expect(removeLabel(sm.client, 'app/key', 'AWSPENDING', V3)).rejects.toMatchObject({
      code: 'STAGE_NOT_FOUND',
    });
  });

  it('refuses to remove AWSCURRENT', async () => {
    const sm = await withThreeVersions();
    await expect(removeLabel(sm.client, 'app/key', 'AWSCURRENT')).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
    });
  });
});

describe('promotePending', () => {
  it('makes AWSPENDING current, the old current AWSPREVIOUS, and removes AWSPENDING', async () => {
    const sm = await withThreeVersions();
    await sm.label('AWSPENDING', V2);
    expect(await promotePending(sm.client, 'app/key')).toEqual({ versionId: V2, previousVersionId: V1 });
    expect(await sm.stages()).toEqual({ [V1]: ['AWSPREVIOUS'], [V2]: ['AWSCURRENT'] });
  });

  it('only cleans AWSPENDING when it is already on the current version', async () => {
    const sm = await withThreeVersions();
    await sm.label('AWSPENDING', V1);
    expect(await promotePending(sm.client, 'app/key')).toEqual({
      versionId: V1,
      previousVersionId: undefined,
    });
    expect(await sm.stages()).toEqual({ [V1]: ['AWSCURRENT'] });
  });

  it('throws STAGE_NOT_FOUND when nothing is pending', async () => {
    const sm = await withThreeVersions();
    await expect(promotePending(sm.client, 'app/key')).rejects.toMatchObject({ code: 'STAGE_NOT_FOUND' });
  });
});

describe('rollback', () => {
  it('puts AWSCURRENT back on AWSPREVIOUS; a second rollback undoes the first', async () => {
    const sm = await withThreeVersions();
    await sm.label('AWSCURRENT', V2);
    expect(await sm.stages()).toEqual({ [V1]: ['AWSPREVIOUS'], [V2]: ['AWSCURRENT'] });
    expect(await rollback(sm.client, 'app/key')).toEqual({ versionId: V1, previousVersionId: V2 });
    expect(await sm.stages()).toEqual({ [V1]: ['AWSCURRENT'], [V2]: ['AWSPREVIOUS'] });
    await rollback(sm.client, 'app/key');
    expect(await sm.holder('AWSCURRENT')).toBe(V2);
  });

  it('throws STAGE_NOT_FOUND without AWSPREVIOUS', async () => {
    const sm = await withThreeVersions();
    await expect(rollback(sm.client, 'app/key')).rejects.toMatchObject({ code: 'STAGE_NOT_FOUND' });
  });
});
