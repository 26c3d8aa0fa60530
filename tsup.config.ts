import { defineConfig } from 'tsup';

/**
 * One build, two formats. Every sub-path entry of package.json "exports" is listed here.
 *
 * p-retry (and its dependency is-network-error) is ESM-only. It is bundled (noExternal) into
 * both outputs so the CommonJS build loads on Node 20 without require(esm); it is a
 * devDependency for that reason. Everything else that is a (peer) dependency stays external.
 */
export default defineConfig({
  entry: {
    index: 'src/index.ts',
    rotation: 'src/rotation/index.ts',
    'rotation-postgres': 'src/rotation/postgres/index.ts',
    'rotation-mysql': 'src/rotation/mysql/index.ts',
    'rotation-redshift': 'src/rotation/redshift/index.ts',
    iam: 'src/iam/index.ts',
    testing: 'src/testing/index.ts',
    otel: 'src/otel/index.ts',
    middy: 'src/middy/index.ts',
    fleet: 'src/fleet/index.ts',
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
  noExternal: ['p-retry', 'is-network-error'],
});
