/**
 * Minimal Lambda handlers, one per library, bundled with esbuild the way they would be deployed,
 * to measure bundled size (SDK bundled and SDK external), each library's own bytes apart from
 * the SDK, and the import (init) time of the bundled handler in a fresh `node` process.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, type Metafile } from 'esbuild';
import { median } from './measure.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const workDir = join(root, '.tmp', 'bench', 'handlers');

/** One handler to bundle. */
export interface HandlerSpec {
  readonly id: string;
  /** The handler module's source (ESM). */
  readonly source: string;
}

/** Sources of the minimal handlers: read one string secret per invocation, client at module scope. */
export function handlerSpecs(): HandlerSpec[] {
  const srcIndex = JSON.stringify(join(root, 'src', 'index.ts'));
  return [
    {
      id: 'sdk',
      source: `import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
const client = new SecretsManagerClient({});
export const handler = async () =>
  (await client.send(new GetSecretValueCommand({ SecretId: 'prod/api' }))).SecretString;`,
    },
    {
      id: 'map',
      source: `import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
const client = new SecretsManagerClient({});
const cache = new Map();
export const handler = async () => {
  const hit = cache.get('prod/api');
  if (hit && hit.expires > Date.now()) return hit.value;
  const out = await client.send(new GetSecretValueCommand({ SecretId: 'prod/api' }));
  cache.set('prod/api', { value: out.SecretString, expires: Date.now() + 300000 });
  return out.SecretString;
};`,
    },
    {
      id: 'powertools',
      source: `import { SecretsProvider } from '@aws-lambda-powertools/parameters/secrets';
const provider = new SecretsProvider();
export const handler = async () => provider.get('prod/api', { maxAge: 300 });`,
    },
    {
      id: 'middy',
      source: `import middy from '@middy/core';
import secretsManager from '@middy/secrets-manager';
export const handler = middy(async (_event, context) => context.api).use(
  secretsManager({ fetchData: { api: 'prod/api' }, setToContext: true, cacheExpiry: 300000, disablePrefetch: true }),
);`,
    },
    {
      id: 'secretkit',
      source: `import { SecretsClient } from ${srcIndex};
const secrets = new SecretsClient();
export const handler = async () => secrets.getString('prod/api');`,
    },
  ];
}

/** Size and init time of one handler. */
export interface HandlerResult {
  readonly id: string;
  /** Set when the handler could not be bundled or run. */
  readonly error?: string;
  /** SDK bundled: minified bytes and gzip bytes of the whole bundle. */
  readonly bundledBytes: number;
  readonly bundledGzip: number;
  /** SDK external: minified and gzip bytes (handler + library + its non-SDK dependencies). */
  readonly ownBytes: number;
  readonly ownGzip: number;
  /** Share of the bundled output that is SDK code (from esbuild's metafile). */
  readonly sdkShare: number;
  /** Median import time of the bundled handler in a fresh node process, ms. */
  readonly importMs: number;
  /** Largest inputs of the SDK-external bundle: [path, minified bytes]. */
  readonly topInputs: ReadonlyArray<readonly [string, number]>;
}

/** Packages counted as "the SDK": @aws-sdk/*, @smithy/*, @aws-crypto/* and the client's dependency closure. */
function sdkPackages(): Set<string> {
  const seen = new Set<string>();
  const queue = ['@aws-sdk/client-secrets-manager'];
  for (let guard = 0; queue.length > 0 && guard < 5_000; guard++) {
    const name = queue.shift() as string;
    if (seen.has(name)) continue;
    seen.add(name);
    const manifest = join(root, 'node_modules', name, 'package.json');
    if (!existsSync(manifest)) continue;
    const deps = (JSON.parse(readFileSync(manifest, 'utf8')) as { dependencies?: Record<string, string> })
      .dependencies;
    queue.push(...Object.keys(deps ?? {}));
  }
  return seen;
}

function packageOfPath(path: string): string | undefined {
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(path);
  return m?.[1];
}

function isSdk(pkg: string | undefined, sdk: ReadonlySet<string>): boolean {
  return pkg !== undefined && (sdk.has(pkg) || /^@(aws-sdk|smithy|aws-crypto)\//.test(pkg));
}

const BANNER = "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);";

async function bundle(
  entry: string,
  outfile: string,
  external: readonly string[],
): Promise<{ bytes: number; gzip: number; metafile: Metafile }> {
  const result = await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    banner: { js: BANNER },
    external: [...external],
    metafile: true,
    logLevel: 'silent',
    legalComments: 'none',
  });
  const code = readFileSync(outfile);
  return { bytes: code.length, gzip: gzipSync(code, { level: 9 }).length, metafile: result.metafile };
}

const IMPORT_TIMER = `const t0 = performance.now();
await import(process.argv[2]);
process.stdout.write(String(performance.now() - t0));`;

/**
 * Bundles every handler (SDK bundled and SDK external) and times its import in fresh processes
 * (`runs` each, interleaved). Import times are medians.
 */
export async function measureHandlers(runs: number): Promise<HandlerResult[]> {
  rmSync(workDir, { recursive: true, force: true });
  mkdirSync(workDir, { recursive: true });
  const timer = join(workDir, 'import-timer.mjs');
  writeFileSync(timer, IMPORT_TIMER);
  const sdk = sdkPackages();
  const sdkExternal = ['@aws-sdk/*', '@smithy/*', '@aws-crypto/*', ...sdk];

  const built: Array<{ spec: HandlerSpec; out?: string; error?: string } & Partial<HandlerResult>> = [];
  for (const spec of handlerSpecs()) {
    const entry = join(workDir, `${spec.id}.src.mjs`);
    writeFileSync(entry, spec.source);
    try {
      const full = await bundle(entry, join(workDir, `${spec.id}.bundled.mjs`), []);
      const own = await bundle(entry, join(workDir, `${spec.id}.sdk-external.mjs`), sdkExternal);
      const topInputs = Object.values(own.metafile.outputs)
        .flatMap((o) => Object.entries(o.inputs).map(([path, i]) => [path, i.bytesInOutput] as const))
        .filter(([path]) => !path.startsWith('.tmp/'))
        .sort((a, b) => b[1] - a[1])
        .slice(0, 6);
      let sdkBytes = 0;
      let allBytes = 0;
      for (const output of Object.values(full.metafile.outputs)) {
        for (const [path, input] of Object.entries(output.inputs)) {
          allBytes += input.bytesInOutput;
          if (isSdk(packageOfPath(path), sdk)) sdkBytes += input.bytesInOutput;
        }
      }
      built.push({
        spec,
        out: join(workDir, `${spec.id}.bundled.mjs`),
        bundledBytes: full.bytes,
        bundledGzip: full.gzip,
        ownBytes: own.bytes,
        ownGzip: own.gzip,
        sdkShare: allBytes > 0 ? sdkBytes / allBytes : Number.NaN,
        topInputs,
      });
    } catch (error) {
      const first = error instanceof Error ? error.message.split('\n').slice(0, 2).join(' ') : String(error);
      built.push({ spec, error: `bundle failed: ${first}` });
    }
  }

  const env = {
    ...process.env,
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'AKIDBENCHMARK',
    AWS_SECRET_ACCESS_KEY: 'benchmark',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    NODE_OPTIONS: '',
  };
  const times = new Map<string, number[]>();
  const errors = new Map<string, string>();
  for (let r = 0; r < runs; r++) {
    for (const b of built) {
      if (!b.out || errors.has(b.spec.id)) continue;
      const run = spawnSync(process.execPath, [timer, b.out], { env, encoding: 'utf8', timeout: 30_000 });
      const ms = Number(run.stdout);
      if (run.status !== 0 || !Number.isFinite(ms)) {
        errors.set(b.spec.id, `import failed: ${(run.stderr || `exit ${run.status}`).trim().split('\n')[0]}`);
        continue;
      }
      times.set(b.spec.id, [...(times.get(b.spec.id) ?? []), ms]);
    }
  }

  return built.map((b) => {
    const error = b.error ?? errors.get(b.spec.id);
    return {
      id: b.spec.id,
      ...(error ? { error } : {}),
      bundledBytes: b.bundledBytes ?? Number.NaN,
      bundledGzip: b.bundledGzip ?? Number.NaN,
      ownBytes: b.ownBytes ?? Number.NaN,
      ownGzip: b.ownGzip ?? Number.NaN,
      sdkShare: b.sdkShare ?? Number.NaN,
      importMs: median(times.get(b.spec.id) ?? []),
      topInputs: b.topInputs ?? [],
    };
  });
}
