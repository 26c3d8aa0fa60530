/**
 * Preflight of the password policy: the GetRandomPassword settings against what the engine (and
 * the server's password-validation plugin) accepts. Works on the settings and on one sample
 * password generated with them; the sample is never shown.
 */
import type { PasswordPolicy } from '../framework/password.js';
import { finding, type RotationFinding } from './findings.js';

/** What an engine accepts as a password. Every field is optional: unset means no rule. */
export interface PasswordRules {
  /** Shortest accepted password. */
  readonly minLength?: number | undefined;
  /** Longest accepted password. */
  readonly maxLength?: number | undefined;
  /** At least one uppercase letter. */
  readonly requireUppercase?: boolean | undefined;
  /** At least one lowercase letter. */
  readonly requireLowercase?: boolean | undefined;
  /** At least one digit. */
  readonly requireDigit?: boolean | undefined;
  /** At least one punctuation character. */
  readonly requirePunctuation?: boolean | undefined;
  /** Characters the engine refuses in a password. */
  readonly forbiddenCharacters?: string | undefined;
  /** Where the rules come from, for messages, e.g. `Redshift`, `the server's simple_password_check plugin`. */
  readonly source: string;
}

/** GetRandomPassword's punctuation set (printable ASCII that is neither a letter nor a digit nor space). */
const PUNCTUATION = '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~';

/** A policy with the defaults filled in (as `resolvePasswordPolicy` returns). */
type ResolvedPolicy = PasswordPolicy & { readonly length: number; readonly excludeCharacters: string };

function canContain(policy: ResolvedPolicy, c: string): boolean {
  if (policy.excludeCharacters.includes(c)) return false;
  if (c === ' ') return policy.includeSpace === true;
  if (/[A-Z]/.test(c)) return policy.excludeUppercase !== true;
  if (/[a-z]/.test(c)) return policy.excludeLowercase !== true;
  if (/[0-9]/.test(c)) return policy.excludeNumbers !== true;
  if (PUNCTUATION.includes(c)) return policy.excludePunctuation !== true;
  return false;
}

const describeChar = (c: string): string => (c === ' ' ? 'space' : JSON.stringify(c));

/**
 * The findings of a policy against rules: PASSWORD_POLICY_REJECTED for each rule a generated
 * password could break. `sample`, when given, is checked too (it is never put in a message).
 *
 * @param policy - the resolved policy
 * @param rules - the engine's rules
 * @param sample - one password generated with the policy
 */
export function passwordRuleFindings(
  policy: ResolvedPolicy,
  rules: PasswordRules,
  sample?: string,
): RotationFinding[] {
  const problems: string[] = [];
  if (rules.minLength !== undefined && policy.length < rules.minLength)
    problems.push(`the length ${policy.length} is below the minimum of ${rules.minLength}`);
  if (rules.maxLength !== undefined && policy.length > rules.maxLength)
    problems.push(`the length ${policy.length} is above the maximum of ${rules.maxLength}`);
  const each = policy.requireEachIncludedType !== false;
  const kinds = [
    ['requireUppercase', 'an uppercase letter', policy.excludeUppercase, /[A-Z]/],
    ['requireLowercase', 'a lowercase letter', policy.excludeLowercase, /[a-z]/],
    ['requireDigit', 'a digit', policy.excludeNumbers, /[0-9]/],
    ['requirePunctuation', 'a punctuation character', policy.excludePunctuation, /[^A-Za-z0-9 ]/],
  ] as const;
  for (const [rule, what, excluded, pattern] of kinds) {
    if (rules[rule] !== true) continue;
    if (excluded === true) problems.push(`it needs ${what}, which the policy excludes`);
    else if (!each) problems.push(`it needs ${what}, and requireEachIncludedType is false`);
    else if (sample !== undefined && !pattern.test(sample))
      problems.push(`it needs ${what}, and a generated password had none`);
  }
  const forbidden = [...new Set(rules.forbiddenCharacters ?? '')].filter((c) => canContain(policy, c));
  if (forbidden.length > 0)
    problems.push(`it refuses ${forbidden.map(describeChar).join(', ')}, which the policy allows`);
  else if (sample !== undefined && [...(rules.forbiddenCharacters ?? '')].some((c) => sample.includes(c)))
    problems.push('a generated password had a character it refuses');
  return problems.map((problem) =>
    finding(
      'PASSWORD_POLICY_REJECTED',
      `Passwords from this policy would be refused by ${rules.source}: ${problem}.`,
      'Change the password policy of the rotation (PASSWORD_LENGTH, EXCLUDE_CHARACTERS, EXCLUDE_* variables, or the strategy options) to meet the engine rules.',
      { source: rules.source },
    ),
  );
}

/**
 * PASSWORD_POLICY_INVALID when no password can come out of the policy (every character kind
 * excluded), else nothing.
 *
 * @param policy - the resolved policy
 */
export function policyShapeFindings(policy: ResolvedPolicy): RotationFinding[] {
  const any =
    policy.excludeUppercase !== true ||
    policy.excludeLowercase !== true ||
    policy.excludeNumbers !== true ||
    policy.excludePunctuation !== true ||
    policy.includeSpace === true;
  if (any) return [];
  return [
    finding(
      'PASSWORD_POLICY_INVALID',
      'The password policy excludes every kind of character, so GetRandomPassword cannot make a password.',
      'Allow at least one of uppercase, lowercase, digits or punctuation.',
    ),
  ];
}
