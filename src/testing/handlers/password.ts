/**
 * GetRandomPassword with the service's options. Uses the fake's (seedable, not secure)
 * randomness: for tests only.
 */
import type {
  GetRandomPasswordCommandInput,
  GetRandomPasswordCommandOutput,
} from '@aws-sdk/client-secrets-manager';
import type { Handler, Output } from '../context.js';
import { randomChar, randomInt } from '../random.js';

const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const DIGITS = '0123456789';
const PUNCTUATION = '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~';

/** GetRandomPassword (length 1–4096, 32 by default; each included type present by default). */
export const getRandomPassword: Handler<
  GetRandomPasswordCommandInput,
  Output<GetRandomPasswordCommandOutput>
> = (ctx, input) => {
  const length = input.PasswordLength ?? 32;
  if (!Number.isInteger(length) || length < 1 || length > 4096) {
    throw ctx.errors.invalidParameter('PasswordLength must be between 1 and 4096.');
  }
  const excluded = new Set(input.ExcludeCharacters ?? '');
  const keep = (chars: string): string => [...chars].filter((c) => !excluded.has(c)).join('');
  const groups = [
    input.ExcludeLowercase === true ? '' : keep(LOWER),
    input.ExcludeUppercase === true ? '' : keep(UPPER),
    input.ExcludeNumbers === true ? '' : keep(DIGITS),
    input.ExcludePunctuation === true ? '' : keep(PUNCTUATION),
    input.IncludeSpace === true ? keep(' ') : '',
  ].filter((g) => g.length > 0);
  const all = groups.join('');
  if (all.length === 0) throw ctx.errors.invalidParameter('No characters are left to build a password from.');
  const requireEach = input.RequireEachIncludedType !== false;
  if (requireEach && length < groups.length) {
    throw ctx.errors.invalidParameter('Password length is too short based on the required types.');
  }
  const chars = Array.from({ length }, () => randomChar(ctx.random, all));
  if (requireEach) {
    const free = Array.from({ length }, (_, i) => i);
    for (const group of groups) {
      const slot = free.splice(randomInt(ctx.random, free.length), 1)[0]!;
      chars[slot] = randomChar(ctx.random, group);
    }
  }
  return { RandomPassword: chars.join('') };
};
