import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    globalSetup: ['test/_lib/globalSetup.ts'],
    pool: 'forks',
    // test/patterns/graph.test.ts measures retained heap after 100,000 subscription cycles.
    execArgv: ['--expose-gc'],
  },
});
