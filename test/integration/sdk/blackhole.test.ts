/**
 * No write, describe, list or replication call outlives its deadline or close(): against a
 * black-holed endpoint (the fault proxy accepts and never answers), with the SDK's default
 * maxAttempts, every call ends with TIMEOUT or CLIENT_CLOSED and the process then exits.
 */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { motoEndpoint } from '../../support/aws.js';
import { type FaultProxy, startFaultProxy } from '../../support/fault-proxy.js';

const ROOT = resolve(import.meta.dirname, '../../..');

describe('the SDK boundary against a black-holed endpoint', () => {
  let proxy: FaultProxy;
  beforeAll(async () => {
    proxy = await startFaultProxy(motoEndpoint());
    await proxy.setMode({ kind: 'blackhole' });
  });
  afterAll(async () => {
    await proxy.close();
  });

  it('ends every call at its deadline (or at close) and lets the process exit', async () => {
    const child = spawn(
      process.execPath,
      [resolve(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'test/integration/sdk/blackhole-child.ts'],
      {
        cwd: ROOT,
        // No AWS_MAX_ATTEMPTS: the SDK's default (3) applies.
        env: {
          PATH: process.env['PATH'] ?? '',
          HOME: process.env['HOME'] ?? '/tmp',
          AWS_CONFIG_FILE: '/nonexistent/aws-config',
          AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/aws-credentials',
          NODE_NO_WARNINGS: '1',
          BLACKHOLE_ENDPOINT: proxy.endpoint,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      err += chunk;
    });
    // The bound is the test's, not the product's: a hung child is killed and reported.
    const exit = await new Promise<number | string>((done) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        done('hung');
      }, 25_000);
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        done(code ?? signal ?? 'unknown');
      });
    });
    expect(exit, `stderr:\n${err}`).toBe(0);
    expect(JSON.parse(out)).toEqual({
      putSecretValue: 'TIMEOUT',
      describeSecret: 'TIMEOUT',
      listSecrets: 'TIMEOUT',
      replicationStatus: 'TIMEOUT',
      getString: 'TIMEOUT',
      createSecretThenClose: 'CLIENT_CLOSED',
    });
    expect(proxy.requests).toBeGreaterThan(0);
  }, 30_000);
});
