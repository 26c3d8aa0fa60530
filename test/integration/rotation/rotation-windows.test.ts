/**
 * Rotation windows and schedules on moto: configureRotation sets them, describeRotation reads
 * them back.
 */
import { CreateSecretCommand } from '@aws-sdk/client-secrets-manager';
import { describe, expect, it } from 'vitest';
import { configureRotation, describeRotation } from '../../../src/rotation/index.js';
import { smClient, useEmulator } from '../../support/aws.js';

const value = JSON.stringify({
  engine: 'postgres',
  host: '127.0.0.1',
  port: 1,
  username: 'u',
  password: 'p-1234567890',
});

describe('rotation schedules and windows (moto)', () => {
  useEmulator();

  const create = async (name: string) =>
    (await smClient().send(new CreateSecretCommand({ Name: name, SecretString: value }))).ARN as string;

  it('days: configureRotation turns rotation on, describeRotation reads it back (moto keeps no Duration nor ScheduleExpression: those are in test/unit/rotation/managed-rotation.test.ts)', async () => {
    const id = await create('w/days');
    expect((await describeRotation(smClient(), id)).kind).toBe('none');
    await configureRotation(smClient(), id, {
      schedule: { days: 30 },
      duration: '3h',
      rotateImmediately: false,
    });
    const r = await describeRotation(smClient(), id);
    expect(r).toMatchObject({ enabled: true, automaticallyAfterDays: 30, owningService: undefined });
  });
});
