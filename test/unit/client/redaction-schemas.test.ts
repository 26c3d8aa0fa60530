/**
 * Plants values and keys in a JSON secret nested 200 levels deep, then makes zod 4, zod 3
 * (`zod/v3`) and valibot fail on it in every way a schema can: issues at every depth, unknown
 * keys, a validate that throws, an async validate that rejects, and async issues whose
 * messages quote the whole value. Searches everything secretkit produces for any planted piece:
 * error messages, cause chains, details, `util.inspect` and `JSON.stringify` of each error,
 * LOAD_FAILED, log lines and events. The backend is the in-memory Secrets Manager.
 */
import { inspect } from 'node:util';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { z as z3 } from 'zod/v3';
import {
  defineSecrets,
  isSecretkitError,
  SecretsClient,
  type StandardSchemaV1,
  secret,
} from '../../../src/index.js';
import { InMemorySecretsManager } from '../../../src/testing/index.js';

/** Every planted value and key contains this; nothing else secretkit prints does. */
const MARK = 'PLNT7q';
const DEPTH = 200;

/**
 * `{ tree: { key-0: [ { key-1: [ ..., value-1 ] }, value-0 ] } }`: 200 levels of objects whose
 * only key is planted, each holding a pair [deeper level, planted value] (400 levels of nesting).
 */
function plantedTree(): unknown {
  let node: unknown = { [`bottom-${MARK}`]: [{}, `leaf-${MARK}`] };
  for (let i = DEPTH - 1; i >= 0; i -= 1) node = { [`key-${i}-${MARK}`]: [node, `value-${i}-${MARK}`] };
  return { [`sk_live_${MARK}`]: `top-${MARK}`, tree: node };
}

/** Each level must be a record of [level, number]: every planted value fails, at its own depth. */
type Level = { [key: string]: [Level, number] };
const level4: z.ZodType<Level> = z.lazy(() => z.record(z.string(), z.tuple([level4, z.number()])));
const level3: z3.ZodType<Level> = z3.lazy(() => z3.record(z3.tuple([level3, z3.number()])));
const levelV: v.GenericSchema<Level> = v.lazy(() => v.record(v.string(), v.tuple([levelV, v.number()])));

const quote = (value: unknown) => `got ${JSON.stringify(value)}`;
const boom = (value: unknown): never => {
  throw new SyntaxError(`cannot use ${JSON.stringify(value)}`);
};

const schemas: Record<string, StandardSchemaV1> = {
  'zod 4: issues at every depth': z.object({ tree: level4 }),
  'zod 4: unknown keys': z.strictObject({ tree: z.unknown() }),
  'zod 4: throws': z.unknown().transform(boom),
  'zod 4: async rejects': z.unknown().transform(async (value) => boom(value)),
  'zod 4: async issues quoting the value': z.unknown().superRefine(async (value, ctx) => {
    ctx.addIssue({ code: 'custom', message: quote(value), path: [`sk_live_${MARK}`] });
  }),
  'zod 3: issues at every depth': z3.object({ tree: level3 }),
  'zod 3: unknown keys': z3.object({ tree: z3.unknown() }).strict(),
  'zod 3: throws': z3.unknown().transform(boom),
  'zod 3: async rejects': z3.unknown().transform(async (value) => boom(value)),
  'zod 3: async issues quoting the value': z3.unknown().superRefine(async (value, ctx) => {
    ctx.addIssue({ code: 'custom', message: quote(value), path: [`sk_live_${MARK}`] });
  }),
  'valibot: issues at every depth': v.object({ tree: levelV }),
  'valibot: unknown keys': v.strictObject({ tree: v.unknown() }),
  'valibot: throws': v.pipe(v.unknown(), v.transform(boom)),
  'valibot: async rejects': v.pipeAsync(
    v.unknown(),
    v.transformAsync(async (value) => boom(value)),
  ),
  'valibot: async issues quoting the value': v.pipeAsync(
    v.unknown(),
    v.checkAsync(
      async () => false,
      (issue) => quote(issue.input),
    ),
  ),
};

function allForms(value: unknown): string {
  const parts: string[] = [];
  let current: unknown = value;
  for (let i = 0; current !== undefined && i < 20; i += 1) {
    parts.push(
      String(current),
      inspect(current, { depth: Number.POSITIVE_INFINITY, showHidden: true }),
      JSON.stringify(current) ?? '',
    );
    const details = (current as { details?: unknown }).details;
    if (details !== undefined) parts.push(JSON.stringify(details), inspect(details, { depth: null }));
    current = (current as { cause?: unknown } | null)?.cause;
  }
  return parts.join('\n');
}

describe('planted values and keys, 200 deep, never leak through a schema', () => {
  it('the planted secret really is 200 deep and full of planted keys and values', () => {
    const text = JSON.stringify(plantedTree());
    expect(text.split(MARK).length - 1).toBe(2 * DEPTH + 4);
  });

  it('in errors (message, causes, details, inspect, JSON), LOAD_FAILED, logs and events', async () => {
    let now = Date.UTC(2030, 0, 1);
    const clock = { now: () => now };
    const fake = new InMemorySecretsManager({ clock, seed: 3 });
    fake.seed({ name: 'app/config', json: plantedTree() });
    const lines: string[] = [];
    const events: unknown[] = [];
    const log = (fields: object, message: string) =>
      lines.push(message, inspect(fields, { depth: null }), JSON.stringify(fields));
    const client = new SecretsClient({
      client: fake,
      region: 'us-east-1',
      clock,
      random: () => 0,
      ttlMs: 60_000,
      logger: { debug: log, warn: log, error: log },
      onEvent: (event) => events.push(event),
    });

    const errors: Array<[string, unknown]> = [];
    for (const [name, schema] of Object.entries(schemas)) {
      for (let read = 0; read < 2; read += 1) {
        const error = await client.getJson('app/config', schema).then(
          () => new Error(`${name}: resolved`),
          (e: unknown) => e,
        );
        errors.push([name, error]);
        expect(isSecretkitError(error, 'SCHEMA_MISMATCH'), `${name}: ${String(error)}`).toBe(true);
        if (name.includes('every depth')) {
          const { issues } = (error as { details: { issues: Array<{ path: string }> } }).details;
          expect(issues).toHaveLength(DEPTH + 1);
          expect(Math.max(...issues.map((i) => i.path.split('.').length))).toBe(2 * DEPTH + 3);
        }
      }
    }
    const specs = Object.fromEntries(
      Object.entries(schemas).map(([name, schema], i) => [
        `s${i}-${name}`,
        secret.json('app/config', schema),
      ]),
    );
    const loadError = await defineSecrets(specs)
      .load(client)
      .then(
        () => new Error('load resolved'),
        (e: unknown) => e,
      );
    expect(isSecretkitError(loadError, 'LOAD_FAILED')).toBe(true);
    const failures = (loadError as { details: { failures: Array<{ code: string }> } }).details.failures;
    expect(failures.map((f) => f.code)).toEqual(Object.keys(schemas).map(() => 'SCHEMA_MISMATCH'));
    errors.push(['LOAD_FAILED', loadError]);

    // The value is cached; AWS fails past the TTL: stale events and log lines.
    expect(await client.getJson('app/config')).toEqual(plantedTree());
    fake.setOutage('server');
    now += 120_000;
    expect(await client.getJson('app/config')).toEqual(plantedTree());

    for (const [name, error] of errors) expect(allForms(error), name).not.toContain(MARK);
    const issueCases = errors.filter(([name]) => /issues|unknown keys/.test(name));
    for (const [name, error] of issueCases) expect(allForms(error), name).toContain('[redacted]');
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.join('\n')).not.toContain(MARK);
    expect(events.length).toBeGreaterThan(0);
    expect(inspect(events, { depth: null, showHidden: true })).not.toContain(MARK);
    expect(JSON.stringify(events)).not.toContain(MARK);
    expect(allForms(client)).not.toContain(MARK);
    expect(allForms(client.stats())).not.toContain(MARK);
    expect(allForms(fake)).not.toContain(MARK);
    client.close();
  }, 120_000);
});
