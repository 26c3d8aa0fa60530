/** The IAM role ARN check of secretkit/accounts (src/accounts/role-arn.ts). */
import { describe, expect, it } from 'vitest';
import { parseRoleArn } from '../../../src/accounts/role-arn.js';
import { rejectedOption } from '../../support/errors.js';

describe('accounts/role-arn', () => {
  it.each([
    ['arn:aws:iam::123456789012:role/reader', 'aws', '123456789012'],
    ['arn:aws-cn:iam::210987654321:role/path/to/reader', 'aws-cn', '210987654321'],
    ['arn:aws-us-gov:iam::111122223333:role/Reader+Team=a,b.c@d-e_f', 'aws-us-gov', '111122223333'],
    ['arn:aws-iso-b:iam::444455556666:role/r', 'aws-iso-b', '444455556666'],
  ])('parses %s', (arn, partition, accountId) => {
    expect(parseRoleArn(arn)).toEqual({ partition, accountId });
  });

  it.each([
    ['arn:aws:iam::123456789012:user/someone', 'a user, not a role'],
    ['arn:aws:iam:us-east-1:123456789012:role/r', 'a region in an IAM ARN'],
    ['arn:aws:iam::12345678901:role/r', 'an 11-digit account'],
    ['arn:aws:iam::123456789012:role/', 'no role name'],
    ['arn:aws:sts::123456789012:assumed-role/r/s', 'an STS session ARN'],
    ['arn:other:iam::123456789012:role/r', 'an unknown partition'],
    [`arn:aws:iam::123456789012:role/${'r'.repeat(513)}`, 'a name over 512 characters'],
    ['arn:aws:iam::123456789012:role/r\n', 'a trailing newline'],
    [undefined, 'undefined'],
    [42, 'a number'],
  ])('rejects %j (%s) as roleArn', (value, _why) => {
    expect(rejectedOption(() => parseRoleArn(value))).toBe('roleArn');
  });

  it('a message quotes at most 80 characters of what was given', () => {
    let message = '';
    try {
      parseRoleArn(`x${'y'.repeat(10_000)}`);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message.length).toBeLessThan(200);
    expect(message).toContain(`"x${'y'.repeat(79)}…"`);
  });
});
