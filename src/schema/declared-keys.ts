/**
 * The object keys a schema declares, so that a SCHEMA_MISMATCH can show `port: expected number`
 * while hiding the keys that came from the secret (a record's keys, an unexpected key).
 *
 * Standard Schema has no introspection, but libraries that also implement Standard JSON Schema
 * (`~standard.jsonSchema`, e.g. zod 4 and arktype) publish their input as JSON Schema. A key is
 * declared at a position of the path when a schema node for that position lists it under
 * `properties`: it is then written in the schema's source, not read from the secret. The walk
 * is positional (a record's key `admin` is not declared because some object elsewhere has an
 * `admin` property). For other libraries (zod 3, valibot, custom schemas) there is no document,
 * and every key present in the secret is redacted: secretkit fails closed.
 */

interface JsonSchemaConverter {
  readonly input?: (options: Readonly<Record<string, unknown>>) => unknown;
}

type Node = Readonly<Record<string, unknown>>;

const NO_DOCUMENT = Symbol('no-document');
const cache = new WeakMap<object, unknown>();
const TARGETS = ['draft-2020-12', 'draft-07'];

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function inputJsonSchema(standard: object): unknown {
  const converter = (standard as { jsonSchema?: unknown }).jsonSchema as JsonSchemaConverter | undefined;
  if (typeof converter !== 'object' || converter === null || typeof converter.input !== 'function') {
    return NO_DOCUMENT;
  }
  for (const target of TARGETS) {
    try {
      // zod reads `libraryOptions`: represent what JSON Schema cannot (dates, transforms) as `{}`.
      return converter.input({ target, libraryOptions: { unrepresentable: 'any' } });
    } catch {
      // try the next target; none means no declared keys
    }
  }
  return NO_DOCUMENT;
}

/**
 * The schema's input as JSON Schema (cached per schema object), or `undefined` when the library
 * does not publish one or publishing it fails. Never throws.
 *
 * @param schema - the schema object (whose `~standard` is `standard`)
 * @param standard - its `~standard` properties, already read
 */
export function jsonSchemaOf(schema: object, standard: object): unknown {
  if (!cache.has(schema)) {
    let document: unknown = NO_DOCUMENT;
    try {
      document = inputJsonSchema(standard);
    } catch {
      document = NO_DOCUMENT;
    }
    cache.set(schema, isNode(document) ? document : NO_DOCUMENT);
  }
  const document = cache.get(schema);
  return document === NO_DOCUMENT ? undefined : document;
}

/** Resolves a local `$ref` (`#`, `#/$defs/x`) against the document root. */
function resolveRef(root: Node, ref: string): unknown {
  if (ref === '#') return root;
  if (!ref.startsWith('#/')) return undefined;
  let node: unknown = root;
  for (const raw of ref.slice(2).split('/')) {
    const part = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    node = isNode(node) ? node[part] : Array.isArray(node) ? node[Number(part)] : undefined;
  }
  return node;
}

/** `nodes` and everything they stand for: `$ref` targets and `allOf`/`anyOf`/`oneOf` members. */
function expand(root: Node, nodes: readonly unknown[]): Node[] {
  const out: Node[] = [];
  const seen = new Set<Node>();
  const stack = [...nodes];
  while (stack.length > 0) {
    const node = stack.pop();
    if (!isNode(node) || seen.has(node)) continue;
    seen.add(node);
    out.push(node);
    if (typeof node['$ref'] === 'string') stack.push(resolveRef(root, node['$ref']));
    for (const list of ['allOf', 'anyOf', 'oneOf']) {
      const members = node[list];
      if (Array.isArray(members)) stack.push(...members);
    }
  }
  return out;
}

/** A position in the JSON Schema document, moved along an issue's path. */
export class SchemaCursor {
  readonly #root: Node | undefined;
  readonly #nodes: readonly Node[];

  /**
   * @param root - the JSON Schema document, or `undefined` (nothing is declared)
   * @param nodes - the schema nodes at this position
   */
  constructor(root: unknown, nodes?: readonly Node[]) {
    this.#root = isNode(root) ? root : undefined;
    this.#nodes = this.#root === undefined ? [] : (nodes ?? expand(this.#root, [this.#root]));
  }

  /** True when a schema node at this position lists `key` under `properties`. */
  declares(key: string): boolean {
    return this.#nodes.some((node) => isNode(node['properties']) && Object.hasOwn(node['properties'], key));
  }

  /** The position one segment further. */
  child(key: string): SchemaCursor {
    if (this.#root === undefined) return this;
    const next: unknown[] = [];
    for (const node of this.#nodes) {
      const properties = node['properties'];
      if (isNode(properties) && Object.hasOwn(properties, key)) next.push(properties[key]);
      else if (isNode(node['additionalProperties'])) next.push(node['additionalProperties']);
      const patterns = node['patternProperties'];
      if (isNode(patterns)) next.push(...Object.values(patterns));
      const index = /^\d+$/.test(key) ? Number(key) : undefined;
      if (index !== undefined) {
        const prefix = Array.isArray(node['prefixItems']) ? node['prefixItems'] : node['items'];
        if (Array.isArray(prefix) && index < prefix.length) next.push(prefix[index]);
        else if (isNode(node['items'])) next.push(node['items']);
        else if (isNode(node['additionalItems'])) next.push(node['additionalItems']);
      }
    }
    return new SchemaCursor(this.#root, expand(this.#root, next));
  }
}
