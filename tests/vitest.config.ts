import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// No library may phone home from a test run (@apollo/gateway and Next.js would).
process.env.APOLLO_TELEMETRY_DISABLED = '1';
process.env.NEXT_TELEMETRY_DISABLED = '1';

const require = createRequire(new URL('../subgraphs/kit/package.json', import.meta.url));

export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  resolve: {
    // @apollo/subgraph loads graphql's CommonJS build; tests must use that same copy,
    // or graphql-js refuses "a GraphQLSchema from another module or realm".
    alias: [
      { find: /^graphql$/, replacement: require.resolve('graphql') },
      // The console's operation modules (tests/graph/console-operations.test.ts) import through its `@/` alias.
      { find: /^@\/(.*)$/, replacement: fileURLToPath(new URL('../web-admin/$1', import.meta.url)) },
    ],
  },
  test: {
    include: ['subgraphs/*/test/**/*.test.ts', 'tests/graph/**/*.test.ts', 'tests/e2e/**/*.test.ts'],
    globalSetup: ['tests/kit/global-setup.ts'],
    env: { APOLLO_TELEMETRY_DISABLED: '1', NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'test' },
    testTimeout: 60_000,
    // Browser tests poll for server round trips; two loaded cores can take seconds.
    expect: { poll: { timeout: 15_000 } },
    hookTimeout: 300_000,
    // Two cores: one file per core keeps PostgreSQL and the browser responsive.
    maxWorkers: 2,
    fileParallelism: true,
  },
});
