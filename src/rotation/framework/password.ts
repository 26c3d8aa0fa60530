/**
 * Passwords for new credentials, from Secrets Manager's GetRandomPassword (as AWS's templates do).
 */
import { GetRandomPasswordCommand } from '@aws-sdk/client-secrets-manager';
import { SecretkitError } from '../../errors/secretkit-error.js';
import type { SecretsManagerClientLike } from '../../sdk/client-like.js';
import { callAws } from '../aws-call.js';

/** Default password length, as in AWS's rotation templates. */
export const DEFAULT_PASSWORD_LENGTH = 32;
/** Characters left out by default: they break connection strings and shell quoting. */
export const DEFAULT_EXCLUDE_CHARACTERS = ':/@"\'\\';

/** How passwords are generated (GetRandomPassword's options). */
export interface PasswordPolicy {
  /** Length, 4 to 4096. @defaultValue {@link DEFAULT_PASSWORD_LENGTH} */
  readonly length?: number | undefined;
  /** Characters never used. @defaultValue {@link DEFAULT_EXCLUDE_CHARACTERS} */
  readonly excludeCharacters?: string | undefined;
  /** No digits. @defaultValue false */
  readonly excludeNumbers?: boolean | undefined;
  /** No punctuation. @defaultValue false */
  readonly excludePunctuation?: boolean | undefined;
  /** No uppercase letters. @defaultValue false */
  readonly excludeUppercase?: boolean | undefined;
  /** No lowercase letters. @defaultValue false */
  readonly excludeLowercase?: boolean | undefined;
  /** Allow the space character. @defaultValue false */
  readonly includeSpace?: boolean | undefined;
  /** At least one character of every included type. @defaultValue true (AWS's default) */
  readonly requireEachIncludedType?: boolean | undefined;
}

/**
 * Checks a policy (INVALID_ARGUMENT for a length outside 4..4096) and fills the defaults.
 *
 * @param policy - the caller's policy
 * @returns the policy with `length` and `excludeCharacters` set
 * @throws SecretkitError `INVALID_ARGUMENT`
 */
export function resolvePasswordPolicy(
  policy: PasswordPolicy = {},
): PasswordPolicy & { readonly length: number; readonly excludeCharacters: string } {
  const length = policy.length ?? DEFAULT_PASSWORD_LENGTH;
  if (!Number.isInteger(length) || length < 4 || length > 4096) {
    throw new SecretkitError('INVALID_ARGUMENT', 'password.length must be a whole number from 4 to 4096.', {
      details: { argument: 'password.length' },
    });
  }
  return { ...policy, length, excludeCharacters: policy.excludeCharacters ?? DEFAULT_EXCLUDE_CHARACTERS };
}

/**
 * Reads a policy from the environment variables AWS's rotation templates use: `PASSWORD_LENGTH`,
 * `EXCLUDE_CHARACTERS`, `EXCLUDE_NUMBERS`, `EXCLUDE_PUNCTUATION`, `EXCLUDE_UPPERCASE`,
 * `EXCLUDE_LOWERCASE`, `REQUIRE_EACH_INCLUDED_TYPE` (booleans are `true`/`false`).
 *
 * @param env - the environment. @defaultValue process.env
 * @returns the policy (unset variables are left to the defaults)
 */
export function passwordPolicyFromEnv(
  env: Readonly<Record<string, string | undefined>> = process.env,
): PasswordPolicy {
  const flag = (name: string): boolean | undefined => {
    const v = env[name]?.trim().toLowerCase();
    return v === undefined || v === '' ? undefined : v === 'true';
  };
  const length = env['PASSWORD_LENGTH']?.trim();
  return {
    length: length ? Number(length) : undefined,
    excludeCharacters: env['EXCLUDE_CHARACTERS'],
    excludeNumbers: flag('EXCLUDE_NUMBERS'),
    excludePunctuation: flag('EXCLUDE_PUNCTUATION'),
    excludeUppercase: flag('EXCLUDE_UPPERCASE'),
    excludeLowercase: flag('EXCLUDE_LOWERCASE'),
    requireEachIncludedType: flag('REQUIRE_EACH_INCLUDED_TYPE'),
  };
}

/**
 * Generates one password with GetRandomPassword.
 *
 * @param client - Secrets Manager client
 * @param policy - the password policy (defaults filled in)
 * @param secretId - the secret being rotated, for error messages
 * @throws SecretkitError AWS errors mapped
 */
export async function generatePassword(
  client: SecretsManagerClientLike,
  policy: PasswordPolicy = {},
  secretId = '(password)',
): Promise<string> {
  const p = resolvePasswordPolicy(policy);
  const out = await callAws('GetRandomPassword', secretId, () =>
    client.send(
      new GetRandomPasswordCommand({
        PasswordLength: p.length,
        ExcludeCharacters: p.excludeCharacters,
        ...(p.excludeNumbers === undefined ? {} : { ExcludeNumbers: p.excludeNumbers }),
        ...(p.excludePunctuation === undefined ? {} : { ExcludePunctuation: p.excludePunctuation }),
        ...(p.excludeUppercase === undefined ? {} : { ExcludeUppercase: p.excludeUppercase }),
        ...(p.excludeLowercase === undefined ? {} : { ExcludeLowercase: p.excludeLowercase }),
        ...(p.includeSpace === undefined ? {} : { IncludeSpace: p.includeSpace }),
        ...(p.requireEachIncludedType === undefined
          ? {}
          : { RequireEachIncludedType: p.requireEachIncludedType }),
      }),
    ),
  );
  if (typeof out.RandomPassword !== 'string' || out.RandomPassword.length === 0) {
    throw new SecretkitError('AWS_ERROR', 'GetRandomPassword returned no password.', {
      secretId,
      details: { operation: 'GetRandomPassword' },
    });
  }
  return out.RandomPassword;
}
