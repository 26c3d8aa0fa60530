import { describe, expect, it } from 'vitest';
import { formatSecretArn, parseSecretArn } from '../../../src/arn/index.js';
import { isSecretkitError } from '../../../src/errors/secretkit-error.js';

/** Small deterministic PRNG (mulberry32) so failures are reproducible. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ALPHABET = 'arnsecretmanagwu-1234567890:/_+=.@-*? \t\nABCXYZé😀\u0000';
const SEEDS = [
  'arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-AbC123',
  'arn:aws-cn:secretsmanager:cn-north-1:123456789012:secret:my-app/prod/db',
  'arn:aws-us-gov:secretsmanager:us-gov-east-1:123456789012:secret:x-abcdef-ghijkl',
];

function randomString(random: () => number, maxLength: number): string {
  const length = Math.floor(random() * maxLength);
  let out = '';
  for (let i = 0; i < length; i += 1) out += ALPHABET[Math.floor(random() * ALPHABET.length)] ?? '';
  return out;
}

function mutate(random: () => number, input: string): string {
  let s = input;
  const edits = 1 + Math.floor(random() * 3);
  for (let i = 0; i < edits; i += 1) {
    const at = Math.floor(random() * (s.length + 1));
    const kind = random();
    const ch = ALPHABET[Math.floor(random() * ALPHABET.length)] ?? '';
    if (kind < 0.33) s = s.slice(0, at) + ch + s.slice(at);
    else if (kind < 0.66) s = s.slice(0, at) + s.slice(at + 1);
    else s = s.slice(0, at) + ch + s.slice(at + 1);
  }
  return s;
}

/** Either parses (and then round-trips exactly) or throws INVALID_ARN; never anything else. */
function check(input: string): 'parsed' | 'rejected' {
  let parts: ReturnType<typeof parseSecretArn>;
  try {
    parts = parseSecretArn(input);
  } catch (error) {
    if (!isSecretkitError(error, 'INVALID_ARN'))
      throw new Error(`unexpected error for ${JSON.stringify(input)}`);
    return 'rejected';
  }
  expect(formatSecretArn(parts)).toBe(input);
  return 'parsed';
}

describe('parseSecretArn fuzz', () => {
  it('never crashes on random strings', () => {
    const random = prng(1);
    for (let i = 0; i < 5_000; i += 1) check(randomString(random, 80));
  });

  it('never crashes on mutated ARNs, and round-trips whatever parses', () => {
    const random = prng(2);
    const outcomes = { parsed: 0, rejected: 0 };
    for (let i = 0; i < 20_000; i += 1) {
      const seed = SEEDS[i % SEEDS.length] ?? '';
      outcomes[check(mutate(random, seed))] += 1;
    }
    // both outcomes must be exercised for the fuzz to mean anything
    expect(outcomes.parsed).toBeGreaterThan(1_000);
    expect(outcomes.rejected).toBeGreaterThan(1_000);
  });

  it('round-trips generated valid ARNs', () => {
    const random = prng(3);
    const nameChars = 'abcXYZ019/_+=.@-';
    for (let i = 0; i < 2_000; i += 1) {
      const length = 1 + Math.floor(random() * 40);
      let name = '';
      for (let j = 0; j < length; j += 1) name += nameChars[Math.floor(random() * nameChars.length)] ?? 'a';
      const arn = `arn:aws:secretsmanager:eu-central-1:123456789012:secret:${name}${random() < 0.5 ? '-Ab12Cd' : ''}`;
      expect(check(arn)).toBe('parsed');
    }
  });
});
