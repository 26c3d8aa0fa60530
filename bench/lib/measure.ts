/**
 * Timing and formatting helpers for the benchmarks. Every loop is bounded.
 */
import { setTimeout as sleep } from 'node:timers/promises';

/** The median of a non-empty list (the mean of the two middle values for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const hi = sorted[mid] ?? Number.NaN;
  return sorted.length % 2 === 1 ? hi : ((sorted[mid - 1] ?? hi) + hi) / 2;
}

/** Milliseconds since an arbitrary origin, sub-millisecond resolution. */
export function nowMs(): number {
  return performance.now();
}

/** Runs `fn` and returns its wall time in ms along with its result. */
export async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await fn();
  return { ms: performance.now() - start, value };
}

/** One async operation measured by {@link nsPerOp}. */
export type Op = () => Promise<unknown>;

/** Per-op results of {@link nsPerOp}. */
export interface OpTiming {
  /** Median ns per call over the rounds. */
  readonly ns: number;
  /** Median over the rounds of (this op's ns ÷ the reference op's ns in the same round). */
  readonly vsRef: number;
}

/**
 * Nanoseconds per awaited call of each op: `batches` rounds, each op run `iterations` times per
 * round, in a shuffled order each round (so drift on a shared machine, and position in the
 * round, hit all of them alike). Ratios to the reference op are taken within each round, then
 * the median over the rounds: a slow phase of the machine slows the reference too.
 */
export async function nsPerOp(
  ops: ReadonlyMap<string, Op>,
  { iterations, batches, warmup, ref }: { iterations: number; batches: number; warmup: number; ref?: string },
): Promise<Map<string, OpTiming>> {
  for (const op of ops.values()) for (let i = 0; i < warmup; i++) await op();
  const names = [...ops.keys()];
  const samples = new Map<string, number[]>(names.map((k) => [k, []]));
  const ratios = new Map<string, number[]>(names.map((k) => [k, []]));
  let seed = 0x2545f491;
  const random = (): number => {
    seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0;
    return seed / 2 ** 32;
  };
  for (let b = 0; b < batches; b++) {
    const order = [...names];
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j] as string, order[i] as string];
    }
    const round = new Map<string, number>();
    for (const name of order) {
      const op = ops.get(name) as Op;
      const start = process.hrtime.bigint();
      for (let i = 0; i < iterations; i++) await op();
      const ns = Number(process.hrtime.bigint() - start) / iterations;
      samples.get(name)?.push(ns);
      round.set(name, ns);
    }
    const refNs = ref === undefined ? undefined : round.get(ref);
    if (refNs) for (const [name, ns] of round) ratios.get(name)?.push(ns / refNs);
    await sleep(0); // let timers and GC run between rounds
  }
  return new Map(
    names.map((k) => [k, { ns: median(samples.get(k) ?? []), vsRef: median(ratios.get(k) ?? []) }]),
  );
}

/** Resolves with the promise's outcome, or `'timeout'` after `ms` (the timer is cleared). */
export async function withTimeout<T>(
  promise: Promise<T>,
  ms: number,
): Promise<{ ok: true; value: T } | { ok: false; error: unknown } | 'timeout'> {
  const ac = new AbortController();
  const timer = sleep(ms, 'timeout' as const, { signal: ac.signal }).catch(() => 'aborted' as const);
  try {
    const outcome = await Promise.race([
      promise.then(
        (value) => ({ ok: true as const, value }),
        (error: unknown) => ({ ok: false as const, error }),
      ),
      timer,
    ]);
    return outcome === 'aborted' ? 'timeout' : outcome;
  } finally {
    ac.abort();
  }
}

// --- formatting --------------------------------------------------------------------------

/** 1234.5 → "1,235". */
export function int(n: number): string {
  return Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : 'n/a';
}

/** A number with `digits` decimals, or "n/a". */
export function fixed(n: number, digits = 1): string {
  return Number.isFinite(n) ? n.toFixed(digits) : 'n/a';
}

/** A ratio as "1.23×". */
export function ratio(n: number, base: number): string {
  if (!Number.isFinite(n) || !Number.isFinite(base) || base <= 0) return 'n/a';
  const r = n / base;
  return `${r >= 10 ? r.toFixed(0) : r.toFixed(2)}×`;
}

/** Bytes as "12.3 KiB" (or "456 B"). */
export function kib(bytes: number): string {
  if (!Number.isFinite(bytes)) return 'n/a';
  return bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} KiB`;
}

/** A markdown table. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const esc = (cell: string): string => cell.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const lines = [
    `| ${header.map(esc).join(' | ')} |`,
    `|${header.map((_, i) => (i === 0 ? '---' : '---:')).join('|')}|`,
    ...rows.map((row) => `| ${row.map(esc).join(' | ')} |`),
  ];
  return lines.join('\n');
}
