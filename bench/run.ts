/**
 * `npm run bench`: runs every benchmark section in this one process and prints markdown tables,
 * also written to bench/results/latest.md (gitignored). See docs/performance.md.
 *
 * Sections: bench/reads.ts (reads, caching, outage, bundle/import), and bench/failover.ts
 * (`runFailoverBench()`) when that file exists.
 *
 *   npm run bench                      # everything
 *   npm run bench -- --only=reads      # one section (reads | failover | fleet | fleet-preload | sources | miss-alone)
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runFleetBench } from './fleet.js';
import { runFleetPreloadBench } from './fleet-preload.js';
import { runMissAloneBench } from './miss-alone.js';
import { runReadsBench } from './reads.js';
import { runSourcesBench } from './sources.js';

const benchDir = dirname(fileURLToPath(import.meta.url));
const root = resolve(benchDir, '..');

interface Section {
  readonly id: string;
  readonly title: string;
  run(): Promise<string>;
}

/** bench/failover.ts is written separately; run it when present. */
async function failoverSection(): Promise<string> {
  const file = join(benchDir, 'failover.ts');
  if (!existsSync(file)) return 'n/a (bench/failover.ts not written yet).';
  const mod: Record<string, unknown> = await import(file);
  const run = mod['runFailoverBench'];
  if (typeof run !== 'function') return 'n/a (bench/failover.ts does not export runFailoverBench).';
  const out: unknown = await (run as () => Promise<unknown>)();
  return String(out);
}

const SECTIONS: readonly Section[] = [
  { id: 'reads', title: 'Reads', run: runReadsBench },
  { id: 'failover', title: 'Failover', run: failoverSection },
  { id: 'fleet', title: 'Fleet (issue 13)', run: runFleetBench },
  {
    id: 'fleet-preload',
    title: 'Fleet start-up: preload over the Agent (issue 13)',
    run: runFleetPreloadBench,
  },
  { id: 'sources', title: 'Several sources (45 secrets + 25 parameters)', run: runSourcesBench },
  { id: 'miss-alone', title: 'Miss CPU, each library alone (issue 16)', run: () => runMissAloneBench() },
];

function environment(): string {
  const cpu = cpus();
  const load = loadavg()
    .map((n) => n.toFixed(2))
    .join(' ');
  return `Node ${process.version}, ${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}, load average at start ${load}, ${new Date().toISOString()}.`;
}

async function main(): Promise<void> {
  const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
  const started = performance.now();
  const parts = ['# secretkit benchmarks', '', environment()];
  let failed = false;
  for (const section of SECTIONS) {
    if (only && only !== section.id) continue;
    process.stderr.write(`bench: ${section.id}...\n`);
    const t = performance.now();
    let body: string;
    try {
      body = await section.run();
    } catch (error) {
      failed = true;
      body = `FAILED: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`;
    }
    parts.push(
      '',
      `## ${section.title}`,
      '',
      body,
      '',
      `_${section.id}: ${((performance.now() - t) / 1000).toFixed(1)} s_`,
    );
  }
  parts.push('', `_Total: ${((performance.now() - started) / 1000).toFixed(1)} s._`, '');
  const md = parts.join('\n');
  process.stdout.write(md);
  const outDir = join(root, 'bench', 'results');
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'latest.md'), md);
  process.stderr.write(`bench: written to bench/results/latest.md\n`);
  // Some peers leave timers behind (middy re-arms its refresh timer forever): exit explicitly.
  process.exit(failed ? 1 : 0);
}

await main();
