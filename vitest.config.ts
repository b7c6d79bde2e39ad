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
          // Property tests run hundreds of cases; 5 s was too little beside the server tests.
          testTimeout: 20_000,
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
          // A whole flow through the browser: one took 127 s on a machine at load 25.
          testTimeout: 180_000,
          hookTimeout: 120_000,
          // After the server tests, two files at a time: each has its own server and browser,
          // and most of a file's time is spent waiting on Chromium.
          maxWorkers: 2,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
