// Soak: many concurrent clients on loopback mixing reads and writes against the real server,
// with bad inputs and aborted requests thrown in; then checks that nothing was lost.
// Run: npx tsx bench/soak.ts [--clients 200] [--seconds 300] [--url postgres://…]
// Without --url it runs on an in-memory PGlite; with one it creates (and drops) crm_bench_soak.
import type { AddressInfo } from 'node:net';
import { availableParallelism, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import pino from 'pino';
import { buildApp } from '../src/server/app';
import { systemClock } from '../src/server/clock';
import { loadConfig } from '../src/server/config';
import { bootstrapDatabase } from '../src/server/db/bootstrap';
import { type Database, openDatabase } from '../src/server/db/client';
import { databaseUrlWithName } from '../tests/setup/databases';
import { insertMember } from '../tests/setup/members';

const { values } = parseArgs({
  options: {
    clients: { type: 'string', default: '200' },
    seconds: { type: 'string', default: '300' },
    reps: { type: 'string', default: '20' },
    url: { type: 'string' },
  },
});
const CLIENTS = Number(values.clients);
const SECONDS = Number(values.seconds);
const REPS = Number(values.reps);
const NAME = 'crm_bench_soak';

async function open(): Promise<{ database: Database; drop: () => Promise<void> }> {
  if (!values.url) {
    const database = await openDatabase({ dataDir: 'memory://' });
    await database.migrate();
    return { database, drop: async () => {} };
  }
  const admin = new pg.Client({ connectionString: values.url });
  await admin.connect();
  await admin.query(`drop database if exists ${NAME} with (force)`);
  await admin.query(`create database ${NAME}`);
  await admin.end();
  const database = await openDatabase({ databaseUrl: databaseUrlWithName(values.url, NAME) });
  await database.migrate();
  return {
    database,
    drop: async () => {
      const dropper = new pg.Client({ connectionString: values.url });
      await dropper.connect();
      await dropper.query(`drop database if exists ${NAME} with (force)`);
      await dropper.end();
    },
  };
}

const { database, drop } = await open();
const config = {
  ...loadConfig({}),
  adminEmail: 'admin@soak.local',
  adminPassword: 'admin-password-1',
  logLevel: 'silent',
};
const { orgId } = await bootstrapDatabase(database.db, config);
const app = await buildApp({
  database,
  clock: systemClock,
  config,
  log: pino({ level: 'silent' }),
});
await app.listen({ port: 0, host: '127.0.0.1' });
const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/api/v1`;

async function call(token: string, method: string, path: string, body?: unknown, raw?: string) {
  return fetch(`${base}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body !== undefined || raw !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    body: raw ?? (body === undefined ? undefined : JSON.stringify(body)),
  });
}

// Reps with API tokens, each holding ten customers made through the API.
const reps: { token: string; customers: string[] }[] = [];
for (let i = 0; i < REPS; i += 1) {
  const { token } = await insertMember(database.db, orgId, {
    email: `soak${i}@soak.local`,
    name: `Soak rep ${i}`,
    now: new Date(),
  });
  const customers: string[] = [];
  for (let c = 0; c < 10; c += 1) {
    const response = await call(token, 'POST', '/customers', {
      name: `浸泡测试客户 ${i}-${c}`,
      confirmDuplicate: true,
    });
    customers.push(((await response.json()) as { id: string }).id);
  }
  reps.push({ token, customers });
}

const latencies: number[] = [];
const tally = {
  requests: 0,
  errors: 0,
  conflicts: 0,
  badInputsRefused: 0,
  badInputsAccepted: 0,
  aborted: 0,
  activitiesCreated: 0,
  edits: 0,
};
const errorSamples: string[] = [];
const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)] as T;

/** One client: a random rep's mix of list, read, follow-up, edit, bad input and abort. */
async function client(deadline: number) {
  while (Date.now() < deadline) {
    const rep = pick(reps);
    const customer = pick(rep.customers);
    const roll = Math.random();
    const started = performance.now();
    try {
      if (roll < 0.02) {
        // Fault: the client goes away mid-request.
        const abort = new AbortController();
        const pending = fetch(`${base}/customers?limit=50`, {
          headers: { authorization: `Bearer ${rep.token}` },
          signal: abort.signal,
        }).catch(() => null);
        abort.abort();
        await pending;
        tally.aborted += 1;
        continue;
      }
      let response: Response;
      let expected: number[] = [200];
      if (roll < 0.05) {
        // Bad input: malformed JSON or a wrong field; must be refused, never a 500.
        response =
          Math.random() < 0.5
            ? await call(rep.token, 'POST', '/activities', undefined, '{"customerId": ')
            : await call(rep.token, 'PATCH', `/customers/${customer}`, { version: 'x', name: 7 });
        expected = [400];
        if (response.status === 400) tally.badInputsRefused += 1;
        else tally.badInputsAccepted += 1;
      } else if (roll < 0.5) {
        response = await call(rep.token, 'GET', '/customers?limit=20');
      } else if (roll < 0.7) {
        response = await call(rep.token, 'GET', `/customers/${customer}/timeline`);
      } else if (roll < 0.85) {
        response = await call(rep.token, 'POST', '/activities', {
          customerId: customer,
          type: 'call',
          effective: true,
          summary: 'soak',
        });
        expected = [201];
        if (response.status === 201) tally.activitiesCreated += 1;
      } else {
        const current = (await (await call(rep.token, 'GET', `/customers/${customer}`)).json()) as {
          version: number;
        };
        response = await call(rep.token, 'PATCH', `/customers/${customer}`, {
          version: current.version,
          city: `城市${Math.floor(Math.random() * 1000)}`,
        });
        expected = [200, 409];
        if (response.status === 409) tally.conflicts += 1;
        if (response.status === 200) tally.edits += 1;
      }
      await response.arrayBuffer();
      tally.requests += 1;
      latencies.push(performance.now() - started);
      if (!expected.includes(response.status)) {
        tally.errors += 1;
        if (errorSamples.length < 5) errorSamples.push(`${response.status} ${response.url}`);
      }
    } catch (error) {
      tally.errors += 1;
      if (errorSamples.length < 5) errorSamples.push(String(error));
    }
  }
}

const memory = () => {
  const usage = process.memoryUsage();
  return `rss ${(usage.rss / 2 ** 20).toFixed(0)} MB, heap ${(usage.heapUsed / 2 ** 20).toFixed(0)} MB`;
};
const memoryBefore = memory();
const started = Date.now();
await Promise.all(Array.from({ length: CLIENTS }, () => client(started + SECONDS * 1000)));
const elapsed = (Date.now() - started) / 1000;
global.gc?.();
const memoryAfter = memory();

// Nothing lost: every accepted follow-up is stored, every accepted edit bumped a version.
const [stored] = await database.query<{ activities: number; versions: number }>(
  sql`select (select count(*)::int from activities where summary = 'soak') as activities,
    (select coalesce(sum(version - 1), 0)::int from customers) as versions`,
);
latencies.sort((a, b) => a - b);
const at = (q: number) =>
  latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
console.log(
  [
    `database                 ${database.kind}`,
    `clients × duration       ${CLIENTS} × ${SECONDS} s (load ${loadavg()[0]?.toFixed(1)} on ${availableParallelism()} cores)`,
    `requests                 ${tally.requests} (${(tally.requests / elapsed).toFixed(0)}/s)`,
    `errors                   ${tally.errors}${errorSamples.length ? ` e.g. ${errorSamples.join('; ')}` : ''}`,
    `latency p50 / p99 / max  ${at(0.5)?.toFixed(0)} / ${at(0.99)?.toFixed(0)} / ${latencies.at(-1)?.toFixed(0)} ms`,
    `edit conflicts (409)     ${tally.conflicts} (expected: two clients on one customer)`,
    `bad inputs refused       ${tally.badInputsRefused} (accepted: ${tally.badInputsAccepted})`,
    `aborted requests         ${tally.aborted} (server kept serving)`,
    `follow-ups stored        ${stored?.activities} of ${tally.activitiesCreated} accepted`,
    `edits stored             ${stored?.versions} of ${tally.edits} accepted`,
    `memory before / after    ${memoryBefore} / ${memoryAfter}`,
  ].join('\n'),
);
await app.close();
await database.close();
await drop();
const lost = stored?.activities !== tally.activitiesCreated || stored?.versions !== tally.edits;
if (tally.errors > 0 || tally.badInputsAccepted > 0 || lost) process.exit(1);
