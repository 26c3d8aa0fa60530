import { describe, expect, it } from 'vitest';
import {
  formatSecretArn,
  isSecretArn,
  parseSecretArn,
  secretNameOf,
  withRegion,
} from '../../../src/arn/index.js';
import { isSecretkitError } from '../../../src/errors/secretkit-error.js';

const GOOD: ReadonlyArray<
  [string, { partition: string; region: string; accountId: string; name: string; suffix: string | undefined }]
> = [
  [
    'arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-AbC123',
    { partition: 'aws', region: 'us-east-1', accountId: '123456789012', name: 'prod/db', suffix: 'AbC123' },
  ],
  [
    'arn:aws-cn:secretsmanager:cn-north-1:123456789012:secret:my-app/prod/db-x1y2z3',
    {
      partition: 'aws-cn',
      region: 'cn-north-1',
      accountId: '123456789012',
      name: 'my-app/prod/db',
      suffix: 'x1y2z3',
    },
  ],
  [
    'arn:aws-us-gov:secretsmanager:us-gov-west-1:000000000001:secret:gov.secret@x+y=z-QWERTY',
    {
      partition: 'aws-us-gov',
      region: 'us-gov-west-1',
      accountId: '000000000001',
      name: 'gov.secret@x+y=z',
      suffix: 'QWERTY',
    },
  ],
  [
    'arn:aws:secretsmanager:ap-southeast-2:123456789012:secret:a/b/c/d/e-000000',
    {
      partition: 'aws',
      region: 'ap-southeast-2',
      accountId: '123456789012',
      name: 'a/b/c/d/e',
      suffix: '000000',
    },
  ],
  // partial ARNs: no suffix
  [
    'arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/db',
    { partition: 'aws', region: 'eu-west-1', accountId: '123456789012', name: 'prod/db', suffix: undefined },
  ],
  [
    'arn:aws:secretsmanager:eu-west-1:123456789012:secret:db-1234',
    { partition: 'aws', region: 'eu-west-1', accountId: '123456789012', name: 'db-1234', suffix: undefined },
  ],
  [
    'arn:aws:secretsmanager:eu-west-1:123456789012:secret:-abcdef',
    { partition: 'aws', region: 'eu-west-1', accountId: '123456789012', name: '-abcdef', suffix: undefined },
  ],
  [
    'arn:aws:secretsmanager:us-isob-east-1:123456789012:secret:x-y-abcdef',
    { partition: 'aws', region: 'us-isob-east-1', accountId: '123456789012', name: 'x-y', suffix: 'abcdef' },
  ],
];

const BAD: ReadonlyArray<[string, unknown]> = [
  ['empty', ''],
  ['name only', 'prod/db'],
  ['not a string', 42],
  ['null', null],
  ['undefined', undefined],
  ['other service', 'arn:aws:ssm:us-east-1:123456789012:parameter/prod/db'],
  ['other resource type', 'arn:aws:secretsmanager:us-east-1:123456789012:key:prod/db-abcdef'],
  ['no name', 'arn:aws:secretsmanager:us-east-1:123456789012:secret:'],
  ['short account', 'arn:aws:secretsmanager:us-east-1:12345:secret:prod/db-abcdef'],
  ['missing region', 'arn:aws:secretsmanager::123456789012:secret:prod/db-abcdef'],
  ['bad region', 'arn:aws:secretsmanager:US-EAST-1:123456789012:secret:prod/db-abcdef'],
  ['bad partition', 'arn:amazon:secretsmanager:us-east-1:123456789012:secret:prod/db-abcdef'],
  ['upper-case prefix', 'ARN:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-abcdef'],
  ['extra colon', 'arn:aws:secretsmanager:us-east-1:123456789012:secret:prod:db-abcdef'],
  ['space in name', 'arn:aws:secretsmanager:us-east-1:123456789012:secret:prod db-abcdef'],
  ['wildcard in name', 'arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/*'],
  ['leading whitespace', ' arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-abcdef'],
  ['too long name', `arn:aws:secretsmanager:us-east-1:123456789012:secret:${'a'.repeat(513)}`],
  ['non-ascii name', 'arn:aws:secretsmanager:us-east-1:123456789012:secret:prød-abcdef'],
];

describe('parseSecretArn', () => {
  it.each(GOOD)('parses %s', (arn, parts) => {
    expect(parseSecretArn(arn)).toEqual(parts);
    expect(isSecretArn(arn)).toBe(true);
    expect(formatSecretArn(parseSecretArn(arn))).toBe(arn);
  });

  it.each(BAD)('rejects %s with INVALID_ARN', (_label, input) => {
    let caught: unknown;
    try {
      parseSecretArn(input);
    } catch (error) {
      caught = error;
    }
    expect(isSecretkitError(caught, 'INVALID_ARN')).toBe(true);
    expect((caught as Error).message).toMatch(/is not a Secrets Manager secret ARN: .+/);
    expect(isSecretArn(input)).toBe(false);
  });

  it('keeps messages short for huge input', () => {
    try {
      parseSecretArn(`arn:${'x'.repeat(10_000)}`);
      expect.unreachable();
    } catch (error) {
      expect((error as Error).message.length).toBeLessThan(300);
    }
  });

  it('accepts a 512-character name (with and without a suffix)', () => {
    const name = 'n'.repeat(512);
    expect(parseSecretArn(`arn:aws:secretsmanager:us-east-1:123456789012:secret:${name}-abc123`).name).toBe(
      name,
    );
    expect(
      parseSecretArn(`arn:aws:secretsmanager:us-east-1:123456789012:secret:${name}`).suffix,
    ).toBeUndefined();
  });
});

describe('formatSecretArn', () => {
  it('builds complete and partial ARNs', () => {
    const parts = { partition: 'aws', region: 'us-east-1', accountId: '123456789012', name: 'a/b' } as const;
    expect(formatSecretArn({ ...parts, suffix: 'abc123' })).toBe(
      'arn:aws:secretsmanager:us-east-1:123456789012:secret:a/b-abc123',
    );
    expect(formatSecretArn({ ...parts, suffix: undefined })).toBe(
      'arn:aws:secretsmanager:us-east-1:123456789012:secret:a/b',
    );
  });

  it.each([
    ['bad suffix', { suffix: 'abc' }],
    ['bad name', { name: 'a b' }],
    ['bad account', { accountId: '1' }],
    ['bad region', { region: 'nowhere' }],
    ['bad partition', { partition: 'gcp' }],
  ])('rejects a %s', (_label, override) => {
    const parts = {
      partition: 'aws',
      region: 'us-east-1',
      accountId: '123456789012',
      name: 'a/b',
      suffix: 'abc123',
      ...override,
    };
    expect(() => formatSecretArn(parts)).toThrow(expect.objectContaining({ code: 'INVALID_ARN' }));
  });
});

describe('withRegion', () => {
  it('moves a complete ARN to a replica region, keeping name and suffix', () => {
    expect(
      withRegion('arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-AbC123', 'eu-west-1'),
    ).toBe('arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/db-AbC123');
  });
  it('moves a partial ARN', () => {
    expect(withRegion('arn:aws-cn:secretsmanager:cn-north-1:123456789012:secret:db', 'cn-northwest-1')).toBe(
      'arn:aws-cn:secretsmanager:cn-northwest-1:123456789012:secret:db',
    );
  });
  it('rejects a bad region or ARN', () => {
    expect(() => withRegion('arn:aws:secretsmanager:us-east-1:123456789012:secret:db', '*')).toThrow(
      expect.objectContaining({ code: 'INVALID_ARN' }),
    );
    expect(() => withRegion('prod/db', 'eu-west-1')).toThrow(
      expect.objectContaining({ code: 'INVALID_ARN' }),
    );
  });
});

describe('secretNameOf', () => {
  it('returns the name of an ARN or the id itself', () => {
    expect(secretNameOf('arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-AbC123')).toBe(
      'prod/db',
    );
    expect(secretNameOf('prod/db')).toBe('prod/db');
  });
});
