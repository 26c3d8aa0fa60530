/**
 * The docs check themselves: every ```ts block of README.md and docs/*.md is type-checked
 * against the BUILT package (declarations from tsup, resolved through package.json "exports"
 * as an app resolves `secretkit` and `secretkit/*`), in one TypeScript program.
 *
 * A snippet may declare its free variables in a hidden preamble, an HTML comment right before
 * the block (GitHub does not render it):
 *
 *   <!-- preamble: declare const secrets: import('secretkit').SecretsClient; -->
 *
 * `<!-- snippet: skip (why) -->` instead leaves a block out (say why). Each snippet is its own
 * ES module (top-level await allowed). The declarations come from dist/ when it is newer than
 * src/ (after `npm run build` or check:package), else from `tsup --dts-only` into a temp dir;
 * SECRETKIT_SNIPPETS_DIST names another dist/ to use.
 */
import { execFileSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');
const WORK = join(ROOT, '.tmp', 'doc-snippets');

/** One ```ts block. */
interface Snippet {
  /** `docs/rotation.md:128` (the line of the first code line). */
  readonly where: string;
  readonly code: string;
  readonly preamble: string;
}

/** The ```ts blocks of one markdown file, with their preambles. */
function extractSnippets(file: string, markdown: string): Snippet[] {
  const lines = markdown.split('\n');
  const out: Snippet[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!/^```(ts|typescript)\s*$/.test(lines[i] ?? '')) continue;
    const start = i + 1;
    let end = start;
    while (end < lines.length && !/^```\s*$/.test(lines[end] ?? '')) end++;
    // The comment right before the fence (blank lines allowed in between).
    let j = i - 1;
    while (j >= 0 && (lines[j] ?? '').trim() === '') j--;
    let comment = '';
    if (j >= 0 && (lines[j] ?? '').trimEnd().endsWith('-->')) {
      let k = j;
      while (k >= 0 && !(lines[k] ?? '').includes('<!--')) k--;
      comment = lines.slice(k, j + 1).join('\n');
    }
    const code = lines.slice(start, end).join('\n');
    i = end;
    if (/<!--\s*snippet:\s*skip\b/.test(comment)) continue;
    const preamble = /<!--\s*preamble:([\s\S]*?)-->/.exec(comment)?.[1]?.trim() ?? '';
    out.push({ where: `${file}:${start + 1}`, code, preamble });
  }
  return out;
}

function markdownFiles(): string[] {
  const docs = readdirSync(join(ROOT, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`);
  return ['README.md', ...docs.sort()];
}

const snippets = markdownFiles().flatMap((file) =>
  extractSnippets(file, readFileSync(join(ROOT, file), 'utf8')),
);

/** Newest modification time (ms) of the files under `dir`. */
function newest(dir: string): number {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .reduce((max, e) => Math.max(max, statSync(join(e.parentPath, e.name)).mtimeMs), 0);
}

/** True when dist/ (e.g. from `npm run build` or check:package) is newer than src/ and the build config. */
function distIsFresh(): boolean {
  const index = join(ROOT, 'dist', 'index.d.ts');
  if (!existsSync(index)) return false;
  const built = statSync(index).mtimeMs;
  const inputs = ['package.json', 'tsup.config.ts', 'tsconfig.json'].map(
    (f) => statSync(join(ROOT, f)).mtimeMs,
  );
  return built > Math.max(newest(join(ROOT, 'src')), ...inputs);
}

/** Builds the declarations (or copies a given dist/) into WORK/node_modules/secretkit. */
function installBuiltPackage(): void {
  const pkgDir = join(WORK, 'node_modules', 'secretkit');
  rmSync(WORK, { recursive: true, force: true });
  mkdirSync(pkgDir, { recursive: true });
  cpSync(join(ROOT, 'package.json'), join(pkgDir, 'package.json'));
  const given = process.env['SECRETKIT_SNIPPETS_DIST'] ?? (distIsFresh() ? join(ROOT, 'dist') : undefined);
  if (given) cpSync(resolve(given), join(pkgDir, 'dist'), { recursive: true });
  else {
    execFileSync(join(ROOT, 'node_modules/.bin/tsup'), ['--dts-only', '--out-dir', join(pkgDir, 'dist')], {
      cwd: ROOT,
      stdio: 'pipe',
    });
  }
  if (!existsSync(join(pkgDir, 'dist', 'index.d.ts')))
    throw new Error('the build produced no dist/index.d.ts');
}

/** Diagnostics by snippet, from one program over every snippet. */
function typeCheck(): Map<string, string[]> {
  const dir = join(WORK, 'snippets');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(WORK, 'package.json'), '{"private":true,"type":"module"}\n');
  const files = snippets.map((s, n) => {
    const file = join(dir, `${s.where.replace(/[^A-Za-z0-9]+/g, '_')}_${n}.ts`);
    // Line 1: the preamble (one line, so snippet line numbers stay simple); last line makes it a module.
    writeFileSync(file, `${s.preamble.replace(/\n/g, ' ')}\n${s.code}\nexport {};\n`);
    return { file, snippet: s };
  });
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    skipLibCheck: true, // the package's own declarations are checked by check:package
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    types: ['node'],
    typeRoots: [join(ROOT, 'node_modules/@types')],
    noUnusedLocals: false,
  };
  const program = ts.createProgram(
    files.map((f) => f.file),
    options,
  );
  const byFile = new Map<string, string[]>(snippets.map((s) => [s.where, []]));
  for (const d of ts.getPreEmitDiagnostics(program)) {
    const entry = files.find((f) => f.file === d.file?.fileName);
    const text = ts.flattenDiagnosticMessageText(d.messageText, '\n');
    if (entry === undefined || d.file === undefined || d.start === undefined) {
      byFile.set('(program)', [...(byFile.get('(program)') ?? []), text]);
      continue;
    }
    const line = d.file.getLineAndCharacterOfPosition(d.start).line; // 0 = preamble
    const [file, first] = entry.snippet.where.split(':');
    const at = line === 0 ? `${entry.snippet.where} (preamble)` : `${file}:${Number(first) + line - 1}`;
    byFile.get(entry.snippet.where)?.push(`${at}: TS${d.code}: ${text}`);
  }
  return byFile;
}

describe('docs snippets type-check against the built package', () => {
  let results = new Map<string, string[]>();
  beforeAll(() => {
    installBuiltPackage();
    results = typeCheck();
  }, 600_000);

  it('finds the snippets', () => {
    expect(snippets.length).toBeGreaterThan(30);
    expect(relative(ROOT, WORK).startsWith('.tmp')).toBe(true); // .gitignore covers it
  });

  it('has no program-wide errors', () => {
    expect(results.get('(program)') ?? []).toEqual([]);
  });

  it.each(snippets.map((s) => s.where))('%s', (where) => {
    expect(results.get(where)).toEqual([]);
  });
});
