import { describe, expect, it } from 'vitest';
import {
  cancelRotation,
  configureRotation,
  getVersionStages,
  type RotationSchedule,
  rotateNow,
  toRotationRules,
} from '../../../src/rotation/index.js';
import { createInMemorySecret, LAMBDA, vid } from './in-memory-secret.js';

/**
 * A secret with rotation configured (a Lambda, no rotation started), which AWS requires before
 * rotateNow and cancelRotation.
 */
async function configured() {
  const sm = createInMemorySecret('db', '{}');
  await configureRotation(sm.client, 'db', {
    lambdaArn: LAMBDA,
    schedule: { days: 30 },
    rotateImmediately: false,
  });
  return sm;
}

describe('toRotationRules', () => {
  it.each([
    ['rate(30 days)', { ScheduleExpression: 'rate(30 days)' }],
    ['rate(1 day)', { ScheduleExpression: 'rate(1 day)' }],
    ['rate(4 hours)', { ScheduleExpression: 'rate(4 hours)' }],
    ['cron(0 16 1,15 * ? *)', { ScheduleExpression: 'cron(0 16 1,15 * ? *)' }],
  ] as const)('accepts %s', (schedule, rules) => {
    expect(toRotationRules(schedule)).toEqual(rules);
  });

  it('turns { days } into AutomaticallyAfterDays and adds the window', () => {
    expect(toRotationRules({ days: 90 }, '3h')).toEqual({ AutomaticallyAfterDays: 90, Duration: '3h' });
  });

  it.each([
    'rate(2 hours)',
    'rate(0 days)',
    'rate(1001 days)',
    'rate(5 minutes)',
    'cron(0 16 * *)',
    'every day',
  ])('rejects %s with INVALID_ARGUMENT', (schedule) => {
    expect(() => toRotationRules(schedule as RotationSchedule)).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    );
  });

  it('rejects bad day counts and windows', () => {
    expect(() => toRotationRules({ days: 0 })).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    expect(() => toRotationRules({ days: 1.5 })).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    );
    expect(() => toRotationRules({ days: 7 }, '3 hours')).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    );
    expect(() => toRotationRules({ days: 7 }, '25h')).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    );
  });
});

describe('configureRotation / rotateNow / cancelRotation', () => {
  it('sends RotateSecret with the function, the rules and RotateImmediately', async () => {
    const sm = createInMemorySecret('db', '{}');
    await configureRotation(sm.client, 'db', {
      lambdaArn: LAMBDA,
      schedule: 'rate(30 days)',
      duration: '2h',
      rotateImmediately: false,
    });
    expect(sm.sent('RotateSecret')[0]).toEqual({
      SecretId: 'db',
      RotationLambdaARN: LAMBDA,
      RotationRules: { ScheduleExpression: 'rate(30 days)', Duration: '2h' },
      RotateImmediately: false,
    });
  });

  it('validates the schedule before calling AWS', async () => {
    const sm = createInMemorySecret('db', '{}');
    await expect(
      configureRotation(sm.client, 'db', { lambdaArn: LAMBDA, schedule: 'rate(1 hours)' }),
    ).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      secretId: 'db',
    });
    expect(sm.sent('RotateSecret')).toHaveLength(0);
  });

  it('rotateNow sends RotateSecret without rules and returns the new version id', async () => {
    const sm = await configured();
    const token = vid('tok-1');
    const out = await rotateNow(sm.client, 'db', { clientRequestToken: token });
    expect(out.versionId).toBe(token);
    expect(sm.sent('RotateSecret')[1]).toEqual({
      SecretId: 'db',
      ClientRequestToken: token,
    });
    // As on AWS, RotateSecret made the token's version, AWSPENDING without a value yet.
    expect(await sm.holder('AWSPENDING')).toBe(token);
  });

  it('cancelRotation sends CancelRotateSecret and maps errors', async () => {
    const sm = await configured();
    await cancelRotation(sm.client, 'db');
    expect(sm.sent('CancelRotateSecret')).toHaveLength(1);
    expect((await getVersionStages(sm.client, 'db')).rotationEnabled).toBe(false);
    await expect(cancelRotation(sm.client, 'other')).rejects.toMatchObject({
      code: 'NOT_FOUND',
      secretId: 'other',
    });
  });
});
