/**
 * The object keys a schema declares, so that a SCHEMA_MISMATCH can show `port: expected number`
 * while hiding the keys that came from the secret (a record's keys, an unexpected key).
 *
 * Standard Schema has no introspection, but libraries that also implement Standard JSON Schema
 * (`~standard.jsonSchema`, e.g. zod 4 and arktype) publish their input as JSON Schema: every
 * name under a `properties` there is written in the schema's source, not read from the secret.
 * For other libraries (zod 3, valibot, custom schemas) the set is empty, and every key present
 * in the secret is redacted: secretkit fails closed.
 */

interface JsonSchemaConverter {
  readonly input?: (options: Readonly<Record<string, unknown>>) => unknown;
}

const NONE: ReadonlySet<string> = new Set();
const cache = new WeakMap<object, ReadonlySet<string>>();
const TARGETS = ['draft-2020-12', 'draft-07'];

/**
 * Names under any `properties` of a JSON Schema document, at any depth (iteratively).
 *
 * @param document - a JSON Schema
 */
export function propertyNames(document: unknown): Set<string> {
  const names = new Set<string>();
  const seen = new Set<object>();
  const stack: unknown[] = [document];
  while (stack.length > 0) {
    const node = stack.pop();
    if (typeof node !== 'object' || node === null || seen.has(node)) continue;
    seen.add(node);
    const properties = (node as { properties?: unknown }).properties;
    if (typeof properties === 'object' && properties !== null && !Array.isArray(properties)) {
      for (const name of Object.keys(properties)) names.add(name);
    }
    for (const child of Object.values(node)) stack.push(child);
  }
  return names;
}

function inputJsonSchema(standard: object): unknown {
  const converter = (standard as { jsonSchema?: unknown }).jsonSchema as JsonSchemaConverter | undefined;
  if (typeof converter !== 'object' || converter === null || typeof converter.input !== 'function') {
    return undefined;
  }
  for (const target of TARGETS) {
    try {
      // zod reads `libraryOptions`: represent what JSON Schema cannot (dates, transforms) as `{}`.
      return converter.input({ target, libraryOptions: { unrepresentable: 'any' } });
    } catch {
      // try the next target; none means no declared keys
    }
  }
  return undefined;
}

/**
 * The keys `schema` declares (cached per schema object); empty when the library does not
 * publish a JSON Schema, or publishing it fails. Never throws.
 *
 * @param schema - the schema object (whose `~standard` is `standard`)
 * @param standard - its `~standard` properties, already read
 */
export function declaredKeys(schema: object, standard: object): ReadonlySet<string> {
  const known = cache.get(schema);
  if (known) return known;
  let keys = NONE;
  try {
    const document = inputJsonSchema(standard);
    if (document !== undefined) keys = propertyNames(document);
  } catch {
    keys = NONE;
  }
  cache.set(schema, keys);
  return keys;
}
