/**
 * Secrets owned by another service (OwningService, e.g. RDS-managed master passwords) and
 * managed rotation. moto has no OwningService, so these run on aws-sdk-client-mock (listed in
 * docs/testing.md).
 */
import {
  DescribeSecretCommand,
  GetSecretValueCommand,
  PutSecretValueCommand,
  RotateSecretCommand,
  SecretsManagerClient,
  UpdateSecretVersionStageCommand,
} from '@aws-sdk/client-secrets-manager';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { isSecretkitError } from '../../../src/errors/secretkit-error.js';
import {
  checkRotation,
  configureRotation,
  createRotationHandler,
  describeRotation,
  runRotation,
} from '../../../src/rotation/index.js';
import { postgresSingleUser } from '../../../src/rotation/postgres/index.js';

const sm = mockClient(SecretsManagerClient);
const client = new SecretsManagerClient({
  region: 'us-east-1',
  credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
});
const ARN = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:rds!db-1234-AbCdEf';
const owned = {
  ARN,
  Name: 'rds!db-1234',
  OwningService: 'rds',
  RotationEnabled: true,
  RotationRules: { AutomaticallyAfterDays: 7 },
  VersionIdsToStages: { v1: ['AWSCURRENT'] },
};

describe('managed (service-owned) secrets', () => {
  beforeEach(() => {
    sm.reset();
  });

  it('describeRotation says who owns the secret and how it rotates', async () => {
    sm.on(DescribeSecretCommand).resolves(owned);
    const r = await describeRotation(client, ARN);
    expect(r).toMatchObject({
      kind: 'managed',
      owningService: 'rds',
      enabled: true,
      automaticallyAfterDays: 7,
      pendingVersionId: undefined,
    });
    sm.on(DescribeSecretCommand).resolves({
      ...owned,
      OwningService: undefined,
      RotationLambdaARN: 'arn:aws:lambda:us-east-1:123456789012:function:rot',
    });
    expect((await describeRotation(client, ARN)).kind).toBe('lambda');
  });

  it('runRotation refuses a service-owned secret and writes nothing', async () => {
    sm.on(DescribeSecretCommand).resolves(owned);
    const error = await runRotation(client, ARN, postgresSingleUser()).catch((e: unknown) => e);
    expect(isSecretkitError(error, 'ROTATION_FAILED')).toBe(true);
    expect((error as { details?: unknown }).details).toMatchObject({
      check: 'owning-service',
      owningService: 'rds',
    });
    expect(sm.commandCalls(PutSecretValueCommand)).toHaveLength(0);
    expect(sm.commandCalls(UpdateSecretVersionStageCommand)).toHaveLength(0);
    expect(sm.commandCalls(GetSecretValueCommand)).toHaveLength(0);
  });

  it('the Lambda handler refuses it at every step', async () => {
    sm.on(DescribeSecretCommand).resolves(owned);
    const handler = createRotationHandler(postgresSingleUser(), { client });
    for (const Step of ['createSecret', 'setSecret', 'testSecret', 'finishSecret'] as const) {
      const error = await handler({ Step, SecretId: ARN, ClientRequestToken: 'v2' }).catch((e: unknown) => e);
      expect((error as { details?: { check?: string } }).details?.check).toBe('owning-service');
    }
    expect(sm.commandCalls(PutSecretValueCommand)).toHaveLength(0);
  });

  it('checkRotation reports MANAGED_BY_SERVICE and reads no value', async () => {
    sm.on(DescribeSecretCommand).resolves(owned);
    const result = await checkRotation(client, ARN, postgresSingleUser());
    expect(result.findings.map((f) => f.code)).toEqual(['MANAGED_BY_SERVICE']);
    expect(sm.commandCalls(GetSecretValueCommand)).toHaveLength(0);
  });

  it('configureRotation managed: schedule and window only, no Lambda ARN', async () => {
    sm.on(DescribeSecretCommand).resolves(owned);
    sm.on(RotateSecretCommand).resolves({ ARN });
    await configureRotation(client, ARN, {
      managed: true,
      schedule: 'cron(0 4 ? * SUN *)',
      duration: '3h',
      rotateImmediately: false,
    });
    const input = sm.commandCalls(RotateSecretCommand)[0]?.args[0].input;
    expect(input).toEqual({
      SecretId: ARN,
      RotationRules: { ScheduleExpression: 'cron(0 4 ? * SUN *)', Duration: '3h' },
      RotateImmediately: false,
    });
  });

  it('configureRotation managed refuses a secret nobody owns, and a lambdaArn', async () => {
    sm.on(DescribeSecretCommand).resolves({ ...owned, OwningService: undefined });
    const notOwned = await configureRotation(client, ARN, { managed: true, schedule: { days: 7 } }).catch(
      (e: unknown) => e,
    );
    expect(isSecretkitError(notOwned, 'INVALID_ARGUMENT')).toBe(true);
    const withLambda = await configureRotation(client, ARN, {
      managed: true,
      lambdaArn: 'arn:aws:lambda:us-east-1:1:function:x',
      schedule: { days: 7 },
    }).catch((e: unknown) => e);
    expect(isSecretkitError(withLambda, 'INVALID_ARGUMENT')).toBe(true);
    expect(sm.commandCalls(RotateSecretCommand)).toHaveLength(0);
  });

  it('describeRotation reads a cron schedule and window (moto stores neither)', async () => {
    sm.on(DescribeSecretCommand).resolves({
      ...owned,
      OwningService: undefined,
      RotationLambdaARN: 'arn:aws:lambda:us-east-1:123456789012:function:rot',
      RotationRules: { ScheduleExpression: 'cron(0 4 ? * SUN *)', Duration: '2h' },
    });
    expect(await describeRotation(client, ARN)).toMatchObject({
      kind: 'lambda',
      scheduleExpression: 'cron(0 4 ? * SUN *)',
      duration: '2h',
    });
  });

  it('checkRotation: ROTATION_SCHEDULE_INVALID for rules AWS would not run (a 30h window)', async () => {
    sm.on(DescribeSecretCommand).resolves({
      ...owned,
      OwningService: undefined,
      RotationRules: { AutomaticallyAfterDays: 7, Duration: '30h' },
    });
    sm.on(GetSecretValueCommand).rejects(
      Object.assign(new Error('gone'), { name: 'ResourceNotFoundException', $fault: 'client' }),
    );
    const result = await checkRotation(client, ARN, postgresSingleUser());
    expect(result.findings.map((f) => f.code)).toContain('ROTATION_SCHEDULE_INVALID');
  });
});
