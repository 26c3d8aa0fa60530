import { describe, expect, it } from 'vitest';
import {
  DEFAULT_EXCLUDE_CHARACTERS,
  DEFAULT_PASSWORD_LENGTH,
  generatePassword,
  parseRotationEvent,
  passwordPolicyFromEnv,
} from '../../../src/rotation/index.js';
import { createInMemorySecret } from './in-memory-secret.js';

describe('passwordPolicyFromEnv', () => {
  it('reads the variables of AWS templates', () => {
    expect(
      passwordPolicyFromEnv({
        PASSWORD_LENGTH: '48',
        EXCLUDE_CHARACTERS: '/@',
        EXCLUDE_NUMBERS: 'true',
        EXCLUDE_PUNCTUATION: 'False',
        REQUIRE_EACH_INCLUDED_TYPE: 'TRUE',
      }),
    ).toEqual({
      length: 48,
      excludeCharacters: '/@',
      excludeNumbers: true,
      excludePunctuation: false,
      excludeUppercase: undefined,
      excludeLowercase: undefined,
      requireEachIncludedType: true,
    });
  });

  it('leaves unset variables to the defaults', async () => {
    const sm = createInMemorySecret('db', '{}');
    const password = await generatePassword(sm.client, passwordPolicyFromEnv({}));
    expect(password).toHaveLength(DEFAULT_PASSWORD_LENGTH);
    expect([...password].some((c) => DEFAULT_EXCLUDE_CHARACTERS.includes(c))).toBe(false);
    expect(sm.sent('GetRandomPassword')[0]).toEqual({
      PasswordLength: 32,
      ExcludeCharacters: ':/@"\'\\',
    });
  });

  it('a non-numeric PASSWORD_LENGTH is rejected when used', async () => {
    const sm = createInMemorySecret('db', '{}');
    await expect(
      generatePassword(sm.client, passwordPolicyFromEnv({ PASSWORD_LENGTH: 'long' })),
    ).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
    });
  });
});

describe('parseRotationEvent', () => {
  it('keeps the fields of a valid event, RotationToken included', () => {
    const event = {
      Step: 'setSecret',
      SecretId: 'arn:x',
      ClientRequestToken: 't',
      RotationToken: 'r',
      extra: 1,
    };
    expect(parseRotationEvent(event)).toEqual({
      Step: 'setSecret',
      SecretId: 'arn:x',
      ClientRequestToken: 't',
      RotationToken: 'r',
    });
  });

  it.each([
    null,
    'x',
    {},
    { Step: 'createSecret', SecretId: 'a' },
    { Step: 'nope', SecretId: 'a', ClientRequestToken: 't' },
  ])('rejects %j with INVALID_ARGUMENT', (event) => {
    expect(() => parseRotationEvent(event)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });
});
