import {
  CreateSecretCommand,
  DescribeSecretCommand,
  GetSecretValueCommand,
  PutSecretValueCommand,
} from '@aws-sdk/client-secrets-manager';
import { describe, expect, it } from 'vitest';
import {
  AWSCURRENT,
  AWSPENDING,
  AWSPREVIOUS,
  configureRotation,
  createRotationHandler,
  getVersionStages,
  runRotation,
} from '../../../src/rotation/index.js';
import { smClient, useEmulator } from '../../support/aws.js';
import { createFakeStrategy } from '../../unit/rotation/fake-strategy.js';

const STEPS = ['createSecret', 'setSecret', 'testSecret', 'finishSecret'] as const;
const INITIAL = JSON.stringify({ username: 'app', password: 'initial-password' });

async function createSecret(name: string) {
  const client = smClient();
  const out = await client.send(new CreateSecretCommand({ Name: name, SecretString: INITIAL }));
  return { client, arn: out.ARN!, firstVersion: out.VersionId! };
}

async function current(client: ReturnType<typeof smClient>, id: string) {
  // moto: always name the stage (its default read lags behind UpdateSecretVersionStage).
  const out = await client.send(new GetSecretValueCommand({ SecretId: id, VersionStage: AWSCURRENT }));
  return {
    versionId: out.VersionId!,
    value: JSON.parse(out.SecretString!) as { username: string; password: string },
  };
}

describe('runRotation against moto', () => {
  useEmulator();

  it('rotates: new AWSCURRENT with a new password, old one AWSPREVIOUS, no AWSPENDING left', async () => {
    const { client, firstVersion } = await createSecret('rot/full');
    const strategy = createFakeStrategy(INITIAL);
    const result = await runRotation(client, 'rot/full', strategy, { password: { length: 40 } });
    expect(result.steps).toEqual(['createSecret', 'setSecret', 'testSecret', 'finishSecret']);
    expect(result.resumed).toBe(false);
    const now = await current(client, 'rot/full');
    expect(now.versionId).toBe(result.token);
    expect(now.value.password).toHaveLength(40);
    expect(strategy.db.get('app')).toBe(now.value.password);
    const { stagesByVersion } = await getVersionStages(client, 'rot/full');
    expect(stagesByVersion[result.token]).toEqual([AWSCURRENT]);
    expect(stagesByVersion[firstVersion]).toEqual([AWSPREVIOUS]);
  });

  it('rotates twice in a row', async () => {
    const { client } = await createSecret('rot/twice');
    const strategy = createFakeStrategy(INITIAL);
    const one = await runRotation(client, 'rot/twice', strategy);
    const two = await runRotation(client, 'rot/twice', strategy);
    expect(two.token).not.toBe(one.token);
    const { stagesByVersion } = await getVersionStages(client, 'rot/twice');
    expect(stagesByVersion[two.token]).toEqual([AWSCURRENT]);
    expect(stagesByVersion[one.token]).toEqual([AWSPREVIOUS]);
    const pendingCalls = strategy.calls.filter((c) => c.method === 'setSecret');
    expect(pendingCalls[1]?.versions.previous).toBeDefined();
  });

  it('completes a rotation interrupted after setSecret on the next run, with the same token', async () => {
    const { client } = await createSecret('rot/resume');
    const strategy = createFakeStrategy(INITIAL);
    const first = await runRotation(client, 'rot/resume', strategy, { stopAfter: 'setSecret' });
    expect(first.steps).toEqual(['createSecret', 'setSecret']);
    const { stagesByVersion } = await getVersionStages(client, 'rot/resume');
    expect(stagesByVersion[first.token]).toEqual([AWSPENDING]);
    const second = await runRotation(client, 'rot/resume', strategy);
    expect(second.token).toBe(first.token);
    expect(second.resumed).toBe(true);
    expect((await current(client, 'rot/resume')).versionId).toBe(first.token);
    // createSecret found the pending value and did not make another one.
    expect(strategy.calls.filter((c) => c.method === 'createPendingValue')).toHaveLength(1);
  });

  it('resumes after a failing testSecret and keeps AWSCURRENT until then', async () => {
    const { client, firstVersion } = await createSecret('rot/fail');
    const strategy = createFakeStrategy(INITIAL);
    strategy.failNext('testSecret');
    await expect(runRotation(client, 'rot/fail', strategy)).rejects.toMatchObject({
      code: 'ROTATION_FAILED',
    });
    expect((await current(client, 'rot/fail')).versionId).toBe(firstVersion);
    const again = await runRotation(client, 'rot/fail', strategy);
    expect(again.resumed).toBe(true);
    expect((await current(client, 'rot/fail')).versionId).toBe(again.token);
  });
});

describe('createRotationHandler against moto', () => {
  useEmulator();

  async function enabledSecret(name: string) {
    const created = await createSecret(name);
    // moto enables rotation only through RotateSecret with AutomaticallyAfterDays; without a Lambda,
    // RotateImmediately=false copies the creation value into a new AWSCURRENT version (same value).
    await configureRotation(created.client, name, { schedule: { days: 30 }, rotateImmediately: false });
    const described = await created.client.send(new DescribeSecretCommand({ SecretId: name }));
    expect(described.RotationEnabled).toBe(true);
    return created;
  }

  it('runs the four steps Secrets Manager would send', async () => {
    const { client, arn } = await enabledSecret('rot/handler');
    const strategy = createFakeStrategy(INITIAL);
    const handler = createRotationHandler(strategy, { client });
    const token = '11111111-2222-3333-4444-555555555555';
    // RotateSecret would create the AWSPENDING version; moto's would also break AWSCURRENT, so the
    // test puts an AWSPENDING version itself, as a first createSecret attempt would have.
    await client.send(
      new PutSecretValueCommand({
        SecretId: arn,
        ClientRequestToken: token,
        SecretString: JSON.stringify({ username: 'app', password: 'pending-password' }),
        VersionStages: [AWSPENDING],
      }),
    );
    for (const Step of STEPS) await handler({ Step, SecretId: arn, ClientRequestToken: token });
    const now = await current(client, arn);
    expect(now.versionId).toBe(token);
    expect(now.value.password).toBe('pending-password');
    expect(strategy.db.get('app')).toBe('pending-password');
    const { stagesByVersion } = await getVersionStages(client, arn);
    expect(stagesByVersion[token]).toEqual([AWSCURRENT]);
  });

  it('re-running each step, then the whole sequence, is harmless', async () => {
    const { client, arn } = await enabledSecret('rot/retry');
    const strategy = createFakeStrategy(INITIAL);
    const handler = createRotationHandler(strategy, { client });
    // The driver plays RotateSecret's part: it creates the AWSPENDING version for a new token.
    const { token } = await runRotation(client, arn, strategy, { stopAfter: 'createSecret' });
    const pendingBefore = await client.send(
      new GetSecretValueCommand({ SecretId: arn, VersionId: token, VersionStage: AWSPENDING }),
    );
    for (const Step of STEPS) {
      await handler({ Step, SecretId: arn, ClientRequestToken: token });
      await handler({ Step, SecretId: arn, ClientRequestToken: token });
    }
    for (const Step of STEPS) await handler({ Step, SecretId: arn, ClientRequestToken: token });
    const now = await current(client, arn);
    expect(now.versionId).toBe(token);
    expect(JSON.stringify(now.value)).toBe(pendingBefore.SecretString);
    expect(strategy.calls.filter((c) => c.method === 'createPendingValue')).toHaveLength(1);
    const { stagesByVersion } = await getVersionStages(client, arn);
    expect(
      Object.values(stagesByVersion)
        .flat()
        .filter((s) => s === AWSPENDING),
    ).toHaveLength(0);
    expect(
      Object.values(stagesByVersion)
        .flat()
        .filter((s) => s === AWSCURRENT),
    ).toHaveLength(1);
  });

  it('fails with ROTATION_INVALID_TOKEN for a token that is not AWSPENDING', async () => {
    const { client, arn } = await enabledSecret('rot/not-pending');
    const strategy = createFakeStrategy(INITIAL);
    const handler = createRotationHandler(strategy, { client });
    const { stagesByVersion } = await getVersionStages(client, arn);
    const previous = Object.entries(stagesByVersion).find(([, s]) => s.includes(AWSPREVIOUS))?.[0];
    expect(previous).toBeDefined();
    await expect(
      handler({ Step: 'createSecret', SecretId: arn, ClientRequestToken: previous! }),
    ).rejects.toMatchObject({ code: 'ROTATION_INVALID_TOKEN' });
    await expect(
      handler({ Step: 'setSecret', SecretId: arn, ClientRequestToken: 'not-a-version-of-this-secret' }),
    ).rejects.toMatchObject({ code: 'ROTATION_INVALID_TOKEN' });
    expect(strategy.calls).toHaveLength(0);
  });

  it('returns early when the token is already AWSCURRENT', async () => {
    const { client, arn } = await enabledSecret('rot/current');
    const strategy = createFakeStrategy(INITIAL);
    const handler = createRotationHandler(strategy, { client });
    const before = await current(client, arn);
    for (const Step of STEPS) await handler({ Step, SecretId: arn, ClientRequestToken: before.versionId });
    expect(strategy.calls).toHaveLength(0);
    expect((await current(client, arn)).versionId).toBe(before.versionId);
  });

  it('fails with ROTATION_NOT_ENABLED on a secret without rotation', async () => {
    const { client, arn } = await createSecret('rot/disabled');
    const strategy = createFakeStrategy(INITIAL);
    const { token } = await runRotation(client, arn, strategy, { stopAfter: 'createSecret' });
    const handler = createRotationHandler(strategy, { client });
    await expect(
      handler({ Step: 'setSecret', SecretId: arn, ClientRequestToken: token }),
    ).rejects.toMatchObject({
      code: 'ROTATION_NOT_ENABLED',
    });
    const lenient = createRotationHandler(strategy, { client, requireRotationEnabled: false });
    await lenient({ Step: 'setSecret', SecretId: arn, ClientRequestToken: token });
  });
});
