/**
 * Removes a secret's values and keys from text that a third party produced about it (schema
 * issue messages: some libraries quote the received value, e.g. zod 3's "received 'hunter2'",
 * or an unexpected key, e.g. `Unrecognized key: "sk_live_…"`).
 *
 * The walk over the parsed JSON is iterative: no depth lets a value or key through.
 */

/** Below this length a secret is redacted only where it appears quoted (`"ab"`, `'ab'`, `` `ab` ``). */
const MIN_REDACTED_LENGTH = 3;

/** What replaces a secret in text. */
export const REDACTED = '[redacted]';

/** The strings of a parsed JSON value worth hiding. */
export interface SecretParts {
  /** Every string leaf, and every number leaf as text. */
  readonly values: Set<string>;
  /** Every key of every object, at any depth. */
  readonly keys: Set<string>;
}

/**
 * Collects every string and number leaf, and every object key, of a parsed JSON value, at any
 * depth (iteratively; shared or cyclic objects are visited once).
 *
 * @param value - the parsed JSON
 */
export function collectSecrets(value: unknown): SecretParts {
  const values = new Set<string>();
  const keys = new Set<string>();
  const seen = new Set<object>();
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const item = stack.pop();
    if (typeof item === 'string') {
      if (item.length > 0) values.add(item);
    } else if (typeof item === 'number' || typeof item === 'bigint') {
      const text = String(item);
      if (text.length >= MIN_REDACTED_LENGTH) values.add(text);
    } else if (typeof item === 'object' && item !== null && !seen.has(item)) {
      seen.add(item);
      if (Array.isArray(item)) {
        for (const element of item) stack.push(element);
      } else {
        for (const [key, element] of Object.entries(item)) {
          if (key.length > 0) keys.add(key);
          stack.push(element);
        }
      }
    }
  }
  return { values, keys };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The forms in which `secret` may appear in a message. */
function formsOf(secret: string): string[] {
  const escaped = JSON.stringify(secret).slice(1, -1);
  if (secret.length >= MIN_REDACTED_LENGTH) return [secret, escaped];
  return [`"${escaped}"`, `\\"${escaped}\\"`, `'${secret}'`, `\`${secret}\``];
}

/**
 * Replaces every occurrence of any of `secrets` in `text` with `[redacted]`, in one pass
 * (longest first, so a replacement is never matched again), including JSON-escaped forms.
 * Secrets shorter than 3 characters are replaced only where they appear quoted.
 *
 * @param text - a message to clean
 * @param secrets - the values and keys that must not appear
 */
export function redact(text: string, secrets: Iterable<string>): string {
  const forms = new Set<string>();
  for (const secret of secrets) {
    for (const form of formsOf(secret)) if (text.includes(form)) forms.add(form);
  }
  if (forms.size === 0) return text;
  const ordered = [...forms].sort((a, b) => b.length - a.length).map(escapeRegExp);
  return text.replace(new RegExp(ordered.join('|'), 'g'), REDACTED);
}
