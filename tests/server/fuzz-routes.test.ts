import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCustomer } from '../setup/factories-customer-archive';
import { createTestApp, type TestApp } from '../setup/test-app';

// Random JSON at every POST, PATCH and PUT route (issue 10): never a 500, and a refused body
// writes nothing (the row count of every table is unchanged after a 4xx). A few runs per route
// keep it quick; fast-check prints the failing body and its seed.

let t: TestApp;
let countsSql: ReturnType<typeof sql.raw>;
let customerId: string;

beforeAll(async () => {
  t = await createTestApp();
  customerId = (await buildCustomer(t, t.adminToken, { name: '模糊测试客户' })).id;
  const tables = await t.database.query<{ name: string }>(
    sql`select table_name as name from information_schema.tables
      where table_schema = 'public' and table_type = 'BASE TABLE'
        and table_name not in ('audit_log', 'sessions') and table_name not like '%migrations%'
      order by 1`,
  );
  // One round trip for all the counts.
  countsSql = sql.raw(
    tables
      .map(({ name }) => `select '${name}' as name, count(*)::int as count from "${name}"`)
      .join(' union all '),
  );
});
afterAll(async () => {
  await t.close();
});

const counts = async () =>
  JSON.stringify(await t.database.query<{ name: string; count: number }>(countsSql));

/** Every state-changing route but logout (which ends the session on any body) and test mode. */
function routes(): { method: 'POST' | 'PATCH' | 'PUT'; url: string }[] {
  const spec = t.app.swagger() as unknown as { paths: Record<string, Record<string, unknown>> };
  const found: { method: 'POST' | 'PATCH' | 'PUT'; url: string }[] = [];
  for (const [path, operations] of Object.entries(spec.paths)) {
    if (!path.startsWith('/api/v1/') || path.includes('/test/') || path.endsWith('/logout')) {
      continue;
    }
    for (const method of ['post', 'patch', 'put'] as const) {
      if (!operations[method]) continue;
      // A real customer for {id}, so a body that got past validation meets a real row.
      const url = path.replace(/\{(\w+)\}/g, (_, name: string) =>
        name === 'scope' ? 'users' : name === 'period' ? '2026-03-1' : customerId,
      );
      found.push({ method: method.toUpperCase() as 'POST' | 'PATCH' | 'PUT', url });
    }
  }
  return found;
}

describe('random JSON at every POST, PATCH and PUT route', () => {
  it('never answers 500, and a 4xx changes no table', async () => {
    const all = routes();
    expect(all.length).toBeGreaterThan(50);
    const body = fc.oneof(
      fc.jsonValue({ maxDepth: 3 }),
      fc.dictionary(
        fc.constantFrom(
          'name',
          'version',
          'id',
          'customerId',
          'amount',
          'dueAt',
          'stageKey',
          'body',
        ),
        fc.jsonValue({ maxDepth: 2 }),
      ),
    );
    for (const route of all) {
      await fc.assert(
        fc.asyncProperty(body, async (value) => {
          const before = await counts();
          const response = await t.call(route.method, route.url, {
            token: t.adminToken,
            body: JSON.stringify(value),
            headers: { 'content-type': 'application/json' },
          });
          expect(response.statusCode, `${route.method} ${route.url} ${response.body}`).toBeLessThan(
            500,
          );
          if (response.statusCode >= 400) expect(await counts()).toBe(before);
        }),
        { numRuns: 3 },
      );
    }
    // Every POST/PATCH route several times over: 18 s at CI load 14, near the default 30 s.
  }, 120_000);
});
