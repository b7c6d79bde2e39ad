// deals.furthest_stage_key, kept by every stage write, recomputed on funnel edits and
// backfilled by the migration; the funnel report's "reached" reads it.
import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTeam, buildUser } from '../../../../tests/setup/factories';
import {
  buildDeal,
  buildDealCustomer,
  buildFunnel,
  SMALL_FUNNEL_STAGES,
} from '../../../../tests/setup/factories-deals';
import { createTestApp, type TestApp } from '../../../../tests/setup/test-app';

let t: TestApp;
let manager: Awaited<ReturnType<typeof buildUser>>;
let rep: Awaited<ReturnType<typeof buildUser>>;
let customerId: string;

beforeAll(async () => {
  t = await createTestApp();
  manager = await buildUser(t, { role: 'manager' });
  const team = await buildTeam(t, { managerId: manager.id });
  rep = await buildUser(t, { teamId: team.id });
  customerId = (await buildDealCustomer(t, rep.token)).id;
});
afterAll(async () => {
  await t.close();
});

const move = async (dealId: string, toStageKey: string, extra: Record<string, unknown> = {}) => {
  const response = await t.call('POST', `/api/v1/deals/${dealId}/move`, {
    token: manager.token,
    body: { toStageKey, overrideReason: 'Agreed with the customer', ...extra },
  });
  return response;
};
const moved = async (dealId: string, toStageKey: string, extra: Record<string, unknown> = {}) => {
  const response = await move(dealId, toStageKey, extra);
  expect(response.statusCode, response.body).toBe(200);
};

async function furthestOf(dealIds: string[]): Promise<Record<string, string | null>> {
  const rows = await t.database.query<{ id: string; furthest_stage_key: string | null }>(
    sql`select id, furthest_stage_key from deals where org_id = ${t.orgId} and id in ${dealIds}`,
  );
  return Object.fromEntries(
    dealIds.map((id) => [id, rows.find((r) => r.id === id)?.furthest_stage_key ?? null]),
  );
}

/**
 * "Reached" by its definition, from stage_history alone: the deals that ever entered a stage
 * or a later one (by the funnel's current order), every won deal counting for every stage.
 */
async function reachedFromHistory(funnelId: string, order: string[]) {
  const rows = await t.database.query<{ deal_id: string; key: string; status: string }>(
    sql`select h.deal_id, h.to_stage_key as key, d.status from stage_history h
      join deals d on d.org_id = h.org_id and d.id = h.deal_id
      where h.org_id = ${t.orgId} and h.funnel_id = ${funnelId}`,
  );
  const top = new Map<string, number>();
  for (const row of rows) {
    const ord = row.status === 'won' ? order.length - 1 : order.indexOf(row.key);
    top.set(row.deal_id, Math.max(top.get(row.deal_id) ?? -1, ord));
  }
  return Object.fromEntries(
    order.map((key, ord) => [key, [...top.values()].filter((value) => value >= ord).length]),
  );
}

async function reachedInReport(funnelId: string) {
  const response = await t.call('GET', `/api/v1/reports/funnel?funnelId=${funnelId}`, {
    token: t.adminToken,
  });
  expect(response.statusCode).toBe(200);
  return Object.fromEntries(
    response
      .json()
      .stages.filter((s: { key: string }) => s.key !== 'won' && s.key !== 'lost')
      .map((s: { key: string; reached: number }) => [s.key, s.reached]),
  );
}

describe('deals.furthest_stage_key', () => {
  let funnelId: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    funnelId = (await buildFunnel(t)).id;
    const deal = (fields: Record<string, unknown> = {}) =>
      buildDeal(t, t.adminToken, { customerId, funnelId, ...fields });
    ids.fresh = (await deal()).id;
    ids.started = (await deal({ stageKey: 'propose' })).id;
    ids.back = (await deal()).id;
    ids.lost = (await deal()).id;
    ids.won = (await deal()).id;
    ids.refused = (await deal()).id;
  });

  it('starts at the stage a deal is opened in', async () => {
    expect(await furthestOf([ids.fresh as string, ids.started as string])).toEqual({
      [ids.fresh as string]: 'qualify',
      [ids.started as string]: 'propose',
    });
  });

  it('follows an override jump and keeps the furthest stage through backward moves', async () => {
    const id = ids.back as string;
    await moved(id, 'negotiate');
    expect((await furthestOf([id]))[id]).toBe('negotiate');
    await moved(id, 'qualify');
    expect((await furthestOf([id]))[id]).toBe('negotiate');
    await moved(id, 'propose');
    expect((await furthestOf([id]))[id]).toBe('negotiate');
  });

  it('keeps the stage a lost deal left, and a won deal its last open stage', async () => {
    const lost = ids.lost as string;
    await moved(lost, 'propose');
    await moved(lost, 'lost', { lostReason: '价格过高', overrideReason: undefined });
    const won = ids.won as string;
    await moved(won, 'won');
    expect(await furthestOf([lost, won])).toEqual({ [lost]: 'propose', [won]: 'qualify' });
  });

  it('leaves it alone when a move is refused', async () => {
    const id = ids.refused as string;
    const refused = await t.call('POST', `/api/v1/deals/${id}/move`, {
      token: rep.token,
      body: { toStageKey: 'negotiate' },
    });
    expect(refused.statusCode).toBe(422);
    expect((await furthestOf([id]))[id]).toBe('qualify');
  });

  it('gives the report the reached counts stage_history gives', async () => {
    const order = ['qualify', 'propose', 'negotiate'];
    const expected = await reachedFromHistory(funnelId, order);
    // fresh, started, back, lost, won, refused; back reached negotiate, won reached all.
    expect(expected).toEqual({ qualify: 6, propose: 4, negotiate: 2 });
    expect(await reachedInReport(funnelId)).toEqual(expected);
  });

  it('is recomputed from history when the funnel reorders or removes open stages', async () => {
    const [qualify, propose, negotiate, ...terminal] = SMALL_FUNNEL_STAGES;
    const funnel = await t.call('GET', `/api/v1/funnels/${funnelId}`, { token: t.adminToken });
    // negotiate before propose: the deal that went back from negotiate to propose now reached
    // propose, the furthest stage it entered in the new order.
    const swapped = await t.call('PATCH', `/api/v1/funnels/${funnelId}`, {
      token: t.adminToken,
      body: {
        version: funnel.json().version,
        stages: [
          qualify,
          { ...negotiate, probability: 40 },
          { ...propose, probability: 70 },
          ...terminal,
        ],
      },
    });
    expect(swapped.statusCode, swapped.body).toBe(200);
    const back = ids.back as string;
    expect((await furthestOf([back]))[back]).toBe('propose');
    expect(await reachedInReport(funnelId)).toEqual(
      await reachedFromHistory(funnelId, ['qualify', 'negotiate', 'propose']),
    );

    // A deal that went back from negotiate: once negotiate is removed, qualify is its furthest.
    const left = (await buildDeal(t, t.adminToken, { customerId, funnelId })).id;
    await moved(left, 'negotiate');
    await moved(left, 'qualify');
    expect((await furthestOf([left]))[left]).toBe('negotiate');
    const removed = await t.call('PATCH', `/api/v1/funnels/${funnelId}`, {
      token: t.adminToken,
      body: {
        version: swapped.json().version,
        stages: [qualify, { ...propose, probability: 70 }, ...terminal],
      },
    });
    expect(removed.statusCode, removed.body).toBe(200);
    expect(await furthestOf([left, back])).toEqual({ [left]: 'qualify', [back]: 'propose' });
    expect(await reachedInReport(funnelId)).toEqual(
      await reachedFromHistory(funnelId, ['qualify', 'propose']),
    );
  });
});

describe('the migration backfill', () => {
  it('derives from stage history what the moves kept', async () => {
    const before = await t.database.query<{ id: string; furthest_stage_key: string | null }>(
      sql`select id, furthest_stage_key from deals where org_id = ${t.orgId} order by id`,
    );
    expect(before.length).toBeGreaterThan(5);
    const migration = readFileSync(
      new URL('../../db/migrations/0012_deals_furthest_stage.sql', import.meta.url),
      'utf8',
    );
    const backfill = migration.split('--> statement-breakpoint')[1] as string;
    await t.database.query(sql`update deals set furthest_stage_key = null`);
    await t.database.query(sql.raw(backfill));
    const after = await t.database.query<{ id: string; furthest_stage_key: string | null }>(
      sql`select id, furthest_stage_key from deals where org_id = ${t.orgId} order by id`,
    );
    expect(after).toEqual(before);
  });
});
