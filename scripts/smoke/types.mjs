// @ts-check
/**
 * Type-checks the installed package's declarations the way a strict user project sees them:
 * `skipLibCheck: false`, `strict`, module/moduleResolution `nodenext`, from an ES module
 * (`.mts`, the `import` condition) and a CommonJS one (`.cts`, the `require` condition). Run by
 * scripts/check-package.sh inside a smoke project, with the repo's TypeScript:
 *
 *   node types.mjs <package-name> <path/to/typescript/bin/tsc> [--entries=.,./iam] [--label=x]
 *
 * A declaration that names a package the project does not have (an optional peer such as
 * @aws-sdk/client-kms) fails here with TS2307.
 * Prints one line; on failure prints tsc's errors and exits 1.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const args = process.argv.slice(2);
const [pkgName, tsc] = args.filter((a) => !a.startsWith('--'));
if (!pkgName || !tsc) {
  console.error('usage: node types.mjs <package-name> <tsc> [--entries=.,./iam] [--label=x]');
  process.exit(2);
}
const onlyEntries = args
  .find((a) => a.startsWith('--entries='))
  ?.slice('--entries='.length)
  .split(',');
const label = args.find((a) => a.startsWith('--label='))?.slice('--label='.length) ?? 'types';

const projectDir = process.cwd();
const requireFromProject = createRequire(join(projectDir, 'package.json'));
const pkgDir = dirname(requireFromProject.resolve(`${pkgName}/package.json`));
/** @type {{ exports?: Record<string, unknown> }} */
const manifest = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
const entries = Object.keys(manifest.exports ?? { '.': null }).filter(
  (k) => !k.includes('*') && !k.endsWith('.json') && (!onlyEntries || onlyEntries.includes(k)),
);
const specifier = (/** @type {string} */ key) => (key === '.' ? pkgName : `${pkgName}/${key.slice(2)}`);

const dir = join(projectDir, 'types-check');
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
const esm = entries.map((k, i) => `import * as e${i} from '${specifier(k)}';\nexport { e${i} };`).join('\n');
const cjs = entries.map((k, i) => `import e${i} = require('${specifier(k)}');\nexport { e${i} };`).join('\n');
writeFileSync(join(dir, 'check.mts'), `${esm}\n`);
writeFileSync(join(dir, 'check.cts'), `${cjs}\n`);
writeFileSync(
  join(dir, 'tsconfig.json'),
  JSON.stringify({
    compilerOptions: {
      strict: true,
      skipLibCheck: false,
      noEmit: true,
      module: 'nodenext',
      moduleResolution: 'nodenext',
      target: 'es2022',
      types: ['node'],
      exactOptionalPropertyTypes: true,
    },
    files: ['check.mts', 'check.cts'],
  }),
);
const run = spawnSync(process.execPath, [tsc, '-p', dir], { encoding: 'utf8', cwd: dir });
const out = `${run.stdout ?? ''}${run.stderr ?? ''}`.trim();
if (run.status !== 0) {
  console.log(
    `FAIL ${label}: the declarations of ${entries.join(', ')} do not type-check (skipLibCheck: false):`,
  );
  for (const line of out.split('\n').slice(0, 30)) console.log(`  ${line}`);
  process.exit(1);
}
console.log(
  `ok ${label}: ${entries.length} ${entries.length === 1 ? 'entry' : 'entries'} type-check, ESM and CJS, skipLibCheck: false`,
);
