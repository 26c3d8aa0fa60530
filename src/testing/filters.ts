/**
 * ListSecrets / BatchGetSecretValue filters, as the API reference describes them: `name`,
 * `tag-key`, `tag-value`, `primary-region` and `owning-service` are case-sensitive prefix
 * matches; `description` and `all` match word prefixes, not case-sensitive. A value starting
 * with `!` negates. Values of one filter are OR-ed, filters are AND-ed.
 */
import type { Filter } from '@aws-sdk/client-secrets-manager';
import type { HandlerContext } from './context.js';
import type { RegionalSecret } from './store.js';

const KEYS = new Set([
  'description',
  'name',
  'tag-key',
  'tag-value',
  'primary-region',
  'owning-service',
  'all',
]);

/** Validates filters (known keys, at least one value each). */
export function checkFilters(ctx: HandlerContext, filters: readonly Filter[] | undefined): void {
  for (const f of filters ?? []) {
    if (f.Key === undefined || !KEYS.has(f.Key)) {
      throw ctx.errors.invalidParameter(`Invalid filter key: ${String(f.Key)}.`);
    }
    if (!f.Values || f.Values.length === 0 || f.Values.length > 10) {
      throw ctx.errors.invalidParameter('Each filter must have 1 to 10 values.');
    }
  }
}

/** True when the secret passes every filter. */
export function matchesFilters(found: RegionalSecret, filters: readonly Filter[] | undefined): boolean {
  return (filters ?? []).every((f) => matchesFilter(found, f));
}

function matchesFilter(found: RegionalSecret, filter: Filter): boolean {
  const values = filter.Values ?? [];
  const positives = values.filter((v) => !v.startsWith('!'));
  const negatives = values.filter((v) => v.startsWith('!')).map((v) => v.slice(1));
  const test = (value: string): boolean => matchesValue(found, filter.Key ?? '', value);
  return (positives.length === 0 || positives.some(test)) && !negatives.some(test);
}

function matchesValue(found: RegionalSecret, key: string, value: string): boolean {
  const { secret } = found;
  switch (key) {
    case 'name':
      return secret.name.startsWith(value);
    case 'tag-key':
      return secret.tags.some((t) => (t.Key ?? '').startsWith(value));
    case 'tag-value':
      return secret.tags.some((t) => (t.Value ?? '').startsWith(value));
    case 'primary-region':
      return secret.region.startsWith(value);
    case 'owning-service':
      return false;
    case 'description':
      return wordsMatch(value, [secret.description ?? '']);
    default: {
      const fields = [secret.name, secret.description ?? ''];
      for (const t of secret.tags) fields.push(t.Key ?? '', t.Value ?? '');
      return wordsMatch(value, fields);
    }
  }
}

/** Splits into words at punctuation, lower→upper case changes and letter↔digit changes. */
export function words(text: string): string[] {
  return text
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/([A-Za-z])([0-9])/g, '$1 $2')
    .replace(/([0-9])([A-Za-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w.length > 0)
    .map((w) => w.toLowerCase());
}

/** Every word of `query` is a prefix of some word of the fields (not case-sensitive). */
function wordsMatch(query: string, fields: readonly string[]): boolean {
  const wanted = words(query);
  if (wanted.length === 0) return false;
  const have = fields.flatMap(words);
  return wanted.every((w) => have.some((h) => h.startsWith(w)));
}
