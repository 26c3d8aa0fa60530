import { describe, expect, it } from 'vitest';
import { isSecretkitError } from '../../../src/errors/secretkit-error.js';
import {
  createRotationHandler,
  type RotationEvent,
  type RotationHandlerOptions,
  type RotationStepName,
} from '../../../src/rotation/index.js';
import { createFakeStrategy } from './fake-strategy.js';
import { createInMemorySecret, V1, vid } from './in-memory-secret.js';

const INITIAL = JSON.stringify({ username: 'app', password: 'pw0' });
const TOKEN = vid('tok-1');

/** A secret with rotation enabled and, as RotateSecret leaves it, an AWSPENDING version with no value. */
async function setup(options: Omit<RotationHandlerOptions, 'client'> = {}) {
  const sm = createInMemorySecret('db', INITIAL);
  await sm.enableRotation(TOKEN);
  const strategy = createFakeStrategy(INITIAL);
  const handler = createRotationHandler(strategy, { client: sm.client, ...options });
  const event = (Step: RotationStepName, token = TOKEN): RotationEvent => ({
    Step,
    SecretId: sm.arn,
    ClientRequestToken: token,
  });
  const run = async (...steps: RotationStepName[]) => {
    for (const step of steps) await handler(event(step));
  };
  return { sm, strategy, handler, event, run };
}

describe('createRotationHandler', () => {
  it('runs a full rotation through the four events', async () => {
    const { sm, strategy, run } = await setup();
    await run('createSecret', 'setSecret', 'testSecret', 'finishSecret');
    expect(await sm.stages()).toEqual({ [V1]: ['AWSPREVIOUS'], [TOKEN]: ['AWSCURRENT'] });
    const value = JSON.parse((await sm.value(TOKEN)) ?? '{}') as { username: string; password: string };
    expect(value.username).toBe('app');
    expect(value.password).toHaveLength(32);
    expect(strategy.db.get('app')).toBe(value.password);
    expect(strategy.calls.map((c) => c.method)).toEqual(['createPendingValue', 'setSecret', 'testSecret']);
    // Strategies are given the ARN from the event and the token.
    expect(strategy.calls.every((c) => c.secretId === sm.arn && c.token === TOKEN)).toBe(true);
  });

  it('createSecret puts the value with the token as ClientRequestToken and only AWSPENDING', async () => {
    const { sm, run } = await setup();
    await run('createSecret');
    const input = sm.sent('PutSecretValue')[0];
    expect(input).toMatchObject({
      SecretId: sm.arn,
      ClientRequestToken: TOKEN,
      VersionStages: ['AWSPENDING'],
    });
    expect(await sm.holder('AWSCURRENT')).toBe(V1);
  });

  it('generates passwords with the default policy (32, excluding :/@"\'\\)', async () => {
    const { sm, run } = await setup();
    await run('createSecret');
    expect(sm.sent('GetRandomPassword')[0]).toEqual({
      PasswordLength: 32,
      ExcludeCharacters: ':/@"\'\\',
    });
  });

  it('generates passwords with a configured policy', async () => {
    const { sm, run } = await setup({
      password: { length: 20, excludeCharacters: 'abc', excludePunctuation: true },
    });
    await run('createSecret');
    expect(sm.sent('GetRandomPassword')[0]).toEqual({
      PasswordLength: 20,
      ExcludeCharacters: 'abc',
      ExcludePunctuation: true,
    });
  });

  it('gives set/test the current, pending and previous values', async () => {
    const { sm, strategy, run } = await setup();
    await sm.addVersion(vid('v0'), 'old', ['AWSPREVIOUS']);
    await run('createSecret', 'setSecret');
    const set = strategy.calls.find((c) => c.method === 'setSecret');
    expect(set?.versions).toEqual({
      current: INITIAL,
      pending: await sm.value(TOKEN),
      previous: 'old',
    });
  });

  describe('idempotency (Secrets Manager retries steps)', () => {
    it('re-running createSecret keeps the first pending value and does not call the strategy again', async () => {
      const { sm, strategy, run } = await setup();
      await run('createSecret');
      const first = await sm.value(TOKEN);
      await run('createSecret');
      expect(await sm.value(TOKEN)).toBe(first);
      expect(strategy.calls.filter((c) => c.method === 'createPendingValue')).toHaveLength(1);
      expect(sm.sent('PutSecretValue')).toHaveLength(1);
    });

    it('re-running every step, and the whole sequence, is harmless', async () => {
      const { sm, strategy, run } = await setup();
      await run('createSecret', 'createSecret', 'setSecret', 'setSecret', 'testSecret', 'testSecret');
      await run('finishSecret', 'finishSecret');
      await run('createSecret', 'setSecret', 'testSecret', 'finishSecret');
      expect(await sm.stages()).toEqual({ [V1]: ['AWSPREVIOUS'], [TOKEN]: ['AWSCURRENT'] });
      const pending = JSON.parse((await sm.value(TOKEN)) ?? '{}') as { password: string };
      expect(strategy.db.get('app')).toBe(pending.password);
    });

    it('finishSecret interrupted between its two label moves completes on retry', async () => {
      const { sm, run } = await setup();
      await run('createSecret', 'setSecret', 'testSecret');
      // A first finishSecret attempt moved AWSCURRENT, then died before removing AWSPENDING.
      await sm.label('AWSCURRENT', TOKEN);
      expect(await sm.stages()).toEqual({ [V1]: ['AWSPREVIOUS'], [TOKEN]: ['AWSPENDING', 'AWSCURRENT'] });
      await run('finishSecret');
      expect(await sm.stages()).toEqual({ [V1]: ['AWSPREVIOUS'], [TOKEN]: ['AWSCURRENT'] });
    });
  });

  describe('pre-checks', () => {
    it('fails with ROTATION_NOT_ENABLED when rotation is off', async () => {
      const { sm, strategy, run } = await setup();
      await sm.disableRotation();
      await expect(run('createSecret')).rejects.toMatchObject({
        code: 'ROTATION_NOT_ENABLED',
        secretId: sm.arn,
      });
      expect(strategy.calls).toHaveLength(0);
    });

    it('skips that check with requireRotationEnabled: false', async () => {
      const { sm, run } = await setup({ requireRotationEnabled: false });
      await sm.disableRotation();
      await run('createSecret', 'setSecret', 'testSecret', 'finishSecret');
      expect(await sm.holder('AWSCURRENT')).toBe(TOKEN);
    });

    it('fails with ROTATION_INVALID_TOKEN when the token is not a version of the secret', async () => {
      const { handler, event } = await setup();
      await expect(handler(event('createSecret', 'unknown'))).rejects.toMatchObject({
        code: 'ROTATION_INVALID_TOKEN',
      });
    });

    it('fails with ROTATION_INVALID_TOKEN when the token is neither AWSPENDING nor AWSCURRENT', async () => {
      const { sm, handler, event, strategy } = await setup();
      const old = vid('old');
      await sm.addVersion(old, 'x', ['AWSPREVIOUS']);
      for (const step of ['createSecret', 'setSecret', 'testSecret', 'finishSecret'] as const) {
        await expect(handler(event(step, old))).rejects.toMatchObject({ code: 'ROTATION_INVALID_TOKEN' });
      }
      expect(strategy.calls).toHaveLength(0);
    });

    it('returns early, touching nothing, when the token is already AWSCURRENT', async () => {
      const { sm, handler, event, strategy } = await setup();
      for (const step of ['createSecret', 'setSecret', 'testSecret', 'finishSecret'] as const) {
        await handler(event(step, V1));
      }
      expect(strategy.calls).toHaveLength(0);
      expect(sm.sent('PutSecretValue')).toHaveLength(0);
      expect(sm.sent('UpdateSecretVersionStage')).toHaveLength(0);
    });

    it('rejects a malformed event with INVALID_ARGUMENT', async () => {
      const { handler, sm } = await setup();
      const bad = {
        Step: 'rotateSecret',
        SecretId: sm.arn,
        ClientRequestToken: TOKEN,
      } as unknown as RotationEvent;
      await expect(handler(bad)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
      const noToken = { Step: 'createSecret', SecretId: sm.arn } as unknown as RotationEvent;
      await expect(handler(noToken)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    });
  });

  describe('failures', () => {
    it('wraps a strategy failure in ROTATION_FAILED with step, strategy and cause, and keeps AWSCURRENT', async () => {
      const { sm, strategy, run } = await setup();
      await run('createSecret');
      strategy.failNext('setSecret');
      const error = await run('setSecret').catch((e: unknown) => e);
      expect(isSecretkitError(error, 'ROTATION_FAILED')).toBe(true);
      expect(error).toMatchObject({ details: { step: 'setSecret', strategy: 'fake' } });
      expect((error as Error).cause).toBeInstanceOf(Error);
      expect(await sm.holder('AWSCURRENT')).toBe(V1);
    });

    it('setSecret before createSecret fails with ROTATION_FAILED', async () => {
      const { run } = await setup();
      await expect(run('setSecret')).rejects.toMatchObject({ code: 'ROTATION_FAILED' });
    });

    it('rejects a malformed strategy or password policy at creation', () => {
      const sm = createInMemorySecret('db', INITIAL);
      const broken = { name: 'x' } as unknown as Parameters<typeof createRotationHandler>[0];
      expect(() => createRotationHandler(broken, { client: sm.client })).toThrow(
        expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
      );
      expect(() =>
        createRotationHandler(createFakeStrategy(INITIAL), { client: sm.client, password: { length: 3 } }),
      ).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    });
  });

  it('never logs secret values', async () => {
    const lines: string[] = [];
    const logger = {
      info: (fields: Readonly<Record<string, unknown>>, message: string) =>
        lines.push(JSON.stringify(fields) + message),
      warn: (fields: Readonly<Record<string, unknown>>, message: string) =>
        lines.push(JSON.stringify(fields) + message),
    };
    const { sm, run } = await setup({ logger });
    await run('createSecret', 'setSecret', 'testSecret', 'finishSecret');
    const password = (JSON.parse((await sm.value(TOKEN)) ?? '{}') as { password: string }).password;
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.join('\n')).not.toContain(password);
    expect(lines.join('\n')).not.toContain('pw0');
  });
});
