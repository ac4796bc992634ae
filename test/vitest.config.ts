import { defineConfig } from 'vitest/config';

const apiSuites = ['api/**/*.test.ts', 'rules/**/*.test.ts'];

/**
 * Projects: the API and rule suites run once per database; contract and federation suites need only
 * one. `run-tests.mjs` decides which projects run (PostgreSQL only where a cluster can be started).
 */
export default defineConfig({
  test: {
    testTimeout: 30000,
    hookTimeout: 120000,
    projects: [
      {
        extends: true,
        test: { name: 'sqlite', include: [...apiSuites, 'contract/**/*.test.ts', 'federation/**/*.test.ts'], env: { TEST_DATABASE: 'sqlite' }, globalSetup: ['helpers/global-setup.ts'] },
      },
      {
        extends: true,
        test: { name: 'postgresql', include: apiSuites, env: { TEST_DATABASE: 'postgresql' }, globalSetup: ['helpers/global-setup.ts'] },
      },
    ],
  },
});
