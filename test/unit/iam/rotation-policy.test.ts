import { describe, expect, it } from 'vitest';
import { rotationFunctionPolicy } from '../../../src/iam/rotation-policy.js';
import { ACCOUNT, accountRootKeyPolicy, decide, keyArn, OTHER_ACCOUNT, secretArn, via } from './simulate.js';

const ROLE = `arn:aws:iam::${ACCOUNT}:role/rotation-lambda`;
const APP_KEY = keyArn('aaaa1111-12ab-34cd-56ef-1234567890ab');
const MASTER_KEY = keyArn('bbbb2222-12ab-34cd-56ef-1234567890ab');
const APP = secretArn('app/prod/db-AbC123');
const MASTER = secretArn('app/prod/db-master-QwE456');

const policy = rotationFunctionPolicy({
  secret: { id: APP, regions: ['eu-west-1'] },
  masterSecret: 'app/prod/db-master',
  accountId: ACCOUNT,
  region: 'us-east-1',
  kmsKeys: [APP_KEY],
  masterKmsKeys: [MASTER_KEY],
});
const identity = [policy];
const keyPolicy = accountRootKeyPolicy();
const SM_US = via('secretsmanager.us-east-1.amazonaws.com');

describe('rotationFunctionPolicy output', () => {
  it('is merged and ordered', () => {
    expect(policy.Statement).toEqual([
      {
        Effect: 'Allow',
        Action: [
          'secretsmanager:DescribeSecret',
          'secretsmanager:GetSecretValue',
          'secretsmanager:PutSecretValue',
          'secretsmanager:UpdateSecretVersionStage',
        ],
        Resource: APP,
      },
      {
        Effect: 'Allow',
        Action: 'secretsmanager:GetSecretValue',
        Resource: `arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret:app/prod/db-master-??????`,
      },
      { Effect: 'Allow', Action: 'secretsmanager:GetRandomPassword', Resource: '*' },
      {
        Effect: 'Allow',
        Action: ['kms:Decrypt', 'kms:GenerateDataKey'],
        Resource: APP_KEY,
        Condition: { StringEquals: { 'kms:ViaService': 'secretsmanager.us-east-1.amazonaws.com' } },
      },
      {
        Effect: 'Allow',
        Action: 'kms:Decrypt',
        Resource: MASTER_KEY,
        Condition: { StringEquals: { 'kms:ViaService': 'secretsmanager.us-east-1.amazonaws.com' } },
      },
    ]);
  });
});

describe('rotationFunctionPolicy in the IAM simulator', () => {
  const run = (action: string, resource: string, extra: Partial<Parameters<typeof decide>[0]> = {}) =>
    decide({ principal: ROLE, action, resource, identity, ...extra });

  it.each([
    ['DescribeSecret', APP],
    ['GetSecretValue', APP],
    ['PutSecretValue', APP],
    ['UpdateSecretVersionStage', APP],
    ['GetRandomPassword', '*'],
    ['GetSecretValue', MASTER],
  ])('allows %s on %s', async (action, resource) => {
    expect(await run(`secretsmanager:${action}`, resource)).toBe('Allowed');
  });

  it.each([
    ['PutSecretValue on the master secret', 'secretsmanager:PutSecretValue', MASTER],
    ['UpdateSecretVersionStage on the master secret', 'secretsmanager:UpdateSecretVersionStage', MASTER],
    ['RotateSecret', 'secretsmanager:RotateSecret', APP],
    ['DeleteSecret', 'secretsmanager:DeleteSecret', APP],
    ['PutResourcePolicy', 'secretsmanager:PutResourcePolicy', APP],
    [
      'a write to the replica (replicas are read-only)',
      'secretsmanager:PutSecretValue',
      secretArn('app/prod/db-AbC123', 'eu-west-1'),
    ],
    [
      'another secret with the same prefix',
      'secretsmanager:GetSecretValue',
      secretArn('app/prod/db-admin-AbC123'),
    ],
    [
      'another account',
      'secretsmanager:PutSecretValue',
      secretArn('app/prod/db-AbC123', 'us-east-1', OTHER_ACCOUNT),
    ],
  ])('denies %s', async (_label, action, resource) => {
    expect(await run(action, resource)).toBe('ImplicitlyDenied');
  });

  it('allows Decrypt and GenerateDataKey on the secret key via Secrets Manager', async () => {
    for (const action of ['kms:Decrypt', 'kms:GenerateDataKey']) {
      expect(await run(action, APP_KEY, { resourcePolicy: keyPolicy, context: SM_US })).toBe('Allowed');
    }
    expect(await run('kms:Decrypt', MASTER_KEY, { resourcePolicy: keyPolicy, context: SM_US })).toBe(
      'Allowed',
    );
  });

  it.each([
    ['GenerateDataKey on the master key', 'kms:GenerateDataKey', MASTER_KEY, SM_US],
    ['Decrypt via another service', 'kms:Decrypt', APP_KEY, via('lambda.us-east-1.amazonaws.com')],
    ['Decrypt without kms:ViaService', 'kms:Decrypt', APP_KEY, {}],
    ['Decrypt via another region', 'kms:Decrypt', APP_KEY, via('secretsmanager.eu-west-1.amazonaws.com')],
    ['Encrypt', 'kms:Encrypt', APP_KEY, SM_US],
  ])('denies %s', async (_label, action, resource, context) => {
    expect(await run(action, resource, { resourcePolicy: keyPolicy, context })).toBe('ImplicitlyDenied');
  });

  it('works without a master secret or keys', () => {
    const single = rotationFunctionPolicy({ secret: APP });
    expect(single.Statement).toHaveLength(2);
  });
});
