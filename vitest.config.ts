// Test projects: unit tests sit beside the code, integration tests drive the CLI and server
// against a real DuckDB file, e2e tests drive a real Chromium (run by `npm run test:e2e`).
// Unit and integration files run two at a time: most integration time is spent waiting on
// child processes (the built CLI, servers, ClickHouse), and each file works in its own temporary
// folder and database. The files that measure their own speed against the machine (worker-pool
// latency) run afterwards, one at a time, so another file cannot slow them.
// Every DuckDB file a test opens (in the worker, in the CLI and servers it starts) runs its
// queries on one thread: two files at a time on two cores, a pool per open file only adds
// switching (docs/design/096-test-run.md).
import { defineConfig } from 'vitest/config';

const env = { SPLINTERNET_DUCKDB_THREADS: '1' };

/** Integration files whose assertions compare wall-clock times measured on this machine. */
const TIMED = ['test/integration/cost-workers.test.ts', 'test/integration/header-timeout.test.ts'];

export default defineConfig({
  test: {
    projects: [
      // Unit files test pure domain code (no mocks, no globals, no environment changes), so a
      // worker reuses its module graph from file to file instead of importing it again for each.
      { test: { name: 'unit', include: ['src/**/*.test.ts', 'web/src/**/*.test.ts'], testTimeout: 30_000, maxWorkers: 2, isolate: false, env } },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          exclude: TIMED,
          globalSetup: ['test/integration/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          maxWorkers: 2,
          // a worker keeps the modules it imported from one file to the next (no file changes
          // the environment, mocks a module or chdirs: checked in design 096)
          isolate: false,
          env,
        },
      },
      {
        test: {
          name: 'integration-timed',
          include: TIMED,
          globalSetup: ['test/integration/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          maxWorkers: 1,
          sequence: { groupOrder: 1 },
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/e2e/global-setup.ts'],
          env,
          testTimeout: 180_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
