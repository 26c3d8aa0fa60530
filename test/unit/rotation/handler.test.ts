import {
  GetRandomPasswordCommand,
  PutSecretValueCommand,
  UpdateSecretVersionStageCommand,
} from '@aws-sdk/client-secrets-manager';
import { describe, expect, it } from 'vitest';
import { isSecretkitError } from '../../../src/errors/secretkit-error.js';
import {
  createRotationHandler,
  type RotationEvent,
  type RotationHandlerOptions,
  type RotationStepName,
} from '../../../src/rotation/index.js';
import { createFakeSecretsManager } from './fake-secrets-manager.js';
import { createFakeStrategy } from './fake-strategy.js';

const INITIAL = JSON.stringify({ username: 'app', password: 'pw0' });
const TOKEN = 'tok-1';

/** A secret with rotation enabled and, as RotateSecret leaves it, an AWSPENDING version with no value. */
function setup(options: Omit<RotationHandlerOptions, 'client'> = {}) {
  const sm = createFakeSecretsManager('db', INITIAL);
  sm.rotationEnabled = true;
  sm.versions.set(TOKEN, { stages: new Set(['AWSPENDING']), value: undefined });
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
    const { sm, strategy, run } = setup();
    await run('createSecret', 'setSecret', 'testSecret', 'finishSecret');
    expect(sm.stages()).toEqual({ v1: ['AWSPREVIOUS'], [TOKEN]: ['AWSCURRENT'] });
    const value = JSON.parse(sm.versions.get(TOKEN)?.value ?? '{}') as { username: string; password: string };
    expect(value.username).toBe('app');
    expect(value.password).toHaveLength(32);
    expect(strategy.db.get('app')).toBe(value.password);
    expect(strategy.calls.map((c) => c.method)).toEqual(['createPendingValue', 'setSecret', 'testSecret']);
    // Strategies are given the ARN from the event and the token.
    expect(strategy.calls.every((c) => c.secretId === sm.arn && c.token === TOKEN)).toBe(true);
  });

  it('createSecret puts the value with the token as ClientRequestToken and only AWSPENDING', async () => {
    const { sm, run } = setup();
    await run('createSecret');
    const input = sm.mock.commandCalls(PutSecretValueCommand)[0]?.args[0].input;
    expect(input).toMatchObject({
      SecretId: sm.arn,
      ClientRequestToken: TOKEN,
      VersionStages: ['AWSPENDING'],
    });
    expect(sm.holder('AWSCURRENT')).toBe('v1');
  });

  it('generates passwords with the default policy (32, excluding :/@"\'\\)', async () => {
    const { sm, run } = setup();
    await run('createSecret');
    expect(sm.mock.commandCalls(GetRandomPasswordCommand)[0]?.args[0].input).toEqual({
      PasswordLength: 32,
      ExcludeCharacters: ':/@"\'\\',
    });
  });

  it('generates passwords with a configured policy', async () => {
    const { sm, run } = setup({
      password: { length: 20, excludeCharacters: 'abc', excludePunctuation: true },
    });
    await run('createSecret');
    expect(sm.mock.commandCalls(GetRandomPasswordCommand)[0]?.args[0].input).toEqual({
      PasswordLength: 20,
      ExcludeCharacters: 'abc',
      ExcludePunctuation: true,
    });
  });

  it('gives set/test the current, pending and previous values', async () => {
    const { sm, strategy, run } = setup();
    sm.versions.set('v0', { stages: new Set(['AWSPREVIOUS']), value: 'old' });
    await run('createSecret', 'setSecret');
    const set = strategy.calls.find((c) => c.method === 'setSecret');
    expect(set?.versions).toEqual({
      current: INITIAL,
      pending: sm.versions.get(TOKEN)?.value,
      previous: 'old',
    });
  });

  describe('idempotency (Secrets Manager retries steps)', () => {
    it('re-running createSecret keeps the first pending value and does not call the strategy again', async () => {
      const { sm, strategy, run } = setup();
      await run('createSecret');
      const first = sm.versions.get(TOKEN)?.value;
      await run('createSecret');
      expect(sm.versions.get(TOKEN)?.value).toBe(first);
      expect(strategy.calls.filter((c) => c.method === 'createPendingValue')).toHaveLength(1);
      expect(sm.mock.commandCalls(PutSecretValueCommand)).toHaveLength(1);
    });

    it('re-running every step, and the whole sequence, is harmless', async () => {
      const { sm, strategy, run } = setup();
      await run('createSecret', 'createSecret', 'setSecret', 'setSecret', 'testSecret', 'testSecret');
      await run('finishSecret', 'finishSecret');
      await run('createSecret', 'setSecret', 'testSecret', 'finishSecret');
      expect(sm.stages()).toEqual({ v1: ['AWSPREVIOUS'], [TOKEN]: ['AWSCURRENT'] });
      const pending = JSON.parse(sm.versions.get(TOKEN)?.value ?? '{}') as { password: string };
      expect(strategy.db.get('app')).toBe(pending.password);
    });

    it('finishSecret interrupted between its two label moves completes on retry', async () => {
      const { sm, run } = setup();
      await run('createSecret', 'setSecret', 'testSecret');
      // A first finishSecret attempt moved AWSCURRENT, then died before removing AWSPENDING.
      sm.versions.get('v1')?.stages.clear();
      sm.versions.get('v1')?.stages.add('AWSPREVIOUS');
      sm.versions.get(TOKEN)?.stages.add('AWSCURRENT');
      await run('finishSecret');
      expect(sm.stages()).toEqual({ v1: ['AWSPREVIOUS'], [TOKEN]: ['AWSCURRENT'] });
    });
  });

  describe('pre-checks', () => {
    it('fails with ROTATION_NOT_ENABLED when rotation is off', async () => {
      const { sm, strategy, run } = setup();
      sm.rotationEnabled = false;
      await expect(run('createSecret')).rejects.toMatchObject({
        code: 'ROTATION_NOT_ENABLED',
        secretId: sm.arn,
      });
      expect(strategy.calls).toHaveLength(0);
    });

    it('skips that check with requireRotationEnabled: false', async () => {
      const { sm, run } = setup({ requireRotationEnabled: false });
      sm.rotationEnabled = false;
      await run('createSecret', 'setSecret', 'testSecret', 'finishSecret');
      expect(sm.holder('AWSCURRENT')).toBe(TOKEN);
    });

    it('fails with ROTATION_INVALID_TOKEN when the token is not a version of the secret', async () => {
      const { handler, event } = setup();
      await expect(handler(event('createSecret', 'unknown'))).rejects.toMatchObject({
        code: 'ROTATION_INVALID_TOKEN',
      });
    });

    it('fails with ROTATION_INVALID_TOKEN when the token is neither AWSPENDING nor AWSCURRENT', async () => {
      const { sm, handler, event, strategy } = setup();
      sm.versions.set('old', { stages: new Set(['AWSPREVIOUS']), value: 'x' });
      for (const step of ['createSecret', 'setSecret', 'testSecret', 'finishSecret'] as const) {
        await expect(handler(event(step, 'old'))).rejects.toMatchObject({ code: 'ROTATION_INVALID_TOKEN' });
      }
      expect(strategy.calls).toHaveLength(0);
    });

    it('returns early, touching nothing, when the token is already AWSCURRENT', async () => {
      const { sm, handler, event, strategy } = setup();
      for (const step of ['createSecret', 'setSecret', 'testSecret', 'finishSecret'] as const) {
        await handler(event(step, 'v1'));
      }
      expect(strategy.calls).toHaveLength(0);
      expect(sm.mock.commandCalls(PutSecretValueCommand)).toHaveLength(0);
      expect(sm.mock.commandCalls(UpdateSecretVersionStageCommand)).toHaveLength(0);
    });

    it('rejects a malformed event with INVALID_ARGUMENT', async () => {
      const { handler, sm } = setup();
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
      const { sm, strategy, run } = setup();
      await run('createSecret');
      strategy.failNext('setSecret');
      const error = await run('setSecret').catch((e: unknown) => e);
      expect(isSecretkitError(error, 'ROTATION_FAILED')).toBe(true);
      expect(error).toMatchObject({ details: { step: 'setSecret', strategy: 'fake' } });
      expect((error as Error).cause).toBeInstanceOf(Error);
      expect(sm.holder('AWSCURRENT')).toBe('v1');
    });

    it('setSecret before createSecret fails with ROTATION_FAILED', async () => {
      const { run } = setup();
      await expect(run('setSecret')).rejects.toMatchObject({ code: 'ROTATION_FAILED' });
    });

    it('rejects a malformed strategy or password policy at creation', () => {
      const sm = createFakeSecretsManager('db', INITIAL);
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
    const { sm, run } = setup({ logger });
    await run('createSecret', 'setSecret', 'testSecret', 'finishSecret');
    const password = (JSON.parse(sm.versions.get(TOKEN)?.value ?? '{}') as { password: string }).password;
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.join('\n')).not.toContain(password);
    expect(lines.join('\n')).not.toContain('pw0');
  });
});
