import { defineConfig } from 'tsup';

/**
 * One build, two formats. Every sub-path entry of package.json "exports" is listed here.
 * Every (peer) dependency stays external. An ESM-only dependency would have to be listed in
 * `noExternal` (bundled into both outputs, so the CommonJS build loads on Node 20 without
 * require(esm)); there is none today (p-retry was dropped: one signature retry is a loop in
 * src/sdk/send.ts).
 */
export default defineConfig({
  entry: {
    index: 'src/index.ts',
    admin: 'src/admin/index.ts',
    rotation: 'src/rotation/index.ts',
    'rotation-postgres': 'src/rotation/postgres/index.ts',
    'rotation-mysql': 'src/rotation/mysql/index.ts',
    iam: 'src/iam/index.ts',
    testing: 'src/testing/index.ts',
    cli: 'src/cli/main.ts',
  },
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'node20',
  platform: 'node',
  splitting: true,
  treeshake: true,
  noExternal: [],
});
