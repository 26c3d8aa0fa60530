import { defineConfig } from 'vitest/config';

/**
 * Two projects:
 * - unit: pure tests (fake time, aws-sdk-client-mock), files in parallel;
 * - integration: real @aws-sdk clients against one local moto server (and, for rotation,
 *   real PostgreSQL/MariaDB); files run one at a time because moto keeps all state in one process.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/support/moto-global-setup.ts'],
          fileParallelism: false,
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
