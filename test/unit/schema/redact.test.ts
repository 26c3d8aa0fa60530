/**
 * Keys of a JSON secret are secrets too (API keys used as map keys, user names), and no depth
 * lets a value through: what SCHEMA_MISMATCH shows of a secret, for each schema library.
 */
import { type } from 'arktype';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { z as z3 } from 'zod/v3';
import { isSecretkitError, type StandardSchemaV1 } from '../../../src/index.js';
import { collectSecrets, redact } from '../../../src/schema/redact.js';
import { validateSecret } from '../../../src/schema/validate.js';
import { everything, rejectionOf } from './support.js';

const KEY = 'sk_live_KEY0a9b8c';
const OTHER_KEY = 'user-alice-KEY77';
const VALUE = 'val_SECRET_31f2';
const secret = { keys: { [KEY]: VALUE }, [OTHER_KEY]: 5 };

async function mismatch(schema: StandardSchemaV1, value: unknown = secret) {
  const error = await rejectionOf(validateSecret(schema, value, 'app'));
  expect(isSecretkitError(error, 'SCHEMA_MISMATCH')).toBe(true);
  return error as Error & { details: { issues: Array<{ path: string; message: string }> } };
}

describe('keys of a JSON secret are redacted from paths and messages', () => {
  const schemas: Array<[string, StandardSchemaV1]> = [
    ['zod 4 record', z.object({ keys: z.record(z.string(), z.number()) })],
    ['zod 4 record with a key schema', z.object({ keys: z.record(z.string().max(3), z.string()) })],
    ['zod 4 strictObject', z.strictObject({ keys: z.strictObject({}) })],
    ['zod 3 record', z3.object({ keys: z3.record(z3.number()) })],
    ['zod 3 strict', z3.object({ keys: z3.object({}).strict() }).strict()],
    ['valibot strictObject', v.strictObject({ keys: v.strictObject({}) })],
    ['valibot record', v.object({ keys: v.record(v.string(), v.number()) })],
    ['arktype record', type({ keys: 'Record<string, number>' })],
    ['arktype undeclared key rejected', type({ keys: { '+': 'reject' }, '+': 'reject' })],
  ];
  for (const [name, schema] of schemas) {
    it(`${name}`, async () => {
      const error = await mismatch(schema);
      const shown = everything(error);
      expect(shown).not.toContain(KEY);
      expect(shown).not.toContain(OTHER_KEY);
      expect(shown).not.toContain(VALUE);
      expect(shown).toContain('[redacted]');
    });
  }

  it('keeps keys the schema declares visible where the library publishes its JSON Schema (zod 4, arktype)', async () => {
    const data = { port: 'x-5432', [KEY]: 1 };
    for (const schema of [z.object({ port: z.number() }), type({ port: 'number' })]) {
      const error = await mismatch(schema, data);
      expect(error.details.issues.map((i) => i.path)).toEqual(['port']);
    }
  });

  it('declared means declared at that position: a record key named like a property elsewhere is redacted', async () => {
    const data = { users: { admin: 'pw-x' }, admin: 'root-x' };
    const zod4 = z.object({ users: z.record(z.string(), z.number()), admin: z.string() });
    const ark = type({ users: 'Record<string, number>', admin: 'string' });
    for (const schema of [zod4, ark]) {
      const error = await mismatch(schema, data);
      expect(error.details.issues.map((i) => i.path)).toEqual(['users.[redacted]']);
      expect(error.message).not.toContain('admin');
    }
  });

  it('follows recursive schemas ($ref) down to the failing key', async () => {
    interface Category {
      name: string;
      children: Category[];
    }
    const category: z.ZodType<Category> = z.object({
      name: z.string(),
      get children() {
        return z.array(category);
      },
    });
    const data = { name: 'a', children: [{ name: 'b', children: [{ name: 7, children: [] }] }] };
    const error = await mismatch(category, data);
    expect(error.details.issues.map((i) => i.path)).toEqual(['children.0.children.0.name']);
  });

  it('redacts a present key the schema does not declare, keeps a missing one it asks for', async () => {
    const error = await mismatch(z3.object({ port: z3.number(), host: z3.string() }), { port: 'x-5432' });
    expect(error.details.issues.map((i) => i.path)).toEqual(['[redacted]', 'host']);
  });

  it('keeps array indices', async () => {
    const error = await mismatch(z.object({ list: z.array(z.number()) }), { list: [1, 2, 'seven'] });
    expect(error.details.issues.map((i) => i.path)).toEqual(['list.2']);
  });

  it('redacts short values where a library quotes them', async () => {
    const error = await mismatch(v.object({ pin: v.number() }), { pin: 'ab' });
    expect(error.message).not.toContain('"ab"');
  });
});

describe('no depth limit', () => {
  function nested(depth: number, leaf: unknown, key = 'k'): unknown {
    let value: unknown = leaf;
    for (let i = 0; i < depth; i += 1) value = i % 2 === 0 ? { [`${key}${i}`]: value } : [value];
    return value;
  }

  it('collects values and keys 200 and 100,000 levels deep, without recursion', () => {
    for (const depth of [200, 100_000]) {
      const { values, keys } = collectSecrets(nested(depth, VALUE, KEY));
      expect(values.has(VALUE)).toBe(true);
      expect(keys.has(`${KEY}0`)).toBe(true);
      expect(keys.has(`${KEY}${depth - 2}`)).toBe(true);
    }
  });

  it('a value 200 levels deep that a schema quotes is redacted', async () => {
    const quoting: StandardSchemaV1 = {
      '~standard': {
        version: 1,
        vendor: 'test',
        validate: (value) => ({ issues: [{ message: `got ${JSON.stringify(value)}` }] }),
      },
    };
    const error = await mismatch(quoting, nested(200, VALUE, KEY));
    expect(everything(error)).not.toContain(VALUE);
    expect(everything(error)).not.toContain(KEY);
  });

  it('redact replaces in one pass: a replacement is never re-matched', () => {
    expect(redact('a hunter2 b', new Set(['hunter2', 'dac']))).toBe('a [redacted] b');
  });
});
