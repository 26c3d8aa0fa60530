// @ts-check
/**
 * Smoke test of the packed package, run by scripts/check-package.sh inside a temp project
 * that installed the tarball and its peers. Plain JavaScript on purpose: it runs on every Node
 * version under test (20, 22, 24) without a TypeScript loader.
 *
 *   node smoke.mjs <package-name> [--cli-strict] [--entries=.] [--skip-entries=./x] [--label=name]
 *
 * --entries: only these entries (and no bin check); --skip-entries: all but these (with the
 * bin check), e.g. the entries whose own peer the project does not install.
 *
 * - require()s AND import()s every entry of the installed package's "exports" map;
 * - checks the CJS and ESM copies export the same names;
 * - checks a few named exports of the root entry;
 * - checks the CJS and ESM copies of SecretkitError recognise each other's errors;
 * - checks every "bin": file present, shebang, npm's .bin link executable, `--help` runs
 *   (a failing `--help` fails only with --cli-strict).
 * Prints one summary line; on failure prints each problem and exits 1.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';

const args = process.argv.slice(2);
const pkgName = args.find((a) => !a.startsWith('--'));
if (!pkgName) {
  console.error('usage: node smoke.mjs <package-name> [--cli-strict] [--entries=.,./iam] [--label=x]');
  process.exit(2);
}
const cliStrict = args.includes('--cli-strict');
const onlyEntries = args
  .find((a) => a.startsWith('--entries='))
  ?.slice('--entries='.length)
  .split(',');
const skipEntries =
  args
    .find((a) => a.startsWith('--skip-entries='))
    ?.slice('--skip-entries='.length)
    .split(',') ?? [];
const label = args.find((a) => a.startsWith('--label='))?.slice('--label='.length) ?? 'smoke';

/** Names the root entry must export (CJS and ESM alike). */
const REQUIRED_ROOT_EXPORTS = ['SecretkitError', 'isSecretkitError'];

const projectDir = process.cwd();
const requireFromProject = createRequire(join(projectDir, 'package.json'));
const pkgDir = dirname(requireFromProject.resolve(`${pkgName}/package.json`));
/** @type {{ exports?: Record<string, unknown>, bin?: string | Record<string, string>, name: string }} */
const manifest = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));

/** @type {string[]} */
const problems = [];
/** @type {string[]} */
const notes = [];

/** @param {unknown} e */
const msg = (e) => (e instanceof Error ? `${e.name}: ${e.message.split('\n')[0]}` : String(e));

// --- every entry point, both ways -------------------------------------------------------
const entryKeys = Object.keys(manifest.exports ?? { '.': null }).filter(
  (k) =>
    !k.includes('*') &&
    !k.endsWith('.json') &&
    (!onlyEntries || onlyEntries.includes(k)) &&
    !skipEntries.includes(k),
);
/** @type {Map<string, { cjs: Record<string, unknown>, esm: Record<string, unknown> }>} */
const loaded = new Map();
for (const key of entryKeys) {
  const specifier = key === '.' ? pkgName : `${pkgName}/${key.slice(2)}`;
  /** @type {Record<string, unknown> | undefined} */
  let cjs;
  /** @type {Record<string, unknown> | undefined} */
  let esm;
  try {
    cjs = requireFromProject(specifier);
    const file = requireFromProject.resolve(specifier);
    if (!file.endsWith('.cjs') && !file.endsWith('.js'))
      problems.push(`require(${specifier}) resolved to ${file}`);
  } catch (e) {
    problems.push(`require('${specifier}') failed: ${msg(e)}`);
  }
  try {
    // check-package.sh copies this file into the project, so this resolves like an app's import.
    esm = await import(specifier);
  } catch (e) {
    problems.push(`import('${specifier}') failed: ${msg(e)}`);
  }
  if (cjs && esm) {
    loaded.set(key, { cjs, esm });
    const cjsNames = Object.keys(cjs)
      .filter((n) => n !== '__esModule' && n !== 'default')
      .sort();
    const esmNames = Object.keys(esm)
      .filter((n) => n !== 'default' && n !== 'module.exports')
      .sort();
    const onlyCjs = cjsNames.filter((n) => !esmNames.includes(n));
    const onlyEsm = esmNames.filter((n) => !cjsNames.includes(n));
    if (onlyCjs.length || onlyEsm.length) {
      problems.push(
        `${specifier}: CJS and ESM export different names (CJS only: ${onlyCjs.join(',') || '-'}; ESM only: ${onlyEsm.join(',') || '-'})`,
      );
    }
  }
}

// --- named exports and the CJS/ESM cross-copy error check --------------------------------
const root = loaded.get('.');
if (root) {
  for (const name of REQUIRED_ROOT_EXPORTS) {
    if (typeof root.cjs[name] !== 'function') problems.push(`require('${pkgName}').${name} is missing`);
    if (typeof root.esm[name] !== 'function') problems.push(`import('${pkgName}').${name} is missing`);
  }
  const CjsError = /** @type {new (code: string, message: string) => Error} */ (root.cjs['SecretkitError']);
  const EsmError = /** @type {new (code: string, message: string) => Error} */ (root.esm['SecretkitError']);
  const cjsIs = /** @type {(e: unknown, code?: string) => boolean} */ (root.cjs['isSecretkitError']);
  const esmIs = /** @type {(e: unknown, code?: string) => boolean} */ (root.esm['isSecretkitError']);
  if (typeof CjsError === 'function' && typeof EsmError === 'function') {
    try {
      const cjsErr = new CjsError('NOT_FOUND', 'x');
      const esmErr = new EsmError('NOT_FOUND', 'x');
      /** @type {Array<[string, boolean]>} */
      const checks = [
        ['the CJS and ESM classes are distinct copies', CjsError !== EsmError],
        ['CJS error instanceof ESM SecretkitError', cjsErr instanceof EsmError],
        ['ESM error instanceof CJS SecretkitError', esmErr instanceof CjsError],
        ['CJS error instanceof Error', cjsErr instanceof Error],
        ['plain Error is not instanceof SecretkitError', !(new Error('x') instanceof EsmError)],
      ];
      if (typeof esmIs === 'function' && typeof cjsIs === 'function') {
        checks.push(
          ['esm.isSecretkitError(cjsErr)', esmIs(cjsErr) === true],
          ["esm.isSecretkitError(cjsErr, 'NOT_FOUND')", esmIs(cjsErr, 'NOT_FOUND') === true],
          ["esm.isSecretkitError(cjsErr, 'DELETED') is false", esmIs(cjsErr, 'DELETED') === false],
          ['cjs.isSecretkitError(esmErr)', cjsIs(esmErr) === true],
          ['isSecretkitError(new Error()) is false', esmIs(new Error('x')) === false],
        );
      }
      for (const [what, ok] of checks) if (!ok) problems.push(`cross-copy: ${what} failed`);
    } catch (e) {
      problems.push(`cross-copy check threw: ${msg(e)}`);
    }
  }
}

// --- bin ---------------------------------------------------------------------------------
const bins =
  typeof manifest.bin === 'string'
    ? { [manifest.name.replace(/^@[^/]+\//, '')]: manifest.bin }
    : (manifest.bin ?? {});
const binSummary = [];
if (!onlyEntries) {
  for (const [name, rel] of Object.entries(bins)) {
    const file = resolve(pkgDir, rel);
    let text = '';
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      problems.push(`bin ${name}: ${rel} missing from the package (${msg(e)})`);
      continue;
    }
    if (!/^#!.*\bnode\b/.test(text.split('\n', 1)[0] ?? ''))
      problems.push(`bin ${name}: ${rel} has no node shebang`);
    const link = join(projectDir, 'node_modules', '.bin', name);
    try {
      accessSync(link, constants.X_OK);
    } catch (e) {
      problems.push(`bin ${name}: node_modules/.bin/${name} missing or not executable (${msg(e)})`);
    }
    // Run the file with the Node under test (the shebang would pick whatever `node` is on PATH).
    const run = spawnSync(process.execPath, [file, '--help'], { encoding: 'utf8', timeout: 20_000 });
    const out = `${run.stdout ?? ''}${run.stderr ?? ''}`.trim();
    const ok = run.status === 0 && (run.stdout ?? '').trim().length > 0;
    if (ok) binSummary.push(`${name} --help ok`);
    else {
      const why = `${name} --help: exit ${run.status ?? run.signal}, ${out ? `"${out.split('\n')[0]}"` : 'no output'}`;
      if (cliStrict) problems.push(`bin ${why}`);
      else notes.push(`${why} (tolerated: the CLI is not written yet)`);
      binSummary.push(`${name} present`);
    }
  }
}

const version = process.version;
if (problems.length) {
  console.log(`FAIL ${label} on Node ${version}:`);
  for (const p of problems) console.log(`  - ${p}`);
  process.exit(1);
}
const parts = [`${entryKeys.length} ${entryKeys.length === 1 ? 'entry' : 'entries'} require+import ok`];
if (root) parts.push('cross-copy instanceof ok');
if (binSummary.length) parts.push(binSummary.join(', '));
console.log(`ok ${label} on Node ${version}: ${parts.join('; ')}`);
for (const n of notes) console.log(`  note: ${n}`);
