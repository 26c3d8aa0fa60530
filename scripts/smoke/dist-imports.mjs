// @ts-check
/**
 * Checks what the built files in dist/ import, run by scripts/check-package.sh after the build.
 *
 *   node scripts/smoke/dist-imports.mjs [packageDir]
 *
 * - Every bare import/require/import() in dist/*.{js,cjs,d.ts,d.cts} must name a Node builtin,
 *   the package itself, a dependency or a peer dependency. A devDependency (or an undeclared
 *   package) there would break installs that do not have it.
 * - The ESM-only packages bundled by tsup (noExternal in tsup.config.ts) must not be
 *   required by the CJS output; reports whether they are bundled at all (via the source maps).
 * Imports are found with TypeScript's own pre-processor (ts.preProcessFile), not a regex.
 * Prints one summary line; on failure prints each problem and exits 1.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { join, resolve } from 'node:path';
import ts from 'typescript';

const pkgDir = resolve(process.argv[2] ?? '.');
const distDir = join(pkgDir, 'dist');
/** @type {Record<string, Record<string, string> | undefined>} */
const manifest = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
const name = /** @type {string} */ (/** @type {unknown} */ (manifest['name']));
const deps = new Set(Object.keys(manifest['dependencies'] ?? {}));
const peers = new Set(Object.keys(manifest['peerDependencies'] ?? {}));
const devDeps = new Set(Object.keys(manifest['devDependencies'] ?? {}));

/** ESM-only packages tsup must inline (keep in step with tsup.config.ts noExternal). */
const BUNDLED_ESM_ONLY = readNoExternal();

/** Reads the noExternal list from tsup.config.ts, so this check follows the build config. */
function readNoExternal() {
  try {
    const text = readFileSync(join(pkgDir, 'tsup.config.ts'), 'utf8');
    const list = /noExternal:\s*\[([^\]]*)\]/.exec(text)?.[1] ?? '';
    return [...list.matchAll(/['"]([^'"]+)['"]/g)].map((m) => /** @type {string} */ (m[1]));
  } catch {
    return [];
  }
}

/** @param {string} spec */
function packageOf(spec) {
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : /** @type {string} */ (parts[0]);
}

/** @type {string[]} */
const problems = [];
const files = readdirSync(distDir).filter((f) => /\.(c?js|d\.c?ts)$/.test(f));
/** @type {Map<string, Set<string>>} package -> files importing it */
const external = new Map();
for (const file of files) {
  const text = readFileSync(join(distDir, file), 'utf8');
  const info = ts.preProcessFile(text, true, true);
  for (const ref of info.typeReferenceDirectives) {
    if (ref.fileName !== 'node') problems.push(`${file}: /// <reference types="${ref.fileName}" />`);
  }
  for (const { fileName: spec } of info.importedFiles) {
    if (spec.startsWith('.') || spec.startsWith('/') || isBuiltin(spec)) continue;
    const pkg = packageOf(spec);
    if (pkg === name) continue;
    const users = external.get(pkg) ?? new Set();
    users.add(file);
    external.set(pkg, users);
    if (BUNDLED_ESM_ONLY.includes(pkg) && /\.c?js$/.test(file)) {
      problems.push(`${file} imports '${spec}', which is ESM-only and must be bundled (tsup noExternal)`);
    } else if (!deps.has(pkg) && !peers.has(pkg)) {
      const kind = devDeps.has(pkg)
        ? 'a devDependency, not a dependency or peer'
        : 'not declared in package.json';
      problems.push(`${file} imports '${spec}': ${kind}`);
    }
  }
}

// Which of the ESM-only packages were actually inlined (their sources appear in the maps)?
const maps = readdirSync(distDir).filter((f) => f.endsWith('.cjs.map'));
const inlined = BUNDLED_ESM_ONLY.filter((pkg) =>
  maps.some((m) => readFileSync(join(distDir, m), 'utf8').includes(`node_modules/${pkg}/`)),
);

if (problems.length) {
  console.log('FAIL dist imports:');
  for (const p of problems) console.log(`  - ${p}`);
  process.exit(1);
}
const ext = [...external.keys()].sort();
const bundled = BUNDLED_ESM_ONLY.map((p) => `${p} ${inlined.includes(p) ? 'inlined' : 'unused so far'}`);
console.log(
  `ok dist imports: ${files.length} files; external packages: ${ext.join(', ') || 'none'}; ` +
    (bundled.length ? `ESM-only: ${bundled.join(', ')}, never require()d` : 'no ESM-only package to bundle'),
);
