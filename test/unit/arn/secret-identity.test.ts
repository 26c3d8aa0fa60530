import { describe, expect, it } from 'vitest';
import { identityArnIn, secretIdentityOf, withoutRegion } from '../../../src/arn/secret-arn.js';

/** The rule as first written (split and a regex), kept as the reference of the fast parser. */
function reference(arn: string, name: string): string | undefined {
  const parts = arn.split(':');
  if (parts.length !== 7 || parts[0] !== 'arn' || parts[5] !== 'secret') return undefined;
  const tail = parts[6] as string;
  if (tail.length !== name.length + 7 || !tail.startsWith(name) || !/^(.+)-([A-Za-z0-9]{6})$/.test(tail)) {
    return undefined;
  }
  parts[3] = '';
  return parts.join(':');
}

describe('secretIdentityOf', () => {
  it('leaves the region out of a well-formed ARN of the named secret', () => {
    expect(
      secretIdentityOf('arn:aws:secretsmanager:eu-west-1:123456789012:secret:app/db-AbC123', 'app/db'),
    ).toBe('arn:aws:secretsmanager::123456789012:secret:app/db-AbC123');
  });

  it.each([
    ['another name', 'arn:aws:secretsmanager:us-east-1:123456789012:secret:app/db-AbC123', 'app/dc'],
    ['no suffix', 'arn:aws:secretsmanager:us-east-1:123456789012:secret:app/db', 'app/db'],
    ['a bad suffix', 'arn:aws:secretsmanager:us-east-1:123456789012:secret:app/db-AbC12!', 'app/db'],
    ['a seventh colon', 'arn:aws:secretsmanager:us-east-1:123456789012:secret:app:db-AbC123', 'app:db'],
    ['not a secret', 'arn:aws:secretsmanager:us-east-1:123456789012:secrets:app/db-AbC123', 'app/db'],
    ['no arn prefix', 'urn:aws:secretsmanager:us-east-1:123456789012:secret:app/db-AbC123', 'app/db'],
    ['an empty name', 'arn:aws:secretsmanager:us-east-1:123456789012:secret:-AbC123', ''],
  ])('is undefined for %s', (_, arn, name) => {
    expect(secretIdentityOf(arn, name)).toBeUndefined();
  });

  it('agrees with the reference rule on 50,000 generated ARNs and names', () => {
    const chars = ['a', 'b', ':', '-', '0', 'Z', '/', '_', 's', 'e', 'c', 'r', 't', 'A', '9', 'x'];
    const bases = [
      'arn:aws:secretsmanager:us-east-1:123456789012:secret:',
      'arn:aws:secretsmanager::123456789012:secret:',
      'arn:aws-cn:secretsmanager:cn-north-1:1:secret:',
      'arn::::::',
      'arn:aws:secretsmanager:us-east-1:123:secret:x:',
      'xarn:aws:s:r:a:secret:',
      'arn:aws:s:r:a:secrets:',
    ];
    let seed = 7;
    const rnd = (n: number): number => {
      seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0;
      return seed % n;
    };
    const word = (length: number): string => Array.from({ length }, () => chars[rnd(chars.length)]).join('');
    let matched = 0;
    for (let i = 0; i < 50_000; i++) {
      const name = word(rnd(6));
      const suffix = Array.from({ length: 6 + (rnd(5) === 0 ? rnd(3) - 1 : 0) }, () =>
        rnd(3) ? 'aZ09bQ'[rnd(6)] : chars[rnd(chars.length)],
      ).join('');
      const tail = rnd(10) === 0 ? word(rnd(12)) : `${name}${rnd(4) ? '-' : word(1)}${suffix}`;
      const arn = `${bases[rnd(bases.length)]}${tail}`;
      const asked = rnd(8) === 0 ? word(rnd(4)) : name;
      const expected = reference(arn, asked);
      if (expected !== undefined) matched++;
      expect(secretIdentityOf(arn, asked)).toBe(expected);
    }
    expect(matched).toBeGreaterThan(1_000); // the generator reaches the accepting case too
  });
});

describe('identityArnIn', () => {
  it('puts the region back into an identity, and refuses anything else', () => {
    const identity = 'arn:aws:secretsmanager::123456789012:secret:app/db-AbC123';
    expect(identityArnIn(identity, 'us-west-2')).toBe(
      'arn:aws:secretsmanager:us-west-2:123456789012:secret:app/db-AbC123',
    );
    expect(secretIdentityOf(identityArnIn(identity, 'eu-west-1') as string, 'app/db')).toBe(identity);
    expect(
      identityArnIn('arn:aws:secretsmanager:us-east-1:123456789012:secret:app/db-AbC123', 'x'),
    ).toBeUndefined();
    expect(identityArnIn('app/db', 'us-west-2')).toBeUndefined();
  });
});

describe('withoutRegion', () => {
  it('empties the region field of any ARN (full or partial), and leaves other strings alone', () => {
    expect(withoutRegion('arn:aws:secretsmanager:us-west-2:123456789012:secret:app/db-AbC123')).toBe(
      'arn:aws:secretsmanager::123456789012:secret:app/db-AbC123',
    );
    expect(withoutRegion('arn:aws:secretsmanager:eu-west-1:123456789012:secret:app/db')).toBe(
      'arn:aws:secretsmanager::123456789012:secret:app/db',
    );
    expect(withoutRegion('app/db')).toBe('app/db');
    expect(withoutRegion('arn:aws')).toBe('arn:aws');
  });
});
