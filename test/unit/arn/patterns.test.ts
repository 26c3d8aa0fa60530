import { describe, expect, it } from 'vitest';
import { secretArnPattern, secretPrefixPattern } from '../../../src/arn/index.js';

/** IAM wildcard semantics: `*` any run, `?` exactly one character. */
function iamMatch(pattern: string, value: string): boolean {
  const source = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${source}$`).test(value);
}

const ARN = (name: string, region = 'us-east-1', account = '123456789012') =>
  `arn:aws:secretsmanager:${region}:${account}:secret:${name}`;

describe('secretArnPattern', () => {
  const pattern = secretArnPattern('my-app/prod/db', { region: 'us-east-1', accountId: '123456789012' });

  it('is the name followed by -??????', () => {
    expect(pattern).toBe('arn:aws:secretsmanager:us-east-1:123456789012:secret:my-app/prod/db-??????');
  });

  it('matches the secret whatever its suffix', () => {
    expect(iamMatch(pattern, ARN('my-app/prod/db-AbC123'))).toBe(true);
    expect(iamMatch(pattern, ARN('my-app/prod/db-zzzzzz'))).toBe(true);
  });

  it.each([
    ['a longer name with the same prefix', ARN('my-app/prod/db-extra-AbC123')],
    ['a name with a 6-char tail', ARN('my-app/prod/db-abcdef-AbC123')],
    ['a child path', ARN('my-app/prod/db/x-AbC123')],
    ['another region', ARN('my-app/prod/db-AbC123', 'eu-west-1')],
    ['another account', ARN('my-app/prod/db-AbC123', 'us-east-1', '210987654321')],
  ])('does not match %s', (_label, arn) => {
    expect(iamMatch(pattern, arn)).toBe(false);
  });

  it('uses wildcards for an omitted region and account, and the given partition', () => {
    expect(secretArnPattern('db')).toBe('arn:aws:secretsmanager:*:*:secret:db-??????');
    expect(secretArnPattern('db', { partition: 'aws-cn', region: 'cn-north-1' })).toBe(
      'arn:aws-cn:secretsmanager:cn-north-1:*:secret:db-??????',
    );
  });

  it('rejects names and scopes that would change the pattern', () => {
    expect(() => secretArnPattern('db*')).toThrow(expect.objectContaining({ code: 'INVALID_NAME' }));
    expect(() => secretArnPattern('db', { region: 'us-east-1:1' })).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    );
    expect(() => secretArnPattern('db', { accountId: '12' })).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    );
  });
});

describe('secretPrefixPattern', () => {
  it('adds the trailing slash so a sibling prefix does not match', () => {
    const pattern = secretPrefixPattern('my-app/prod', { region: 'us-east-1', accountId: '123456789012' });
    expect(pattern).toBe('arn:aws:secretsmanager:us-east-1:123456789012:secret:my-app/prod/*');
    expect(secretPrefixPattern('my-app/prod/', { region: 'us-east-1', accountId: '123456789012' })).toBe(
      pattern,
    );
    expect(iamMatch(pattern, ARN('my-app/prod/db-AbC123'))).toBe(true);
    expect(iamMatch(pattern, ARN('my-app/production/db-AbC123'))).toBe(false);
    expect(iamMatch(pattern, ARN('my-app/staging/db-AbC123'))).toBe(false);
  });

  it('rejects bad prefixes', () => {
    expect(() => secretPrefixPattern('')).toThrow(expect.objectContaining({ code: 'INVALID_NAME' }));
    expect(() => secretPrefixPattern('/x')).toThrow(expect.objectContaining({ code: 'INVALID_NAME' }));
    expect(() => secretPrefixPattern('a*')).toThrow(expect.objectContaining({ code: 'INVALID_NAME' }));
  });
});
