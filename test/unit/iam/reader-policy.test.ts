import { describe, expect, it } from 'vitest';
import { readerPolicy } from '../../../src/iam/reader-policy.js';
import { ACCOUNT, accountRootKeyPolicy, decide, keyArn, OTHER_ACCOUNT, secretArn, via } from './simulate.js';

const US_KEY = keyArn('1234abcd-12ab-34cd-56ef-1234567890ab', 'us-east-1');
const EU_KEY = keyArn('5678abcd-12ab-34cd-56ef-1234567890ab', 'eu-west-1');
const DB = secretArn('app/prod/db-AbC123');

const policy = readerPolicy({
  secrets: [DB, 'app/prod/api'],
  accountId: ACCOUNT,
  region: 'us-east-1',
  regions: ['eu-west-1'],
  kmsKeys: [EU_KEY, US_KEY],
});
const identity = [policy];
const keyPolicy = accountRootKeyPolicy();

describe('readerPolicy output', () => {
  it('is small, deterministic plain JSON', () => {
    expect(policy).toEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Action: ['secretsmanager:DescribeSecret', 'secretsmanager:GetSecretValue'],
          Resource: [
            `arn:aws:secretsmanager:eu-west-1:${ACCOUNT}:secret:app/prod/api-??????`,
            `arn:aws:secretsmanager:eu-west-1:${ACCOUNT}:secret:app/prod/db-AbC123`,
            `arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret:app/prod/api-??????`,
            `arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret:app/prod/db-AbC123`,
          ],
        },
        { Effect: 'Allow', Action: 'secretsmanager:BatchGetSecretValue', Resource: '*' },
        {
          Effect: 'Allow',
          Action: 'kms:Decrypt',
          Resource: EU_KEY,
          Condition: { StringEquals: { 'kms:ViaService': 'secretsmanager.eu-west-1.amazonaws.com' } },
        },
        {
          Effect: 'Allow',
          Action: 'kms:Decrypt',
          Resource: US_KEY,
          Condition: { StringEquals: { 'kms:ViaService': 'secretsmanager.us-east-1.amazonaws.com' } },
        },
      ],
    });
    expect(JSON.parse(JSON.stringify(policy))).toEqual(policy);
  });

  it('does not depend on input order', () => {
    const shuffled = readerPolicy({
      secrets: ['app/prod/api', DB, DB],
      accountId: ACCOUNT,
      region: 'us-east-1',
      regions: ['eu-west-1', 'eu-west-1'],
      kmsKeys: [US_KEY, EU_KEY],
    });
    expect(JSON.stringify(shuffled)).toBe(JSON.stringify(policy));
  });

  it('can leave out BatchGetSecretValue, and has no statement for no secrets', () => {
    const noBatch = readerPolicy({ secrets: [DB], batch: false });
    expect(JSON.stringify(noBatch)).not.toContain('BatchGetSecretValue');
    expect(readerPolicy({ secrets: [] }).Statement).toEqual([]);
  });

  it('requires account and region for names, and key ARNs for keys', () => {
    expect(() => readerPolicy({ secrets: ['app/prod/api'] })).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    );
    expect(() => readerPolicy({ secrets: [DB], kmsKeys: ['alias/my-key'] })).toThrow(/alias/);
  });

  it('covers a prefix', () => {
    const prefix = readerPolicy({
      secrets: [{ prefix: 'app/prod' }],
      accountId: ACCOUNT,
      region: 'us-east-1',
    });
    expect(prefix.Statement[0]?.Resource).toBe(
      `arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret:app/prod/*`,
    );
  });
});

describe('readerPolicy in the IAM simulator', () => {
  it.each([
    ['GetSecretValue on the secret', 'secretsmanager:GetSecretValue', DB],
    ['DescribeSecret on the secret', 'secretsmanager:DescribeSecret', DB],
    [
      'GetSecretValue on the replica',
      'secretsmanager:GetSecretValue',
      secretArn('app/prod/db-AbC123', 'eu-west-1'),
    ],
    ['a named secret whatever its suffix', 'secretsmanager:GetSecretValue', secretArn('app/prod/api-Zz9Yy8')],
    [
      'a named secret in the replica region',
      'secretsmanager:DescribeSecret',
      secretArn('app/prod/api-Zz9Yy8', 'eu-west-1'),
    ],
    ['BatchGetSecretValue', 'secretsmanager:BatchGetSecretValue', '*'],
  ])('allows %s', async (_label, action, resource) => {
    expect(await decide({ action, resource, identity })).toBe('Allowed');
  });

  it.each([
    [
      'another secret with the same prefix',
      'secretsmanager:GetSecretValue',
      secretArn('app/prod/db-extra-AbC123'),
    ],
    [
      'a secret whose name adds a 6-char tail',
      'secretsmanager:GetSecretValue',
      secretArn('app/prod/api-abcdef-Zz9Yy8'),
    ],
    [
      'a recreated secret (other suffix) given by full ARN',
      'secretsmanager:GetSecretValue',
      secretArn('app/prod/db-XyZ789'),
    ],
    ['a sibling under the prefix', 'secretsmanager:GetSecretValue', secretArn('app/prod/other-AbC123')],
    ['another action (PutSecretValue)', 'secretsmanager:PutSecretValue', DB],
    ['another action (DeleteSecret)', 'secretsmanager:DeleteSecret', DB],
    ['another action (ListSecrets)', 'secretsmanager:ListSecrets', '*'],
    ['another region', 'secretsmanager:GetSecretValue', secretArn('app/prod/db-AbC123', 'ap-southeast-2')],
    [
      'another account',
      'secretsmanager:GetSecretValue',
      secretArn('app/prod/db-AbC123', 'us-east-1', OTHER_ACCOUNT),
    ],
  ])('denies %s', async (_label, action, resource) => {
    expect(await decide({ action, resource, identity })).toBe('ImplicitlyDenied');
  });

  it('allows kms:Decrypt through Secrets Manager in the key region (with the account key policy)', async () => {
    for (const [key, region] of [
      [US_KEY, 'us-east-1'],
      [EU_KEY, 'eu-west-1'],
    ] as const) {
      expect(
        await decide({
          action: 'kms:Decrypt',
          resource: key,
          identity,
          resourcePolicy: keyPolicy,
          context: via(`secretsmanager.${region}.amazonaws.com`),
        }),
      ).toBe('Allowed');
    }
  });

  it.each([
    ['via another service', US_KEY, via('s3.us-east-1.amazonaws.com')],
    ['with no kms:ViaService (a direct call)', US_KEY, {}],
    ['via Secrets Manager in another region', US_KEY, via('secretsmanager.eu-west-1.amazonaws.com')],
    [
      'on another key',
      keyArn('9999abcd-12ab-34cd-56ef-1234567890ab'),
      via('secretsmanager.us-east-1.amazonaws.com'),
    ],
    [
      'on a key in another account',
      keyArn('1234abcd-12ab-34cd-56ef-1234567890ab', 'us-east-1', OTHER_ACCOUNT),
      via('secretsmanager.us-east-1.amazonaws.com'),
    ],
  ])('denies kms:Decrypt %s', async (_label, resource, context) => {
    expect(
      await decide({ action: 'kms:Decrypt', resource, identity, resourcePolicy: keyPolicy, context }),
    ).not.toBe('Allowed');
  });

  it('denies another KMS action (GenerateDataKey) on the key', async () => {
    expect(
      await decide({
        action: 'kms:GenerateDataKey',
        resource: US_KEY,
        identity,
        resourcePolicy: keyPolicy,
        context: via('secretsmanager.us-east-1.amazonaws.com'),
      }),
    ).toBe('ImplicitlyDenied');
  });

  it('is not enough when the key policy does not allow the account', async () => {
    const otherKeyPolicy = accountRootKeyPolicy(OTHER_ACCOUNT);
    expect(
      await decide({
        action: 'kms:Decrypt',
        resource: US_KEY,
        identity,
        resourcePolicy: otherKeyPolicy,
        context: via('secretsmanager.us-east-1.amazonaws.com'),
      }),
    ).toBe('ImplicitlyDenied');
  });

  it('prefix policies cover the environment and nothing next to it', async () => {
    const prefix = [
      readerPolicy({ secrets: [{ prefix: 'app/prod' }], accountId: ACCOUNT, region: 'us-east-1' }),
    ];
    const get = (name: string) =>
      decide({ action: 'secretsmanager:GetSecretValue', resource: secretArn(name), identity: prefix });
    expect(await get('app/prod/db-AbC123')).toBe('Allowed');
    expect(await get('app/prod/nested/db-AbC123')).toBe('Allowed');
    expect(await get('app/production/db-AbC123')).toBe('ImplicitlyDenied');
    expect(await get('app/staging/db-AbC123')).toBe('ImplicitlyDenied');
  });
});
