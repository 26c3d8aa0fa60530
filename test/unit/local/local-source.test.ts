import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineSecrets, isSecretkitError, type LoadFailure, secret } from '../../../src/index.js';
import {
  createLocalSource,
  localSourceFromEnv,
  parameterEnvName,
  secretEnvName,
} from '../../../src/local/index.js';

const dir = mkdtempSync(join(tmpdir(), 'secretkit-local-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}
function recorder() {
  const lines: Array<{ fields: Record<string, unknown>; message: string }> = [];
  return {
    lines,
    logger: { warn: (message: string, fields: Record<string, unknown>) => lines.push({ fields, message }) },
  };
}
const Db = z.object({ host: z.string(), port: z.number() });
const definition = defineSecrets({
  db: secret.json('prod/db', Db),
  key: secret.string('prod/api-key'),
  url: secret.param('/app/prod/url', z.string().url()),
  flags: secret.param('/app/prod/flags', z.array(z.string())),
  other: secret.string('other/db', { roleArn: 'arn:aws:iam::111111111111:role/reader' }),
});

describe('local source', () => {
  it('loads the same definition from a JSON file, validated by the same schemas; says so once', async () => {
    const path = file(
      'values.json',
      JSON.stringify({
        secrets: { 'prod/db': { host: 'localhost', port: 5432 }, 'prod/api-key': 'dev-key', 'other/db': 'x' },
        parameters: { '/app/prod/url': 'http://localhost:8080', '/app/prod/flags': ['a', 'b'] },
      }),
    );
    const { lines, logger } = recorder();
    const local = createLocalSource({ file: path, environment: {}, logger });
    expect(lines).toHaveLength(1);
    expect(lines[0]?.message).toMatch(/LOCAL SOURCE/);
    const loaded = await definition.load(local);
    expect(loaded).toEqual({
      db: { host: 'localhost', port: 5432 },
      key: 'dev-key',
      url: 'http://localhost:8080',
      flags: ['a', 'b'],
      other: 'x',
    });
    expect(local.stats()).toMatchObject({
      source: 'local',
      origin: [`file:${path}`],
      secrets: 3,
      parameters: 2,
    });
    expect(lines).toHaveLength(1);
  });

  it('loads from a .env file and from environment variables by the naming rule', async () => {
    expect(secretEnvName('prod/db-main')).toBe('SECRETKIT_SECRET_PROD_DB_MAIN');
    expect(parameterEnvName('/app/prod/url')).toBe('SECRETKIT_PARAM_APP_PROD_URL');
    const path = file(
      '.env',
      [
        '# local values',
        `export ${secretEnvName('prod/db')}='{"host":"h","port":1}'`,
        `${secretEnvName('prod/api-key')}="dev\\"key"`,
        `${parameterEnvName('/app/prod/url')}=http://x.test # comment`,
      ].join('\n'),
    );
    const environment = {
      [parameterEnvName('/app/prod/flags')]: 'ignored-not-a-list',
      [secretEnvName('other/db')]: 'from-env',
    };
    const local = createLocalSource({ file: path, env: true, environment, logger: recorder().logger });
    const error = await definition.load(local).catch((e: unknown) => e);
    expect(isSecretkitError(error, 'LOAD_FAILED')).toBe(true);
    const failures = (error as { details: { failures: LoadFailure[] } }).details.failures;
    // In env style a StringList is a plain string: the array schema says so (without the value).
    expect(failures.map((f) => [f.key, f.code])).toEqual([['flags', 'SCHEMA_MISMATCH']]);
    expect(String(error)).not.toContain('ignored-not-a-list');
    const ok = await defineSecrets({
      db: secret.json('prod/db', Db),
      key: secret.string('prod/api-key'),
      url: secret.param('/app/prod/url'),
      other: secret.string('other/db'),
    }).load(local);
    expect(ok).toEqual({
      db: { host: 'h', port: 1 },
      key: 'dev"key',
      url: 'http://x.test',
      other: 'from-env',
    });
  });

  it('refuses on Lambda and ECS unless explicitly overridden', () => {
    for (const environment of [
      { AWS_LAMBDA_FUNCTION_NAME: 'fn' },
      { ECS_CONTAINER_METADATA_URI_V4: 'http://169.254.170.2/v4/x' },
      { ECS_CONTAINER_METADATA_URI: 'http://169.254.170.2/v3/x' },
    ]) {
      const error = (() => {
        try {
          createLocalSource({ environment, logger: recorder().logger });
        } catch (e) {
          return e;
        }
        return undefined;
      })();
      expect(isSecretkitError(error, 'INVALID_ARGUMENT')).toBe(true);
      expect((error as { details: { option: string } }).details.option).toBe('allowInCloud');
      expect(() =>
        createLocalSource({ environment, allowInCloud: true, logger: recorder().logger }),
      ).not.toThrow();
    }
    expect(() =>
      localSourceFromEnv({ environment: { SECRETKIT_SOURCE: 'local', AWS_LAMBDA_FUNCTION_NAME: 'fn' } }),
    ).toThrow(/AWS_LAMBDA_FUNCTION_NAME/);
  });

  it('is chosen only explicitly', () => {
    expect(localSourceFromEnv({ environment: {} })).toBeUndefined();
    expect(
      localSourceFromEnv({ environment: { SECRETKIT_SOURCE: 'aws', [secretEnvName('a')]: 'x' } }),
    ).toBeUndefined();
    expect(() => localSourceFromEnv({ environment: { SECRETKIT_SOURCE: 'lokal' } })).toThrow(
      /SECRETKIT_SOURCE/,
    );
    const { lines, logger } = recorder();
    const local = localSourceFromEnv({
      environment: { SECRETKIT_SOURCE: 'local', [secretEnvName('a')]: 'x' },
      logger,
    });
    expect(local?.stats().origin).toEqual(['env']);
    expect(lines).toHaveLength(1);
    expect(() => createLocalSource({ fille: 'x' } as never)).toThrow(/fille/);
  });

  it('never shows file-sourced values in errors, inspect or JSON', async () => {
    const path = file(
      'bad-values.json',
      JSON.stringify({
        secrets: {
          'prod/db': { host: 'PLANTED-LOCAL-1', port: 'PLANTED-LOCAL-2' },
          'prod/api-key': 'PLANTED-LOCAL-3',
        },
      }),
    );
    const local = createLocalSource({ file: path, environment: {}, logger: recorder().logger });
    const error = await definition.load(local).catch((e: unknown) => e);
    const binary = await local.secrets.getBinary('prod/api-key').catch((e: unknown) => e);
    const texts = [
      String(error),
      JSON.stringify(error),
      inspect(error, { depth: 8 }),
      inspect(local),
      JSON.stringify(local),
      String(binary),
    ];
    for (const text of texts) expect(text).not.toContain('PLANTED');
    const broken = file('broken.json', '{"secrets": {"a": "PLANTED-LOCAL-4"');
    const parse = (() => {
      try {
        createLocalSource({ file: broken, environment: {}, logger: recorder().logger });
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(isSecretkitError(parse, 'INVALID_ARGUMENT')).toBe(true);
    expect(`${String(parse)} ${JSON.stringify(parse)} ${inspect(parse, { depth: 8 })}`).not.toContain(
      'PLANTED',
    );
    const badEnv = file('bad.env', 'GOOD=1\nPLANTED-LOCAL-5 oops\n');
    expect(() => createLocalSource({ file: badEnv, environment: {}, logger: recorder().logger })).toThrow(
      /line 2/,
    );
    try {
      createLocalSource({ file: badEnv, environment: {}, logger: recorder().logger });
    } catch (e) {
      expect(inspect(e, { depth: 8 })).not.toContain('PLANTED');
    }
  });

  it('trees and tags from a JSON file', async () => {
    const path = file(
      'tree.json',
      JSON.stringify({
        secrets: { 'app/a': 'A', 'app/b': 'B', 'x/c': 'C' },
        parameters: { '/app/p/one': '1', '/app/p/two': ['2', '2'] },
        tags: { 'x/c': { team: 'search' } },
      }),
    );
    const local = createLocalSource({ file: path, environment: {}, logger: recorder().logger });
    const loaded = await defineSecrets({
      app: secret.tree('app/', { a: z.string(), b: z.string() }, { format: 'raw', strict: true }),
      p: secret.tree('/app/p', { one: z.string(), two: z.array(z.string()) }),
      search: secret.tagged(
        { key: 'team', value: 'search' },
        { c: z.string() },
        { prefix: 'x/', format: 'raw' },
      ),
    }).load(local);
    expect(loaded).toEqual({ app: { a: 'A', b: 'B' }, p: { one: '1', two: ['2', '2'] }, search: { c: 'C' } });
  });
});
