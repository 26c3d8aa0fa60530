/**
 * examples/lambda: bundles the handler with esbuild as a user would (AWS SDK external, the rest
 * inlined, `secretkit` resolved to this repo's src through examples/tsconfig.json), runs the
 * bundle in a fresh Node process with only the SDK beside it (like the Lambda runtime), and
 * checks the module-scope client makes one API call per secret per TTL.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { build, type Metafile } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SecretsClient } from '../../../src/index.js';
import {
  emulatorConfig,
  motoEndpoint,
  TEST_CREDENTIALS,
  TEST_REGION,
  useEmulator,
} from '../../support/aws.js';

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '../../..');
const TTL_MS = 1_000;
const PASSWORD = 'planted-password-7f3c';
const API_KEY = 'planted-api-key-91ab';

/** Bytes of the bundle's output contributed by each source group (from esbuild's metafile). */
function shareByGroup(metafile: Metafile): Record<string, number> {
  const shares: Record<string, number> = {};
  for (const output of Object.values(metafile.outputs)) {
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      const group = input.startsWith('src/')
        ? 'secretkit'
        : input.startsWith('examples/')
          ? 'handler'
          : (/node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input)?.[1] ?? 'other');
      shares[group] = (shares[group] ?? 0) + bytesInOutput;
    }
  }
  return shares;
}

const DRIVER = `
const { handler } = await import('./handler.mjs');
const plan = JSON.parse(process.argv[2]);
const results = [];
for (const waitMs of plan) {
  if (waitMs > 0) await new Promise((r) => setTimeout(r, waitMs));
  const r = await handler({ orderId: String(results.length + 1) });
  results.push({ statusCode: r.statusCode, body: r.body, apiCalls: r.debug?.apiCalls.total, hits: r.debug?.hits });
}
console.log(JSON.stringify(results));
`;

describe('examples/lambda', () => {
  useEmulator();
  let dir: string;
  let bundle: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'secretkit-lambda-'));
    // Like the Lambda Node.js runtime: the AWS SDK v3 is present, nothing else is.
    mkdirSync(join(dir, 'node_modules'));
    symlinkSync(join(ROOT, 'node_modules/@aws-sdk'), join(dir, 'node_modules/@aws-sdk'), 'dir');
    const result = await build({
      absWorkingDir: ROOT,
      entryPoints: ['examples/lambda/handler.ts'],
      outfile: join(dir, 'handler.mjs'),
      tsconfig: 'examples/tsconfig.json', // maps `secretkit` to src/index.ts: no build needed
      bundle: true,
      minify: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      external: ['@aws-sdk/*'],
      metafile: true,
      write: false,
      logLevel: 'silent',
    });
    const out = result.outputFiles[0];
    if (!out) throw new Error('esbuild produced no output');
    bundle = out.text;
    writeFileSync(out.path, out.contents);
    writeFileSync(join(dir, 'invoke.mjs'), DRIVER);
    const shares = Object.entries(shareByGroup(result.metafile))
      .sort(([, a], [, b]) => b - a)
      .map(([group, bytes]) => `${group} ${(bytes / 1024).toFixed(1)} KiB`)
      .join(', ');
    console.log(
      `examples/lambda bundle (minified, SDK external): ${(out.contents.byteLength / 1024).toFixed(1)} KiB, ` +
        `${(gzipSync(out.contents).byteLength / 1024).toFixed(1)} KiB gzip; by package: ${shares}`,
    );
  });

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('bundles with the AWS SDK left external and everything else inlined', () => {
    expect(bundle).toMatch(/from\s*"@aws-sdk\/client-secrets-manager"/);
    expect(bundle).not.toMatch(/from\s*"(?:secretkit|zod|lru-cache)["/]/);
    expect(bundle).not.toContain(PASSWORD);
  });

  it('makes one API call per secret per TTL across warm invocations', async () => {
    const seed = new SecretsClient({ clientConfig: emulatorConfig() });
    await seed.createSecret({
      name: 'example/db',
      value: { json: { host: 'db.internal', port: 5432, username: 'app', password: PASSWORD } },
    });
    await seed.createSecret({ name: 'example/api-key', value: { string: API_KEY } });
    seed.close();

    // Five invocations at once, then five more after the TTL has passed.
    const plan = [0, 0, 0, 0, 0, TTL_MS + 200, 0, 0, 0, 0];
    const { stdout, stderr } = await run(process.execPath, [join(dir, 'invoke.mjs'), JSON.stringify(plan)], {
      cwd: dir,
      timeout: 15_000,
      env: {
        PATH: process.env['PATH'] ?? '',
        AWS_ENDPOINT_URL: motoEndpoint(),
        AWS_REGION: TEST_REGION,
        AWS_ACCESS_KEY_ID: TEST_CREDENTIALS.accessKeyId,
        AWS_SECRET_ACCESS_KEY: TEST_CREDENTIALS.secretAccessKey,
        AWS_CONFIG_FILE: join(dir, 'no-config'),
        AWS_SHARED_CREDENTIALS_FILE: join(dir, 'no-credentials'),
        DB_SECRET_ID: 'example/db',
        API_KEY_SECRET_ID: 'example/api-key',
        SECRETS_TTL_MS: String(TTL_MS),
        SECRETKIT_DEBUG: '1',
      },
    });
    const results = JSON.parse(stdout) as Array<{ statusCode: number; body: string; apiCalls: number }>;

    expect(results.map((r) => r.statusCode)).toEqual(plan.map(() => 200));
    expect(JSON.parse(results[0]?.body ?? '{}')).toMatchObject({
      ok: true,
      work: expect.stringContaining('db.internal:5432 as app'),
    });
    // Two secrets: 2 calls on the cold invocation, none while fresh, 2 more after the TTL.
    expect(results.map((r) => r.apiCalls)).toEqual([2, 2, 2, 2, 2, 4, 4, 4, 4, 4]);
    expect(stdout + stderr).not.toContain(PASSWORD);
    expect(stdout + stderr).not.toContain(API_KEY);
  });
});
