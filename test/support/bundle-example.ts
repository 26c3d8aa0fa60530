/**
 * An example bundled with esbuild as a user would deploy it to Lambda (AWS SDK external, the
 * rest inlined, `secretkit` resolved to this repo's src through examples/tsconfig.json: no build
 * needed), in a temp dir that, like the Lambda Node.js runtime, has the AWS SDK v3 beside it and
 * nothing else; a driver script there invokes the bundle in a fresh Node process that knows only
 * the emulator.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { build, type Metafile, type OutputFile } from 'esbuild';
import { afterAll, beforeAll } from 'vitest';
import { motoEndpoint, TEST_CREDENTIALS, TEST_REGION } from './aws.js';

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '../..');

/** Options of {@link useExampleBundle}. */
export interface ExampleBundleOptions {
  /** The entry point, relative to the repository root (e.g. `examples/lambda/handler.ts`). */
  readonly entry: string;
  /** The bundle's file name in the temp dir (e.g. `handler.mjs`). */
  readonly outfile: string;
  readonly format: 'esm' | 'cjs';
  /** Left out of the bundle besides `@aws-sdk/*`. */
  readonly external?: readonly string[];
  /** The script that loads the bundle and invokes it with `JSON.parse(process.argv[2])`. */
  readonly driver: { readonly file: string; readonly source: string };
}

/** A bundled example in its temp dir. */
export interface ExampleBundle {
  readonly dir: string;
  /** The bundle as esbuild wrote it. */
  readonly output: OutputFile;
  readonly metafile: Metafile;
  /**
   * Runs the driver with `arg` as JSON, in the temp dir, with only PATH, the emulator's endpoint,
   * region and credentials (no AWS config files) and `env` in its environment.
   */
  invoke(
    arg: unknown,
    options: { readonly timeoutMs: number; readonly env: Record<string, string> },
  ): Promise<{ stdout: string; stderr: string }>;
}

async function bundleExample(options: ExampleBundleOptions): Promise<ExampleBundle> {
  const dir = mkdtempSync(join(tmpdir(), `secretkit-${basename(dirname(options.entry))}-`));
  try {
    mkdirSync(join(dir, 'node_modules'));
    symlinkSync(join(ROOT, 'node_modules/@aws-sdk'), join(dir, 'node_modules/@aws-sdk'), 'dir');
    const result = await build({
      absWorkingDir: ROOT,
      entryPoints: [options.entry],
      outfile: join(dir, options.outfile),
      tsconfig: 'examples/tsconfig.json', // maps `secretkit` to src/index.ts: no build needed
      bundle: true,
      minify: true,
      platform: 'node',
      format: options.format,
      target: 'node20',
      external: ['@aws-sdk/*', ...(options.external ?? [])],
      metafile: true,
      write: false,
      logLevel: 'silent',
    });
    const output = result.outputFiles[0];
    if (!output) throw new Error('esbuild produced no output');
    writeFileSync(output.path, output.contents);
    writeFileSync(join(dir, options.driver.file), options.driver.source);
    return {
      dir,
      output,
      metafile: result.metafile,
      invoke: (arg, { timeoutMs, env }) =>
        run(process.execPath, [join(dir, options.driver.file), JSON.stringify(arg)], {
          cwd: dir,
          timeout: timeoutMs,
          env: {
            PATH: process.env['PATH'] ?? '',
            AWS_ENDPOINT_URL: motoEndpoint(),
            AWS_REGION: TEST_REGION,
            AWS_ACCESS_KEY_ID: TEST_CREDENTIALS.accessKeyId,
            AWS_SECRET_ACCESS_KEY: TEST_CREDENTIALS.secretAccessKey,
            AWS_CONFIG_FILE: join(dir, 'no-config'),
            AWS_SHARED_CREDENTIALS_FILE: join(dir, 'no-credentials'),
            ...env,
          },
        }),
    };
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

/**
 * Bundles the example in `beforeAll` and deletes its temp dir in `afterAll`; returns a getter
 * valid inside tests (and in later `beforeAll` hooks).
 */
export function useExampleBundle(options: ExampleBundleOptions): () => ExampleBundle {
  let bundle: ExampleBundle | undefined;
  beforeAll(async () => {
    bundle = await bundleExample(options);
  });
  afterAll(() => {
    if (bundle) rmSync(bundle.dir, { recursive: true, force: true });
  });
  return () => {
    if (!bundle) throw new Error('example not bundled (call useExampleBundle at the top of the describe)');
    return bundle;
  };
}
