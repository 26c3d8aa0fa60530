import { describe, expect, it } from 'vitest';
import { isSecretkitError, type SecretkitError } from '../../../src/errors/secretkit-error.js';
import { crossAccountPolicies } from '../../../src/iam/cross-account-policy.js';
import { parameterReaderPolicy } from '../../../src/iam/parameter-policy.js';
import {
  ACCOUNT,
  APP_ROLE,
  accountRootKeyPolicy,
  decide,
  keyArn,
  OTHER_ACCOUNT,
  secretArn,
  via,
} from './simulate.js';

const KEY = keyArn('1234abcd-12ab-34cd-56ef-1234567890ab');
const param = (name: string, account = ACCOUNT) => `arn:aws:ssm:us-east-1:${account}:parameter/${name}`;

describe('parameterReaderPolicy, proven by the policy evaluator', () => {
  const policy = parameterReaderPolicy({
    parameters: [
      '/app/prod/url',
      '/app/prod/flags:3',
      { path: '/app/prod/db' },
      '/aws/reference/secretsmanager/prod/api',
    ],
    accountId: ACCOUNT,
    region: 'us-east-1',
    kmsKeys: [KEY],
  });
  const identity = [policy];

  it('allows the named parameters, the path and its children, nothing else', async () => {
    for (const action of ['ssm:GetParameter', 'ssm:GetParameters']) {
      expect(await decide({ action, resource: param('app/prod/url'), identity })).toBe('Allowed');
      expect(await decide({ action, resource: param('app/prod/flags'), identity })).toBe('Allowed');
      expect(await decide({ action, resource: param('app/prod/db/password'), identity })).toBe('Allowed');
      expect(await decide({ action, resource: param('app/prod/other'), identity })).toBe('ImplicitlyDenied');
      expect(await decide({ action, resource: param('app/prod/url', OTHER_ACCOUNT), identity })).toBe(
        'ImplicitlyDenied',
      );
    }
    expect(
      await decide({ action: 'ssm:GetParametersByPath', resource: param('app/prod/db'), identity }),
    ).toBe('Allowed');
    expect(await decide({ action: 'ssm:GetParametersByPath', resource: param('app/prod'), identity })).toBe(
      'ImplicitlyDenied',
    );
    expect(await decide({ action: 'ssm:PutParameter', resource: param('app/prod/url'), identity })).toBe(
      'ImplicitlyDenied',
    );
  });

  it('kms:Decrypt for SecureStrings only via Parameter Store', async () => {
    const resourcePolicy = accountRootKeyPolicy();
    const base = { action: 'kms:Decrypt', resource: KEY, identity, resourcePolicy };
    expect(await decide({ ...base, context: via('ssm.us-east-1.amazonaws.com') })).toBe('Allowed');
    expect(await decide({ ...base, context: via('secretsmanager.us-east-1.amazonaws.com') })).toBe(
      'ImplicitlyDenied',
    );
    expect(await decide(base)).toBe('ImplicitlyDenied');
  });

  it('a Secrets Manager reference also grants GetSecretValue on that secret only', async () => {
    const action = 'secretsmanager:GetSecretValue';
    expect(await decide({ action, resource: secretArn('prod/api-AbC123'), identity })).toBe('Allowed');
    expect(await decide({ action, resource: secretArn('prod/other-AbC123'), identity })).toBe(
      'ImplicitlyDenied',
    );
    expect(
      await decide({
        action: 'ssm:GetParameter',
        resource: param('aws/reference/secretsmanager/prod/api'),
        identity,
      }),
    ).toBe('Allowed');
  });
});

describe('crossAccountPolicies: both sides, proven by the policy evaluator', () => {
  const ROLE = `arn:aws:iam::${OTHER_ACCOUNT}:role/shared-reader`;
  const policies = crossAccountPolicies({
    roleArn: ROLE,
    readerPrincipal: APP_ROLE,
    secrets: [{ prefix: 'shared' }],
    region: 'us-east-1',
    externalId: 'ext-1',
  });

  it('the reader may assume the role only with both sides in place', async () => {
    const base = { action: 'sts:AssumeRole', resource: ROLE, context: { 'sts:ExternalId': 'ext-1' } };
    expect(
      await decide({ ...base, identity: [policies.readerPolicy], resourcePolicy: policies.trustPolicy }),
    ).toBe('Allowed');
    // Cross-account: the identity side alone is not enough, nor the trust side alone.
    expect(await decide({ ...base, identity: [policies.readerPolicy] })).toBe('ImplicitlyDenied');
    expect(await decide({ ...base, identity: [], resourcePolicy: policies.trustPolicy })).toBe(
      'ImplicitlyDenied',
    );
    expect(
      await decide({
        ...base,
        context: { 'sts:ExternalId': 'wrong' },
        identity: [policies.readerPolicy],
        resourcePolicy: policies.trustPolicy,
      }),
    ).toBe('ImplicitlyDenied');
    expect(
      await decide({
        ...base,
        principal: `arn:aws:iam::${ACCOUNT}:role/someone-else`,
        identity: [policies.readerPolicy],
        resourcePolicy: policies.trustPolicy,
      }),
    ).toBe('ImplicitlyDenied');
    expect(policies.readerPolicy.Statement).toEqual([
      { Effect: 'Allow', Action: 'sts:AssumeRole', Resource: ROLE },
    ]);
  });

  it('the role reads the secrets of its own account under the prefix', async () => {
    const principal = `arn:aws:sts::${OTHER_ACCOUNT}:assumed-role/shared-reader/secretkit`;
    const identity = [policies.rolePolicy];
    const action = 'secretsmanager:GetSecretValue';
    expect(
      await decide({
        principal,
        action,
        resource: secretArn('shared/db-AbC123', 'us-east-1', OTHER_ACCOUNT),
        identity,
      }),
    ).toBe('Allowed');
    expect(
      await decide({
        principal,
        action,
        resource: secretArn('private/db-AbC123', 'us-east-1', OTHER_ACCOUNT),
        identity,
      }),
    ).toBe('ImplicitlyDenied');
  });

  it('rejects malformed ARNs', () => {
    expect(() =>
      crossAccountPolicies({
        ...{ roleArn: 'x', readerPrincipal: APP_ROLE, secrets: [], region: 'us-east-1' },
      }),
    ).toThrow(/role ARN/);
    expect(() =>
      crossAccountPolicies({ roleArn: ROLE, readerPrincipal: '*', secrets: [], region: 'us-east-1' }),
    ).toThrow(/role or user/);
  });

  it('names the option, and shows at most 80 characters of a rejected ARN', () => {
    const long = `arn:aws:iam::123456789012:role/${'r'.repeat(600)}`;
    for (const [options, option] of [
      [{ roleArn: long, readerPrincipal: APP_ROLE }, 'roleArn'],
      [{ roleArn: ROLE, readerPrincipal: `${long}!` }, 'readerPrincipal'],
    ] as const) {
      let caught: unknown;
      try {
        crossAccountPolicies({ ...options, secrets: [], region: 'us-east-1' });
      } catch (error) {
        caught = error;
      }
      expect(isSecretkitError(caught, 'INVALID_ARGUMENT')).toBe(true);
      const error = caught as SecretkitError;
      expect(error.details).toMatchObject({ option });
      expect(error.message.length).toBeLessThan(200);
      expect(error.message).not.toContain('r'.repeat(100));
    }
  });
});
