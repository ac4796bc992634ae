import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Node resolves `graphql` to its CommonJS build for Apollo and type-graphql; our sources must load
// the same copy, or `instanceof GraphQLError` checks fail across two module instances.
const graphqlCommonJs = createRequire(import.meta.url).resolve('graphql');

// Contract checks that depend on the database kind run on both.
const apiSuites = ['api/**/*.test.ts', 'rules/**/*.test.ts', 'hostile/**/*.test.ts', 'contract/migrations.test.ts'];

/**
 * Projects: the API and rule suites run once per database; contract and federation suites need only
 * one; `sqlite/` and `production/` hold what only one database has (reader threads; several instances). `scripts/test.mjs` decides which projects run (PostgreSQL only where a cluster can be started).
 */
export default defineConfig({
  resolve: { alias: [{ find: /^graphql$/, replacement: graphqlCommonJs }] },
  test: {
    testTimeout: 30000,
    hookTimeout: 120000,
    projects: [
      {
        extends: true,
        test: {
          name: 'sqlite',
          include: [...apiSuites, 'sqlite/**/*.test.ts', 'contract/**/*.test.ts', 'federation/**/*.test.ts', 'hostile/**/*.test.ts'],
          env: { TEST_DATABASE: 'sqlite' },
          globalSetup: ['helpers/global-setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'postgresql',
          include: [...apiSuites, 'production/**/*.test.ts'],
          env: { TEST_DATABASE: 'postgresql' },
          globalSetup: ['helpers/global-setup.ts'],
        },
      },
      {
        // the admin's own unit tests (translation completeness, CSV), run with the admin's Vite config
        extends: fileURLToPath(new URL('../admin/vite.config.ts', import.meta.url)),
        test: { name: 'admin', root: fileURLToPath(new URL('../admin', import.meta.url)) },
      },
      {
        extends: true,
        test: { name: 'e2e', include: ['e2e/**/*.test.ts'], globalSetup: ['e2e/global-setup.ts'], testTimeout: 120000, fileParallelism: false },
      },
    ],
  },
});
