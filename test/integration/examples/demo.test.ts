/**
 * `npm run demo` must keep working: run examples/demo.ts as a child process (it starts its own
 * emulator and PostgreSQL) and check the story's key lines.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);

describe('npm run demo', () => {
  it('tells the whole story and exits 0', { timeout: 120_000 }, async () => {
    const { stdout } = await run('npx', ['tsx', 'examples/demo.ts'], {
      env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
      timeout: 110_000,
      maxBuffer: 4 * 1024 * 1024,
    });
    expect(stdout).toContain('1,000 more reads [API calls: 2 (CreateSecret 1, GetSecretValue 1)');
    expect(stdout).toMatch(/preloaded 30 secrets in 2 BatchGetSecretValue calls/);
    expect(stdout).toMatch(/100 reads over 5 minutes of outage: 100 served/);
    expect(stdout).toMatch(/failovers 1/);
    expect(stdout).toMatch(/queries during two rotations: \d+ ok, 0 failed/);
    expect(stdout).toMatch(/withSecret refreshed it 1 time\(s\) and the query worked/);
    expect(stdout).toContain('demo finished.');
  });
});
