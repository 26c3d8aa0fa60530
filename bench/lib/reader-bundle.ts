/**
 * The read-only Lambda handler of issue #10: one typed secret (`getJson` with a `zod/mini`
 * schema), bundled with esbuild (ESM, minified, node20) with the SDK and zod external, so the
 * output is the handler plus secretkit (no runtime dependencies). Also the library-only import time: in a
 * fresh `node` process the SDK (and zod) are imported first, then the bundled handler is timed,
 * against the same handler written with Powertools Parameters.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { median } from './measure.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const workDir = join(root, '.tmp', 'bench', 'reader');
const EXTERNAL = ['@aws-sdk/*', '@smithy/*', '@aws-crypto/*', 'zod', 'zod/*'];

const SOURCES: Readonly<Record<string, string>> = {
  secretkit: `import * as z from 'zod/mini';
import { SecretsClient } from ${JSON.stringify(join(root, 'src', 'index.ts'))};
const secrets = new SecretsClient();
const Db = z.object({ host: z.string(), password: z.string() });
export const handler = async () => (await secrets.getJson('prod/db', Db)).host;`,
  powertools: `import * as z from 'zod/mini';
import { SecretsProvider } from '@aws-lambda-powertools/parameters/secrets';
const provider = new SecretsProvider();
const Db = z.object({ host: z.string(), password: z.string() });
export const handler = async () => Db.parse(await provider.get('prod/db', { transform: 'json', maxAge: 300 })).host;`,
};

const TIMER = `await import('@aws-sdk/client-secrets-manager');
await import('zod/mini');
const t0 = performance.now();
await import(process.argv[2]);
process.stdout.write(String(performance.now() - t0));`;

/** One library's read-only handler. */
export interface ReaderBundle {
  readonly id: string;
  /** Minified bytes and gzip bytes, SDK and zod external. */
  readonly bytes: number;
  readonly gzip: number;
  /** Minified bytes in the output per input package or secretkit folder. */
  readonly parts: ReadonlyArray<readonly [string, number]>;
  /** Median import time of the bundle with the SDK and zod already loaded, ms. */
  readonly importMs: number;
  readonly error?: string;
}

function partOf(path: string): string {
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(path)?.[1];
  if (pkg) return pkg;
  const src = /^src\/([^/]+)\//.exec(path)?.[1];
  return src ? `secretkit src/${src}` : 'handler';
}

/**
 * Bundles both handlers and times their import, `runs` times each, interleaved.
 *
 * @param runs - fresh processes per handler
 */
export async function measureReaderBundles(runs: number): Promise<ReaderBundle[]> {
  rmSync(workDir, { recursive: true, force: true });
  mkdirSync(workDir, { recursive: true });
  const timer = join(workDir, 'timer.mjs');
  writeFileSync(timer, TIMER);
  const built: Array<Omit<ReaderBundle, 'importMs'> & { out: string }> = [];
  for (const [id, source] of Object.entries(SOURCES)) {
    const entry = join(workDir, `${id}.src.mjs`);
    const out = join(workDir, `${id}.mjs`);
    writeFileSync(entry, source);
    try {
      const result = await build({
        entryPoints: [entry],
        outfile: out,
        bundle: true,
        minify: true,
        format: 'esm',
        platform: 'node',
        target: 'node20',
        external: EXTERNAL,
        metafile: true,
        logLevel: 'silent',
        legalComments: 'none',
      });
      const code = readFileSync(out);
      const parts = new Map<string, number>();
      for (const output of Object.values(result.metafile.outputs)) {
        for (const [path, input] of Object.entries(output.inputs)) {
          parts.set(partOf(path), (parts.get(partOf(path)) ?? 0) + input.bytesInOutput);
        }
      }
      built.push({
        id,
        out,
        bytes: code.length,
        gzip: gzipSync(code, { level: 9 }).length,
        parts: [...parts].sort((a, b) => b[1] - a[1]),
      });
    } catch (error) {
      built.push({ id, out, bytes: Number.NaN, gzip: Number.NaN, parts: [], error: String(error) });
    }
  }
  const env = {
    ...process.env,
    AWS_REGION: 'us-east-1',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    NODE_OPTIONS: '',
  };
  const times = new Map<string, number[]>();
  for (let r = 0; r < runs; r++) {
    for (const b of built) {
      if (b.error) continue;
      const run = spawnSync(process.execPath, [timer, b.out], {
        cwd: workDir,
        env,
        encoding: 'utf8',
        timeout: 30_000,
      });
      const ms = Number(run.stdout);
      if (run.status === 0 && Number.isFinite(ms)) times.set(b.id, [...(times.get(b.id) ?? []), ms]);
    }
  }
  return built.map(({ out: _out, ...b }) => ({ ...b, importMs: median(times.get(b.id) ?? []) }));
}
