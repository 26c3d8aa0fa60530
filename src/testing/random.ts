/**
 * Seedable randomness for the in-memory Secrets Manager: ARN suffixes, version ids and
 * generated passwords are reproducible when a seed is given.
 */

/** A source of uniformly distributed numbers in `[0, 1)`, like `Math.random`. */
export type RandomSource = () => number;

/**
 * A small, fast, seedable generator (mulberry32). Not cryptographically secure: it is for
 * tests only, never for real passwords.
 *
 * @param seed - any 32-bit integer
 * @returns a function returning numbers in `[0, 1)`
 */
export function seededRandom(seed: number): RandomSource {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An integer in `[0, max)`. */
export function randomInt(random: RandomSource, max: number): number {
  return Math.min(max - 1, Math.floor(random() * max));
}

/** One character of `alphabet`, chosen uniformly. */
export function randomChar(random: RandomSource, alphabet: string): string {
  return alphabet.charAt(randomInt(random, alphabet.length));
}

const SUFFIX_ALPHABET = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/** The 6-character suffix Secrets Manager appends to a secret's name in its ARN. */
export function arnSuffix(random: RandomSource): string {
  let out = '';
  for (let i = 0; i < 6; i++) out += randomChar(random, SUFFIX_ALPHABET);
  return out;
}

const HEX = '0123456789abcdef';

/** A version 4 UUID (the format of Secrets Manager version ids) drawn from `random`. */
export function randomUuid(random: RandomSource): string {
  let out = '';
  for (let i = 0; i < 36; i++) {
    if (i === 8 || i === 13 || i === 18 || i === 23) out += '-';
    else if (i === 14) out += '4';
    else if (i === 19) out += HEX.charAt(8 + randomInt(random, 4));
    else out += randomChar(random, HEX);
  }
  return out;
}
