import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';

// Unit tests are pure. Server tests get a fresh database per file: PGlite always, and a
// second run on PostgreSQL when TEST_DATABASE_URL is set. Browser tests start the real
// server and drive Debian's Chromium.
const serverTests = [
  'src/server/**/*.test.ts',
  'src/cli/**/*.test.ts',
  'tests/server/**/*.test.ts',
];

function serverProject(
  name: string,
  dbKind: 'pglite' | 'postgres',
): TestProjectInlineConfiguration {
  return {
    test: {
      name,
      include: serverTests,
      globalSetup: ['tests/setup/global-db.ts'],
      provide: { dbKind },
      testTimeout: 30_000,
      hookTimeout: 60_000,
    },
  };
}

export default defineConfig({
  test: {
    // Vitest's default is one worker per core less one: a single file at a time on a 2-core
    // machine, while most of a server or browser test's time is spent waiting on PostgreSQL,
    // PGlite or Chromium. Three files at once keep both cores busy.
    maxWorkers: 3,
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/domain/**/*.test.ts', 'src/web/**/*.test.ts', 'tests/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      serverProject('server', 'pglite'),
      ...(process.env.TEST_DATABASE_URL ? [serverProject('server-pg', 'postgres')] : []),
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/setup/global-db.ts'],
          provide: { dbKind: 'pglite' },
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
