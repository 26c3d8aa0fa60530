import {
  CreateSecretCommand,
  GetSecretValueCommand,
  PutSecretValueCommand,
} from '@aws-sdk/client-secrets-manager';
import { describe, expect, it } from 'vitest';
import {
  AWSCURRENT,
  AWSPENDING,
  AWSPREVIOUS,
  configureRotation,
  getPendingValue,
  getPreviousValue,
  getStageValue,
  getVersionStages,
  listVersions,
  moveLabel,
  promotePending,
  removeLabel,
  rollback,
} from '../../../src/rotation/index.js';
import { smClient, useEmulator } from '../../support/aws.js';

async function secretWithTwoVersions(name: string) {
  const client = smClient();
  const v1 = (await client.send(new CreateSecretCommand({ Name: name, SecretString: 'one' }))).VersionId!;
  const v2 = (await client.send(new PutSecretValueCommand({ SecretId: name, SecretString: 'two' })))
    .VersionId!;
  return { client, v1, v2 };
}

async function currentValue(client: ReturnType<typeof smClient>, id: string): Promise<string | undefined> {
  // moto: pass the stage, its default read does not follow UpdateSecretVersionStage.
  return (await client.send(new GetSecretValueCommand({ SecretId: id, VersionStage: AWSCURRENT })))
    .SecretString;
}

describe('staging labels against moto', () => {
  useEmulator();

  it('lists versions with labels (ListSecretVersionIds and DescribeSecret agree)', async () => {
    const { client, v1, v2 } = await secretWithTwoVersions('lbl/list');
    const listed = await listVersions(client, 'lbl/list');
    expect(Object.fromEntries(listed.map((v) => [v.versionId, v.stages]))).toEqual({
      [v1]: [AWSPREVIOUS],
      [v2]: [AWSCURRENT],
    });
    expect((await getVersionStages(client, 'lbl/list')).stagesByVersion).toEqual({
      [v1]: [AWSPREVIOUS],
      [v2]: [AWSCURRENT],
    });
  });

  it('reads AWSPREVIOUS and AWSPENDING values', async () => {
    const { client, v1 } = await secretWithTwoVersions('lbl/read');
    expect(await getPreviousValue(client, 'lbl/read')).toMatchObject({ versionId: v1, value: 'one' });
    expect(await getPendingValue(client, 'lbl/read')).toBeUndefined();
    await client.send(
      new PutSecretValueCommand({ SecretId: 'lbl/read', SecretString: 'three', VersionStages: [AWSPENDING] }),
    );
    expect((await getPendingValue(client, 'lbl/read'))?.value).toBe('three');
    await expect(getStageValue(client, 'lbl/read', 'NOPE')).rejects.toMatchObject({
      code: 'STAGE_NOT_FOUND',
    });
  });

  it('moves AWSCURRENT back and forth (rollback), finding RemoveFromVersionId', async () => {
    const { client, v1, v2 } = await secretWithTwoVersions('lbl/rollback');
    expect(await rollback(client, 'lbl/rollback')).toEqual({ versionId: v1, previousVersionId: v2 });
    expect(await currentValue(client, 'lbl/rollback')).toBe('one');
    expect((await getVersionStages(client, 'lbl/rollback')).stagesByVersion).toEqual({
      [v1]: [AWSCURRENT],
      [v2]: [AWSPREVIOUS],
    });
    await moveLabel(client, 'lbl/rollback', AWSCURRENT, v2);
    expect(await currentValue(client, 'lbl/rollback')).toBe('two');
  });

  it('moves a custom label without leaving it on two versions', async () => {
    const { client, v1, v2 } = await secretWithTwoVersions('lbl/custom');
    await moveLabel(client, 'lbl/custom', 'BLUE', v1);
    await moveLabel(client, 'lbl/custom', 'BLUE', v2);
    const { stagesByVersion } = await getVersionStages(client, 'lbl/custom');
    expect(stagesByVersion[v1]).toEqual([AWSPREVIOUS]);
    expect([...(stagesByVersion[v2] ?? [])].sort()).toEqual([AWSCURRENT, 'BLUE']);
    expect(await removeLabel(client, 'lbl/custom', 'BLUE')).toBe(v2);
  });

  it('promotes the pending version and removes AWSPENDING', async () => {
    const { client, v2 } = await secretWithTwoVersions('lbl/promote');
    const v3 = (
      await client.send(
        new PutSecretValueCommand({
          SecretId: 'lbl/promote',
          SecretString: 'three',
          VersionStages: [AWSPENDING],
        }),
      )
    ).VersionId!;
    expect(await promotePending(client, 'lbl/promote')).toEqual({ versionId: v3, previousVersionId: v2 });
    expect(await currentValue(client, 'lbl/promote')).toBe('three');
    const { stagesByVersion } = await getVersionStages(client, 'lbl/promote');
    expect(stagesByVersion[v3]).toEqual([AWSCURRENT]);
    expect(stagesByVersion[v2]).toEqual([AWSPREVIOUS]);
  });

  it('validates: unknown version, label on no version, unknown secret', async () => {
    const { client } = await secretWithTwoVersions('lbl/errors');
    await expect(moveLabel(client, 'lbl/errors', AWSCURRENT, 'no-such-version')).rejects.toMatchObject({
      code: 'VERSION_NOT_FOUND',
    });
    await expect(promotePending(client, 'lbl/errors')).rejects.toMatchObject({ code: 'STAGE_NOT_FOUND' });
    await expect(removeLabel(client, 'lbl/errors', 'GREEN')).rejects.toMatchObject({
      code: 'STAGE_NOT_FOUND',
    });
    await expect(rollback(client, 'lbl/missing')).rejects.toMatchObject({
      code: 'NOT_FOUND',
      secretId: 'lbl/missing',
    });
  });

  it('configureRotation turns rotation on (moto: days schedule, not rotating immediately)', async () => {
    const { client } = await secretWithTwoVersions('lbl/configure');
    await configureRotation(client, 'lbl/configure', { schedule: { days: 7 }, rotateImmediately: false });
    expect((await getVersionStages(client, 'lbl/configure')).rotationEnabled).toBe(true);
    await expect(
      configureRotation(client, 'lbl/configure', { schedule: 'rate(2 hours)' }),
    ).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  });
});
