import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '../../..');

/**
 * maxBytes bounds everything the cache keeps: 100k distinct ids read (values), answered
 * NOT_FOUND (remembered answers) and faulting (backoff records), each in a child process run
 * with --expose-gc; the heap growth of each case, after gc, stays within maxBytes plus a small
 * constant (JIT code and feedback of the read path: about 1 MB measured with maxBytes 64 KiB).
 */
describe('memory is bounded by maxBytes', () => {
  it('over 100k distinct ids: reads, NOT_FOUND answers and faults', { timeout: 240_000 }, () => {
    const maxBytes = 4 * 1024 * 1024;
    const probe = spawnSync(
      process.execPath,
      [
        '--expose-gc',
        '--import',
        'tsx',
        join(root, 'test/support/memory-probe.ts'),
        '100000',
        String(maxBytes),
      ],
      { cwd: root, encoding: 'utf8', timeout: 230_000 },
    );
    expect(probe.status, probe.stderr).toBe(0);
    const { growth } = JSON.parse(probe.stdout.trim().split('\n').at(-1) as string) as {
      growth: Record<string, number>;
    };
    const constant = 1.5 * 1024 * 1024;
    expect(growth['construction']).toBeLessThan(256 * 1024); // nothing preallocated for maxEntries 1e6
    for (const kind of ['reads', 'notFound', 'faults']) {
      expect(growth[kind], kind).toBeLessThan(maxBytes + constant);
    }
    // The bound is used, not dodged: the values case fills most of it.
    expect(growth['reads']).toBeGreaterThan(maxBytes / 2);
  });
});
