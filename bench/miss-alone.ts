/**
 * `npm run bench -- --only=miss-alone`: each library's own CPU per cache miss, measured alone in
 * its own process (bench/lib/miss-alone-child.ts) over a bare `send`, the libraries' processes
 * alternated round by round; the figure is the median of the rounds. See docs/performance.md.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const CHILD = fileURLToPath(new URL('./lib/miss-alone-child.ts', import.meta.url));
const LIBRARIES = [
  { id: 'map', name: 'plain `Map` + TTL (baseline)' },
  { id: 'powertools', name: 'Powertools `SecretsProvider`' },
  { id: 'secretkit', name: '**secretkit** `SecretsClient`' },
] as const;

function once(id: string, reads: number, batch = 20, gapMs = 0): number {
  const args = ['--import', 'tsx', CHILD, id, String(reads), String(batch), String(gapMs)];
  const run = spawnSync(process.execPath, args, {
    encoding: 'utf8',
    env: { ...process.env, NODE_NO_WARNINGS: '1' },
  });
  const line = run.stdout.trim().split('\n').pop() ?? '';
  try {
    const parsed = JSON.parse(line) as { ownUs?: unknown };
    if (typeof parsed.ownUs === 'number') return parsed.ownUs;
  } catch {
    // reported below
  }
  throw new Error(`miss-alone child for ${id} failed: ${run.stderr.trim().split('\n').slice(-3).join(' ')}`);
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};

/** Each library `rounds` times, alternated; the median and every round per library. */
function measure(rounds: number, reads: number, batch: number, gapMs: number): string[] {
  const figures = new Map<string, number[]>(LIBRARIES.map((l) => [l.id, []]));
  for (let r = 0; r < rounds; r++) {
    for (const library of LIBRARIES) figures.get(library.id)?.push(once(library.id, reads, batch, gapMs));
  }
  const powertools = median(figures.get('powertools') ?? []);
  return LIBRARIES.map((library) => {
    const all = figures.get(library.id) ?? [];
    const own = median(all);
    return `| ${library.name} | ${own.toFixed(1)} | ${(own / powertools).toFixed(1)}× | ${all.map((n) => n.toFixed(1)).join(', ')} |`;
  });
}

/** Runs the section; returns its markdown. */
export async function runMissAloneBench(rounds = 5, reads = 60_000): Promise<string> {
  const warm = measure(rounds, reads, 20, 0);
  const apart = { rounds: 3, reads: 1_000, gapMs: 2 };
  const cold = measure(apart.rounds, apart.reads, 1, apart.gapMs);
  return [
    '### Own CPU per miss, each library alone in its process',
    '',
    `Each library reads ${reads.toLocaleString('en-US')} fresh ids over a bare \`send\` (a canned answer on the next microtask, no SDK), in batches of 20 interleaved with that \`send\` called directly; the figure is its CPU per read above the direct call. One process per library and round, the libraries alternated, ${rounds} rounds; the median. Alone, a library's figure is not moved by the others' allocations and GC, nor by code shared with a client over the real SDK, as in the one-process table of the reads section.`,
    '',
    '| | own CPU µs per miss | × Powertools | every round |',
    '|---|---:|---:|---|',
    ...warm,
    '',
    `The same, one read at a time with a ${apart.gapMs} ms sleep before each (${apart.reads.toLocaleString('en-US')} reads, ${apart.rounds} rounds): reads that come apart, as a server's refreshes and a handler's first reads do, each meet CPU caches that the pause (or the machine's other tenants) cooled. The figures move by a third from round to round.`,
    '',
    '| | own CPU µs per miss | × Powertools | every round |',
    '|---|---:|---:|---|',
    ...cold,
  ].join('\n');
}
