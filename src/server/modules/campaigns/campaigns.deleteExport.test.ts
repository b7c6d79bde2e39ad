// DELETE /campaigns/{id}: managers and admins, at the campaign's version, with its invitations
// and an audit row; a campaign someone attended stays (its meeting is an activity). And the
// campaign report's export, whose figures are the report's.
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTeam, buildUser } from '../../../../tests/setup/factories';
import { buildCustomer, countRows } from '../../../../tests/setup/factories-customer-archive';
import { createTestApp, type TestApp } from '../../../../tests/setup/test-app';
import { newId } from '../../db/ids';

type User = Awaited<ReturnType<typeof buildUser>>;
let t: TestApp;
let manager: User;
let rep: User;
let customerId: string;

const SEMINAR = {
  type: 'seminar',
  name: '2026 苏州智能制造研讨会',
  startsOn: '2026-03-10',
  endsOn: '2026-03-11',
  cost: '5000.50',
};

async function campaignWithInvitee(): Promise<{ id: string; inviteeId: string }> {
  const created = await t.call('POST', '/api/v1/campaigns', {
    token: manager.token,
    body: SEMINAR,
  });
  expect(created.statusCode, created.body).toBe(201);
  const id = created.json().id as string;
  const added = await t.call('POST', `/api/v1/campaigns/${id}/invitees`, {
    token: manager.token,
    body: { invitees: [{ customerId }] },
  });
  expect(added.json()).toEqual({ added: 1 });
  const list = await t.call('GET', `/api/v1/campaigns/${id}/invitees`, { token: manager.token });
  return { id, inviteeId: list.json().items[0].id };
}

const remove = (token: string, id: string, version: unknown) =>
  t.call('DELETE', `/api/v1/campaigns/${id}?version=${version}`, { token });

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set(new Date('2026-04-10T02:00:00Z'));
  manager = await buildUser(t, { role: 'manager' });
  const team = await buildTeam(t, { managerId: manager.id });
  rep = await buildUser(t, { teamId: team.id });
  customerId = (await buildCustomer(t, rep.token)).id;
});
afterAll(async () => {
  await t.close();
});

describe('DELETE /campaigns/{id}', () => {
  it('is refused to reps, 404 for an unknown one, 409 at a stale version; nothing changes', async () => {
    const { id } = await campaignWithInvitee();
    expect((await remove(rep.token, id, 1)).statusCode).toBe(403);
    expect((await remove(manager.token, newId(), 1)).statusCode).toBe(404);
    const stale = await remove(manager.token, id, 2);
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('version_conflict');
    const bad = await remove(manager.token, id, 'one');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('querystring.version');
    expect(await countRows(t, 'campaigns')).toBe(1);
    expect(await countRows(t, 'campaign_invitees')).toBe(1);
    expect((await remove(manager.token, id, 1)).statusCode).toBe(204);
  });

  it('deletes the campaign and its invitations, audited with what it was', async () => {
    const { id } = await campaignWithInvitee();
    expect((await remove(manager.token, id, 1)).statusCode).toBe(204);
    expect(
      (await t.call('GET', `/api/v1/campaigns/${id}`, { token: manager.token })).statusCode,
    ).toBe(404);
    const [invitees] = await t.database.query<{ n: number }>(
      sql`select count(*)::int as n from campaign_invitees where campaign_id = ${id}`,
    );
    expect(invitees?.n).toBe(0);
    const audit = await t.database.query<{ action: string; changes: Record<string, unknown> }>(
      sql`select action, changes from audit_log where entity = 'campaign' and entity_id = ${id}
        order by at, id`,
    );
    expect(audit.map((row) => row.action)).toEqual(['create', 'invite', 'delete']);
    expect(audit[2]?.changes).toMatchObject({
      name: SEMINAR.name,
      costCents: 500_050,
      invitees: 1,
    });
  });

  it('keeps a campaign someone attended (409), with its meeting', async () => {
    const { id, inviteeId } = await campaignWithInvitee();
    const attended = await t.call(
      'POST',
      `/api/v1/campaigns/${id}/invitees/${inviteeId}/attendance`,
      { token: manager.token, body: { attendedOn: '2026-03-10' } },
    );
    expect(attended.statusCode, attended.body).toBe(200);
    const refused = await remove(manager.token, id, 1);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('conflict');
    expect(
      (await t.call('GET', `/api/v1/campaigns/${id}`, { token: manager.token })).statusCode,
    ).toBe(200);
    expect(await countRows(t, 'activities')).toBe(1);
  });
});

describe('GET /campaigns/report/export', () => {
  it('gives the report as .xlsx in the caller’s language and CSV with cells escaped, audited', async () => {
    const odd = await t.call('POST', '/api/v1/campaigns', {
      token: manager.token,
      body: { ...SEMINAR, name: '=HYPERLINK("x")', startsOn: '2026-03-12', endsOn: '2026-03-12' },
    });
    expect(odd.statusCode).toBe(201);
    const query = 'from=2026-03-01&to=2026-03-31';
    const report = (
      await t.call('GET', `/api/v1/campaigns/report?${query}`, { token: manager.token })
    ).json();
    const xlsx = await t.call('GET', `/api/v1/campaigns/report/export?${query}&locale=en`, {
      token: manager.token,
    });
    expect(xlsx.statusCode, xlsx.body).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets.map((ws) => ws.name)).toEqual(['Per campaign', 'By source channel']);
    const rows = book.getWorksheet('Per campaign')?.getSheetValues().filter(Boolean) as unknown[][];
    expect(rows[0]?.slice(1, 3)).toEqual(['Campaign', 'Type']);
    const attended = report.rows.find((row: { attended: number }) => row.attended === 1);
    const line = rows.find((row) => row[1] === SEMINAR.name) as unknown[];
    // Name, type, source, start, end, invited, attended, moved forward, won, amount, cost.
    expect(line.slice(1, 12)).toEqual([
      SEMINAR.name,
      'Seminar',
      'Not set',
      '2026-03-10',
      '2026-03-11',
      attended.invited,
      1,
      attended.movedForward,
      attended.dealsWon,
      attended.wonAmount,
      5000.5,
    ]);
    const total = rows.at(-1) as unknown[];
    expect(total[1]).toBe('Total');
    expect(total.slice(6, 8)).toEqual([report.total.invited, report.total.attended]);
    const csv = await t.call('GET', `/api/v1/campaigns/report/export?${query}&format=csv`, {
      token: manager.token,
    });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain(`"'=HYPERLINK(""x"")"`);
    const bad = await t.call(
      'GET',
      '/api/v1/campaigns/report/export?from=2026-03-31&to=2026-03-01',
      {
        token: manager.token,
      },
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('querystring.to');
    const [audit] = await t.database.query<{ n: number }>(
      sql`select count(*)::int as n from audit_log where entity = 'campaign_report' and action = 'export'`,
    );
    expect(audit?.n).toBe(2);
  });
});
