// `npm run bench` runs every benchmark, one after the other; `npm run bench -- board lapse`
// runs the named ones; flags after the names go to each of them
// (npm run bench -- scale --skip api,pglite). Each prints its own figures; docs/performance.md
// records them.
import { spawnSync } from 'node:child_process';

const WEB_DIST = '/tmp/crm-bench-web';

const BENCHES: Record<string, { what: string; args: string[]; needsWeb?: boolean }> = {
  'import-customers': {
    what: '50,000-row customer .xlsx through POST /imports',
    args: ['bench/import-customers.ts'],
  },
  'import-sales': {
    what: '200,000-row sales .xlsx, server memory, and a 10-million-row bomb refused',
    args: ['bench/import-sales.ts'],
  },
  board: {
    what: 'deal board with 2,000 open deals: API and page in Chromium',
    args: ['bench/deal-board.ts'],
    needsWeb: true,
  },
  'funnel-report': {
    what: 'funnel report over 1,000,000 deals and 5,000,000 stage-history rows (PostgreSQL)',
    args: ['bench/funnel-report.ts'],
  },
  forecast: {
    what: 'GET /forecast as a rep and a manager, and the funnel report with a creation period, at 1M customers (PostgreSQL, reuses the work-data seed)',
    args: ['bench/forecast.ts'],
  },
  'account-reports': {
    what: 'account assessment and revenue distribution as admin, manager and rep (PGlite bench seed at 100k by default, --dir or --url)',
    args: ['bench/account-reports.ts'],
  },
  lapse: {
    what: 'daily lapse job over 1,000,000 customers (PostgreSQL)',
    args: ['bench/lapse-job.ts'],
  },
  grading: { what: 'grading 100,000 customers (PostgreSQL)', args: ['bench/grading.ts'] },
  scale: {
    what: 'one table: customers list and search at 1M (PostgreSQL), every page on PGlite at 100k, web bundle and dashboard',
    args: ['bench/scale.ts'],
    needsWeb: true,
  },
  'work-data': {
    what: 'work data page calls and /reports/activity over 10,000,000 activities (PostgreSQL)',
    args: ['bench/work-data.ts'],
  },
  soak: {
    what: '200 concurrent clients on loopback mixing reads and writes, bad inputs and aborts, nothing lost (--seconds, --url)',
    args: ['bench/soak.ts'],
  },
  'inquiry-accuracy': {
    what: 'inquiry triage accuracy per class over the labelled fixtures',
    args: ['bench/inquiry-accuracy.ts'],
  },
};

// Names first; anything from the first flag on goes to each named bench
// (npm run bench -- scale --skip api,pglite).
const firstFlag = process.argv.slice(2).findIndex((arg) => arg.startsWith('-'));
const asked = firstFlag < 0 ? process.argv.slice(2) : process.argv.slice(2, 2 + firstFlag);
const flags = firstFlag < 0 ? [] : process.argv.slice(2 + firstFlag);
const unknown = asked.filter((name) => !(name in BENCHES));
if (unknown.length > 0) {
  console.error(`Unknown benchmark: ${unknown.join(', ')}. Known:`);
  for (const [name, bench] of Object.entries(BENCHES)) console.error(`  ${name}: ${bench.what}`);
  process.exit(2);
}
const names = asked.length > 0 ? asked : Object.keys(BENCHES);

let failed = 0;
for (const name of names) {
  const bench = BENCHES[name];
  if (!bench) continue;
  console.log(`\n### ${name}: ${bench.what}`);
  const env = { ...process.env };
  if (bench.needsWeb && !env.WEB_DIST_DIR) {
    const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn', '--outDir', WEB_DIST], {
      stdio: 'inherit',
    });
    if (build.status !== 0) process.exit(build.status ?? 1);
    env.WEB_DIST_DIR = WEB_DIST;
  }
  const run = spawnSync('npx', ['tsx', ...bench.args, ...flags], { stdio: 'inherit', env });
  if (run.status !== 0) {
    failed += 1;
    console.log(`### ${name} failed (exit ${run.status})`);
  }
}
process.exit(failed > 0 ? 1 : 0);
