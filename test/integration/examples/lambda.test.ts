/**
 * examples/lambda: bundles the handler with esbuild as a user would (AWS SDK external, the rest
 * inlined, `secretkit` resolved to this repo's src through examples/tsconfig.json), runs the
 * bundle in a fresh Node process with only the SDK beside it (like the Lambda runtime), and
 * checks the module-scope client makes one API call per secret per TTL.
 */
import { gzipSync } from 'node:zlib';
import type { Metafile } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { SecretsAdmin } from '../../../src/admin/index.js';
import { emulatorConfig, useEmulator } from '../../support/aws.js';
import { useExampleBundle } from '../../support/bundle-example.js';

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
  const example = useExampleBundle({
    entry: 'examples/lambda/handler.ts',
    outfile: 'handler.mjs',
    format: 'esm',
    driver: { file: 'invoke.mjs', source: DRIVER },
  });
  let bundle: string;

  beforeAll(() => {
    const { output: out, metafile } = example();
    bundle = out.text;
    const shares = Object.entries(shareByGroup(metafile))
      .sort(([, a], [, b]) => b - a)
      .map(([group, bytes]) => `${group} ${(bytes / 1024).toFixed(1)} KiB`)
      .join(', ');
    console.log(
      `examples/lambda bundle (minified, SDK external): ${(out.contents.byteLength / 1024).toFixed(1)} KiB, ` +
        `${(gzipSync(out.contents).byteLength / 1024).toFixed(1)} KiB gzip; by package: ${shares}`,
    );
  });

  it('bundles with the AWS SDK left external and everything else inlined', () => {
    expect(bundle).toMatch(/from\s*"@aws-sdk\/client-secrets-manager"/);
    expect(bundle).not.toMatch(/from\s*"(?:secretkit|zod)["/]/);
    expect(bundle).not.toContain(PASSWORD);
  });

  it('makes one API call per secret per TTL across warm invocations', async () => {
    const seed = new SecretsAdmin({ clientConfig: emulatorConfig() });
    await seed.createSecret({
      name: 'example/db',
      value: { json: { host: 'db.internal', port: 5432, username: 'app', password: PASSWORD } },
    });
    await seed.createSecret({ name: 'example/api-key', value: { string: API_KEY } });
    seed.close();

    // Five invocations at once, then five more after the TTL has passed.
    const plan = [0, 0, 0, 0, 0, TTL_MS + 200, 0, 0, 0, 0];
    const { stdout, stderr } = await example().invoke(plan, {
      timeoutMs: 15_000,
      env: {
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
