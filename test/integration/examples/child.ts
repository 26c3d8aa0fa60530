/**
 * Runs an example as users do (`tsx --tsconfig examples/tsconfig.json <file>`, so `secretkit`
 * resolves to this repo's src) in a child process with the SDK pointed at the emulator.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { motoEndpoint, TEST_CREDENTIALS, TEST_REGION } from '../../support/aws.js';

export const ROOT = resolve(import.meta.dirname, '../../..');

/** A running example and what it printed so far. */
export interface ExampleProcess {
  readonly child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Resolves with the first stdout match of `pattern`; rejects if the process exits first. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<RegExpExecArray>;
  /** Resolves with the exit code (or the signal name). */
  exited(timeoutMs?: number): Promise<number | string>;
}

/** Environment of an example: the SDK's standard variables pointing at moto, plus `extra`. */
export function exampleEnv(extra: Readonly<Record<string, string>> = {}): NodeJS.ProcessEnv {
  return {
    PATH: process.env['PATH'] ?? '',
    HOME: process.env['HOME'] ?? '/tmp',
    AWS_ENDPOINT_URL: motoEndpoint(),
    AWS_REGION: TEST_REGION,
    AWS_ACCESS_KEY_ID: TEST_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: TEST_CREDENTIALS.secretAccessKey,
    AWS_CONFIG_FILE: '/nonexistent/aws-config',
    AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/aws-credentials',
    AWS_MAX_ATTEMPTS: '1',
    NODE_NO_WARNINGS: '1',
    ...extra,
  };
}

/** Starts `examples/<file>` with tsx. */
export function startExample(file: string, env: NodeJS.ProcessEnv): ExampleProcess {
  const child = spawn(
    process.execPath,
    [resolve(ROOT, 'node_modules/tsx/dist/cli.mjs'), '--tsconfig', 'examples/tsconfig.json', file],
    { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  let err = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    out += chunk;
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    err += chunk;
  });
  const exit = new Promise<number | string>((done) => {
    child.once('exit', (code, signal) => done(code ?? signal ?? 'unknown'));
  });
  const withTimeout = <T>(promise: Promise<T>, timeoutMs: number, what: string): Promise<T> =>
    new Promise<T>((ok, fail) => {
      const timer = setTimeout(
        () => fail(new Error(`${what} not seen within ${timeoutMs} ms\nstdout:\n${out}\nstderr:\n${err}`)),
        timeoutMs,
      );
      promise.then(
        (v) => {
          clearTimeout(timer);
          ok(v);
        },
        (e: unknown) => {
          clearTimeout(timer);
          fail(e);
        },
      );
    });
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    waitFor(pattern, timeoutMs = 15_000) {
      const found = new Promise<RegExpExecArray>((ok, fail) => {
        const check = (): void => {
          const m = pattern.exec(out);
          if (m) {
            child.stdout?.off('data', check);
            ok(m);
          }
        };
        child.stdout?.on('data', check);
        check();
        void exit.then((code) =>
          fail(new Error(`exited (${code}) before printing ${pattern}\n${out}\n${err}`)),
        );
      });
      return withTimeout(found, timeoutMs, String(pattern));
    },
    exited(timeoutMs = 15_000) {
      return withTimeout(exit, timeoutMs, 'exit');
    },
  };
}
