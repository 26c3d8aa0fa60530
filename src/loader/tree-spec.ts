/**
 * `secret.tree` and `secret.tagged`: every secret under a name prefix or with a tag (or every
 * parameter under a path), typed by a record of schemas, with missing and unexpected keys
 * reported like any other load failure.
 */
import { toSecretkitError } from '../errors/aws-error.js';
import { isSecretkitError, SecretkitError } from '../errors/secretkit-error.js';
import type { StandardSchemaV1 } from '../schema/standard-schema.js';
import { validateSecret } from '../schema/validate.js';
import type { LoadSources, SecretListingSource, SecretsLoaderSource } from './sources.js';

/** A tag to match: the key, and the value when given. */
export interface TagFilter {
  /** The tag key (exact). */
  readonly key: string;
  /** The tag value (exact); any value when left out. */
  readonly value?: string | undefined;
}

/** Options of `secret.tree` and `secret.tagged`. */
export interface TreeOptions {
  /** Where to look. @defaultValue `'parameters'` when the prefix starts with `/`, else `'secrets'` */
  readonly from?: 'secrets' | 'parameters' | undefined;
  /** Report every found key that has no schema (code `UNEXPECTED`). @defaultValue false */
  readonly strict?: boolean | undefined;
  /** `json`: parse before the schema; `raw`: the string (a StringList's items). @defaultValue secrets `json`, parameters `raw` */
  readonly format?: 'raw' | 'json' | undefined;
  /** Read the secrets with this IAM role (cross-account). Secrets only. */
  readonly roleArn?: string | undefined;
}

/** One problem inside a tree. */
export interface TreeFailure {
  /** The key inside the tree (empty when the listing itself failed). */
  readonly subKey: string;
  /** The secret id or parameter name (the prefix or tag when the listing failed). */
  readonly id: string;
  /** A SecretkitError code, or `UNEXPECTED` for a key without schema in a strict tree. */
  readonly code: string;
  /** What went wrong (never a value). */
  readonly message: string;
}

/** What loading a tree gave. */
export interface TreeLoadResult<T> {
  /** The typed tree, when nothing failed. */
  readonly value?: T;
  /** Every problem (empty on success). */
  readonly failures: readonly TreeFailure[];
}

/** A declared tree, producing a `T`. */
export interface TreeSpec<T> {
  /** Marks a tree. */
  readonly kind: 'tree';
  /** The store searched. */
  readonly from: 'secrets' | 'parameters';
  /** What is searched, for messages: `prefix prod/app/` or `tag app=billing`. */
  readonly label: string;
  /**
   * Lists, loads and validates the tree. Never throws: every problem is a failure.
   *
   * @param sources - the definition's sources
   */
  load(sources: LoadSources): Promise<TreeLoadResult<T>>;
}

type Selection =
  | { readonly kind: 'prefix'; readonly prefix: string }
  | { readonly kind: 'tag'; readonly filter: TagFilter; readonly prefix: string };

function failureOf(subKey: string, id: string, error: unknown): TreeFailure {
  const e = isSecretkitError(error) ? error : toSecretkitError(error, { operation: 'load', secretId: id });
  return { subKey, id, code: e.code, message: e.message };
}

function relative(name: string, prefix: string): string {
  return name.slice(prefix.length).replace(/^\/+/, '');
}

async function listSecretNames(
  source: SecretsLoaderSource,
  lister: SecretListingSource | undefined,
  selection: Selection,
): Promise<string[]> {
  const list = lister ?? (source.listSecrets === undefined ? undefined : source);
  if (list?.listSecrets === undefined) {
    throw new SecretkitError(
      'INVALID_ARGUMENT',
      'secret.tree and secret.tagged of Secrets Manager need a lister: load({ secrets, lister: admin }) with a SecretsAdmin from secretkit/admin.',
    );
  }
  const names: string[] = [];
  const options =
    selection.kind === 'prefix'
      ? { namePrefix: selection.prefix }
      : {
          tagKey: selection.filter.key,
          ...(selection.filter.value ? { tagValue: selection.filter.value } : {}),
        };
  for await (const entry of list.listSecrets(options)) {
    // AWS filters match prefixes of words: keep exact matches only.
    if (!entry.name.startsWith(selection.prefix)) continue;
    if (selection.kind === 'tag') {
      const tag = entry.tags[selection.filter.key];
      if (tag === undefined || (selection.filter.value !== undefined && tag !== selection.filter.value))
        continue;
    }
    names.push(entry.name);
  }
  return names;
}

/**
 * Builds a tree spec (used by `secret.tree` and `secret.tagged`).
 *
 * @param selection - a prefix, or a tag plus the prefix to strip
 * @param schemas - key → schema
 * @param options - store, strictness, format, role
 */
export function treeSpec<T>(
  selection: Selection,
  schemas: Readonly<Record<string, StandardSchemaV1>>,
  options: TreeOptions | undefined,
): TreeSpec<T> {
  const from =
    options?.from ??
    (selection.kind === 'prefix' && selection.prefix.startsWith('/') ? 'parameters' : 'secrets');
  const format = options?.format ?? (from === 'secrets' ? 'json' : 'raw');
  const label =
    selection.kind === 'prefix'
      ? `${from === 'parameters' ? 'path' : 'prefix'} ${selection.prefix}`
      : `tag ${selection.filter.key}${selection.filter.value === undefined ? '' : `=${selection.filter.value}`}`;
  const expected = Object.keys(schemas);
  return {
    kind: 'tree',
    from,
    label,
    async load(sources) {
      const failures: TreeFailure[] = [];
      const found = new Map<string, string>();
      let read: (id: string, schema: StandardSchemaV1) => Promise<unknown>;
      try {
        if (from === 'parameters') {
          const parameters = sources.parameters;
          if (parameters === undefined)
            throw new SecretkitError('INVALID_ARGUMENT', 'No parameters source given to load().');
          for (const p of await parameters.getByPath(selection.prefix))
            found.set(relative(p.name, selection.prefix), p.name);
          read = (id, schema) => parameters.getValue(id, schema, { format });
        } else {
          const source =
            options?.roleArn === undefined ? sources.secrets : sources.roles?.forRole(options.roleArn);
          if (source === undefined) {
            throw new SecretkitError(
              'INVALID_ARGUMENT',
              options?.roleArn === undefined
                ? 'No secrets source given to load().'
                : 'No roles source given to load().',
            );
          }
          for (const name of await listSecretNames(
            source,
            options?.roleArn === undefined ? sources.lister : undefined,
            selection,
          ))
            found.set(relative(name, selection.prefix), name);
          const wanted = expected.map((k) => found.get(k)).filter((n): n is string => n !== undefined);
          const preloaded = wanted.length > 0 ? await source.preload(wanted) : { loaded: [], failed: [] };
          const errors = new Map(preloaded.failed.map((f) => [f.secretId, f.error]));
          read = async (id, schema) => {
            const known = errors.get(id);
            if (known) throw known;
            if (format === 'json') return source.getJson(id, schema);
            return validateSecret(schema, await source.getString(id), id);
          };
        }
      } catch (error) {
        return { failures: [failureOf('', label, error)] };
      }
      const value: Record<string, unknown> = {};
      await Promise.all(
        expected.map(async (key) => {
          const id = found.get(key);
          const schema = schemas[key];
          if (schema === undefined) return;
          if (id === undefined) {
            failures.push({
              subKey: key,
              id: key,
              code: 'NOT_FOUND',
              message: `Nothing named "${key}" under ${label}.`,
            });
            return;
          }
          try {
            value[key] = await read(id, schema);
          } catch (error) {
            failures.push(failureOf(key, id, error));
          }
        }),
      );
      if (options?.strict === true) {
        for (const [key, id] of found) {
          if (!(key in schemas)) {
            failures.push({
              subKey: key,
              id,
              code: 'UNEXPECTED',
              message: `"${key}" under ${label} has no schema.`,
            });
          }
        }
      }
      return failures.length > 0 ? { failures } : { value: value as T, failures };
    },
  };
}
