import { describe, expect, it } from 'vitest';
import { runRotation } from '../../../src/rotation/index.js';
import { createFakeStrategy } from './fake-strategy.js';
import { createInMemorySecret, V1, vid } from './in-memory-secret.js';

const INITIAL = JSON.stringify({ username: 'app', password: 'pw0' });

function setup() {
  const sm = createInMemorySecret('db', INITIAL);
  const strategy = createFakeStrategy(INITIAL);
  return { sm, strategy };
}

describe('runRotation', () => {
  it('rotates with a new UUID token, without RotateSecret, rotation not required to be enabled', async () => {
    const { sm, strategy } = setup();
    const steps: string[] = [];
    const result = await runRotation(sm.client, 'db', strategy, {
      onStep: (s, o) => steps.push(`${s}:${o}`),
    });
    expect(result.token).toMatch(/^[0-9a-f-]{36}$/);
    expect(result).toMatchObject({ resumed: false, alreadyCurrent: false });
    expect(steps).toEqual(['createSecret:done', 'setSecret:done', 'testSecret:done', 'finishSecret:done']);
    expect(await sm.stages()).toEqual({ [V1]: ['AWSPREVIOUS'], [result.token]: ['AWSCURRENT'] });
    expect(sm.sent('RotateSecret')).toHaveLength(0);
  });

  it('requires rotation enabled when asked to', async () => {
    const { sm, strategy } = setup();
    await expect(
      runRotation(sm.client, 'db', strategy, { requireRotationEnabled: true }),
    ).rejects.toMatchObject({
      code: 'ROTATION_NOT_ENABLED',
    });
    expect(sm.sent('PutSecretValue')).toHaveLength(0);
  });

  it('uses the given token', async () => {
    const { sm, strategy } = setup();
    const result = await runRotation(sm.client, 'db', strategy, {
      token: 'my-token-0001-aaaaaaaaaaaaaaaaaaaa',
    });
    expect(result.token).toBe('my-token-0001-aaaaaaaaaaaaaaaaaaaa');
    expect(await sm.holder('AWSCURRENT')).toBe('my-token-0001-aaaaaaaaaaaaaaaaaaaa');
  });

  it('stops after a step and resumes the same rotation on the next run', async () => {
    const { sm, strategy } = setup();
    const first = await runRotation(sm.client, 'db', strategy, { stopAfter: 'setSecret' });
    expect(first.steps).toEqual(['createSecret', 'setSecret']);
    expect(await sm.holder('AWSPENDING')).toBe(first.token);
    const second = await runRotation(sm.client, 'db', strategy);
    expect(second).toMatchObject({ token: first.token, resumed: true });
    expect(await sm.stages()).toEqual({ [V1]: ['AWSPREVIOUS'], [first.token]: ['AWSCURRENT'] });
    expect(strategy.calls.filter((c) => c.method === 'createPendingValue')).toHaveLength(1);
  });

  it('resumes a rotation Secrets Manager started (AWSPENDING version without a value)', async () => {
    const { sm, strategy } = setup();
    const awsToken = vid('aws-token');
    await sm.enableRotation(awsToken);
    const result = await runRotation(sm.client, 'db', strategy);
    expect(result).toMatchObject({ token: awsToken, resumed: true });
    expect(await sm.holder('AWSCURRENT')).toBe(awsToken);
  });

  it('returns alreadyCurrent for a token that is AWSCURRENT, running nothing', async () => {
    const { sm, strategy } = setup();
    const first = await runRotation(sm.client, 'db', strategy);
    const calls = strategy.calls.length;
    const result = await runRotation(sm.client, 'db', strategy, { token: first.token });
    expect(result).toEqual({ token: first.token, resumed: false, alreadyCurrent: true, steps: [] });
    expect(strategy.calls).toHaveLength(calls);
  });

  it('refuses a token other than the rotation in progress', async () => {
    const { sm, strategy } = setup();
    await runRotation(sm.client, 'db', strategy, { stopAfter: 'createSecret' });
    await expect(
      runRotation(sm.client, 'db', strategy, { token: 'other-token-aaaaaaaaaaaaaaaaaaaaaaa' }),
    ).rejects.toMatchObject({
      code: 'ROTATION_INVALID_TOKEN',
    });
  });

  it('refuses a token that names a version which is not pending', async () => {
    const { sm, strategy } = setup();
    const old = '00000000-0000-4000-8000-000000000000';
    await sm.addVersion(old, 'x', ['AWSPREVIOUS']);
    await expect(runRotation(sm.client, 'db', strategy, { token: old })).rejects.toMatchObject({
      code: 'ROTATION_INVALID_TOKEN',
    });
  });

  it('cleans an AWSPENDING left on the current version and starts a new rotation', async () => {
    const { sm, strategy } = setup();
    await sm.label('AWSPENDING', V1);
    const result = await runRotation(sm.client, 'db', strategy);
    expect(result.resumed).toBe(false);
    expect(await sm.stages()).toEqual({ [V1]: ['AWSPREVIOUS'], [result.token]: ['AWSCURRENT'] });
  });

  it('leaves AWSCURRENT alone when testSecret fails, and the next run finishes', async () => {
    const { sm, strategy } = setup();
    strategy.failNext('testSecret');
    await expect(runRotation(sm.client, 'db', strategy)).rejects.toMatchObject({ code: 'ROTATION_FAILED' });
    expect(await sm.holder('AWSCURRENT')).toBe(V1);
    const again = await runRotation(sm.client, 'db', strategy);
    expect(again.resumed).toBe(true);
    expect(await sm.holder('AWSCURRENT')).toBe(again.token);
  });

  it('rejects a token AWS would refuse as ClientRequestToken', async () => {
    const { sm, strategy } = setup();
    await expect(runRotation(sm.client, 'db', strategy, { token: 'short' })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
    });
  });

  it('rejects an empty secret id', async () => {
    const { sm, strategy } = setup();
    await expect(runRotation(sm.client, '', strategy)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  });
});
