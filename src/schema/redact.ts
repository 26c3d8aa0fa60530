/**
 * Removes a secret's values from text that a third party produced about it (schema issue
 * messages: some libraries quote the received value, e.g. zod 3's "received 'hunter2'").
 */

const MIN_REDACTED_LENGTH = 3;
const REDACTED = '[redacted]';

/** Collects every string and number leaf of a parsed JSON value (the values worth hiding). */
export function collectLeaves(value: unknown, out: Set<string> = new Set(), depth = 0): Set<string> {
  if (depth > 64) return out;
  if (typeof value === 'string') {
    if (value.length >= MIN_REDACTED_LENGTH) out.add(value);
  } else if (typeof value === 'number' || typeof value === 'bigint') {
    const text = String(value);
    if (text.length >= MIN_REDACTED_LENGTH) out.add(text);
  } else if (Array.isArray(value)) {
    for (const item of value) collectLeaves(item, out, depth + 1);
  } else if (typeof value === 'object' && value !== null) {
    for (const item of Object.values(value)) collectLeaves(item, out, depth + 1);
  }
  return out;
}

/**
 * Replaces every occurrence of any of `secrets` in `text` (longest first) with `[redacted]`,
 * including JSON-escaped forms.
 *
 * @param text - a message to clean
 * @param secrets - the values that must not appear
 */
export function redact(text: string, secrets: ReadonlySet<string>): string {
  let out = text;
  const ordered = [...secrets].sort((a, b) => b.length - a.length);
  for (const secret of ordered) {
    for (const form of new Set([secret, JSON.stringify(secret).slice(1, -1)])) {
      if (form.length >= MIN_REDACTED_LENGTH && out.includes(form)) out = out.split(form).join(REDACTED);
    }
  }
  return out;
}
