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
    'rotation-redshift': 'src/rotation/redshift/index.ts',
    iam: 'src/iam/index.ts',
    testing: 'src/testing/index.ts',
    otel: 'src/otel/index.ts',
    middy: 'src/middy/index.ts',
    fleet: 'src/fleet/index.ts',
    failover: 'src/failover/index.ts',
    ssm: 'src/ssm/index.ts',
    local: 'src/local/index.ts',
    accounts: 'src/accounts/index.ts',
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
