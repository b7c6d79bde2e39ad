import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTeam, buildUser } from '../../../../tests/setup/factories';
import {
  buildContact,
  buildCustomer,
  countRows,
} from '../../../../tests/setup/factories-customer-archive';
import { createTestApp, type TestApp } from '../../../../tests/setup/test-app';

type User = Awaited<ReturnType<typeof buildUser>>;
let t: TestApp;
let manager: User;
let rep: User;
let outsider: User;
let mine: Awaited<ReturnType<typeof buildCustomer>>;
let theirs: Awaited<ReturnType<typeof buildCustomer>>;
let contactId: string;
let campaignId: string;

const SEMINAR = {
  type: 'seminar',
  name: '2026 苏州智能制造研讨会',
  startsOn: '2026-03-10',
  endsOn: '2026-03-11',
  place: '苏州国际博览中心',
  cost: '5000.50',
  source: '展会及研讨会',
};

const inviteesOf = async (token: string, id = campaignId) =>
  (await t.call('GET', `/api/v1/campaigns/${id}/invitees`, { token })).json().items as {
    id: string;
    customerId: string;
    contactId: string | null;
    attended: boolean;
    activityId: string | null;
  }[];

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set(new Date('2026-04-10T02:00:00Z'));
  manager = await buildUser(t, { role: 'manager' });
  const team = await buildTeam(t, { managerId: manager.id });
  rep = await buildUser(t, { teamId: team.id });
  outsider = await buildUser(t);
  mine = await buildCustomer(t, rep.token, { name: '苏州明达机械有限公司' });
  theirs = await buildCustomer(t, outsider.token, { name: '无锡远航电子有限公司' });
  contactId = (await buildContact(t, rep.token, mine.id, { name: '陈经理' })).id;
});
afterAll(async () => {
  await t.close();
});

describe('POST /campaigns', () => {
  it('needs a session, and a manager or admin', async () => {
    expect((await t.call('POST', '/api/v1/campaigns', { body: SEMINAR })).statusCode).toBe(401);
    const byRep = await t.call('POST', '/api/v1/campaigns', { token: rep.token, body: SEMINAR });
    expect(byRep.statusCode).toBe(403);
    expect(await countRows(t, 'campaigns')).toBe(0);
  });

  it('refuses bad fields by name and writes nothing', async () => {
    const response = await t.call('POST', '/api/v1/campaigns', {
      token: manager.token,
      body: { ...SEMINAR, type: 'party', name: '', endsOn: '2026-03-09', cost: '1.234' },
    });
    expect(response.statusCode).toBe(400);
    const fields = response.json().errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['body.type', 'body.name', 'body.cost']));
    const backwards = await t.call('POST', '/api/v1/campaigns', {
      token: manager.token,
      body: { ...SEMINAR, endsOn: '2026-03-09' },
    });
    expect(backwards.json().errors.map((e: { field: string }) => e.field)).toEqual(['body.endsOn']);
    const source = await t.call('POST', '/api/v1/campaigns', {
      token: manager.token,
      body: { ...SEMINAR, source: '不存在的渠道' },
    });
    expect(source.statusCode).toBe(400);
    expect(source.json().errors[0].field).toBe('body.source');
    expect(await countRows(t, 'campaigns')).toBe(0);
  });

  it('records a campaign with its cost in cents', async () => {
    const response = await t.call('POST', '/api/v1/campaigns', {
      token: manager.token,
      body: SEMINAR,
    });
    expect(response.statusCode).toBe(201);
    campaignId = response.json().id;
    expect(response.json()).toMatchObject({
      type: 'seminar',
      startsOn: '2026-03-10',
      endsOn: '2026-03-11',
      ownerId: manager.id,
      cost: 5000.5,
      source: '展会及研讨会',
      invited: 0,
      attended: 0,
      version: 1,
    });
    const [row] = await t.database.query<{ cost_cents: number }>(
      sql`select cost_cents from campaigns where id = ${campaignId}`,
    );
    expect(row?.cost_cents).toBe(500_050);
  });
});

describe('PATCH /campaigns/{id}', () => {
  it('is refused to reps, checks the version and keeps the dates in order', async () => {
    const url = `/api/v1/campaigns/${campaignId}`;
    const byRep = await t.call('PATCH', url, { token: rep.token, body: { version: 1, name: 'x' } });
    expect(byRep.statusCode).toBe(403);
    const crossed = await t.call('PATCH', url, {
      token: manager.token,
      body: { version: 1, endsOn: '2026-03-01' },
    });
    expect(crossed.statusCode).toBe(400);
    const stale = await t.call('PATCH', url, {
      token: manager.token,
      body: { version: 7, place: '上海' },
    });
    expect(stale.statusCode).toBe(409);
    const ok = await t.call('PATCH', url, {
      token: manager.token,
      body: { version: 1, place: '苏州工业园区会议中心' },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ place: '苏州工业园区会议中心', cost: 5000.5, version: 2 });
  });
});

describe('POST /campaigns/{id}/invitees', () => {
  it('needs a manager, and refuses customers the caller cannot see by field', async () => {
    const url = `/api/v1/campaigns/${campaignId}/invitees`;
    const body = { invitees: [{ customerId: mine.id }] };
    expect((await t.call('POST', url, { body })).statusCode).toBe(401);
    expect((await t.call('POST', url, { token: rep.token, body })).statusCode).toBe(403);
    const hidden = await t.call('POST', url, {
      token: manager.token,
      body: { invitees: [{ customerId: mine.id }, { customerId: theirs.id }] },
    });
    expect(hidden.statusCode).toBe(400);
    expect(hidden.json().errors).toEqual([
      { field: 'body.invitees.1.customerId', message: 'no such customer' },
    ]);
    const wrongContact = await t.call('POST', url, {
      token: manager.token,
      body: { invitees: [{ customerId: theirs.id, contactId }] },
    });
    expect(wrongContact.statusCode).toBe(400);
    const empty = await t.call('POST', url, { token: manager.token, body: { invitees: [] } });
    expect(empty.statusCode).toBe(400);
    expect(await countRows(t, 'campaign_invitees')).toBe(0);
    const missing = await t.call(
      'POST',
      '/api/v1/campaigns/0190d1e4-0000-7000-8000-000000000000/invitees',
      {
        token: manager.token,
        body,
      },
    );
    expect(missing.statusCode).toBe(404);
  });

  it('invites a customer and a contact once, and each sees only the invitees they may see', async () => {
    const url = `/api/v1/campaigns/${campaignId}/invitees`;
    const first = await t.call('POST', url, {
      token: manager.token,
      body: { invitees: [{ customerId: mine.id }, { customerId: mine.id, contactId }] },
    });
    expect(first.json()).toEqual({ added: 2 });
    const again = await t.call('POST', url, {
      token: manager.token,
      body: { invitees: [{ customerId: mine.id }] },
    });
    expect(again.json()).toEqual({ added: 0 });
    const admin = await t.call('POST', url, {
      token: t.adminToken,
      body: { invitees: [{ customerId: theirs.id }] },
    });
    expect(admin.json()).toEqual({ added: 1 });

    expect(await inviteesOf(t.adminToken)).toHaveLength(3);
    expect((await inviteesOf(rep.token)).map((i) => i.customerId)).toEqual([mine.id, mine.id]);
    expect((await inviteesOf(outsider.token)).map((i) => i.customerId)).toEqual([theirs.id]);
    const seen = await t.call('GET', `/api/v1/campaigns/${campaignId}`, { token: rep.token });
    expect(seen.json()).toMatchObject({ invited: 1, attended: 0 });
    const all = await t.call('GET', `/api/v1/campaigns/${campaignId}`, { token: t.adminToken });
    expect(all.json()).toMatchObject({ invited: 2, attended: 0 });
  });
});

describe('POST /campaigns/{id}/invitees/{inviteeId}/attendance', () => {
  it('is refused to reps and to a manager who cannot see the customer', async () => {
    const other = (await inviteesOf(t.adminToken)).find((i) => i.customerId === theirs.id);
    const contactInvitee = (await inviteesOf(rep.token)).find((i) => i.contactId);
    const url = (id: string) => `/api/v1/campaigns/${campaignId}/invitees/${id}/attendance`;
    expect((await t.call('POST', url(contactInvitee?.id ?? ''), { body: {} })).statusCode).toBe(
      401,
    );
    const byRep = await t.call('POST', url(contactInvitee?.id ?? ''), {
      token: rep.token,
      body: {},
    });
    expect(byRep.statusCode).toBe(403);
    const hidden = await t.call('POST', url(other?.id ?? ''), { token: manager.token, body: {} });
    expect(hidden.statusCode).toBe(404);
    const outside = await t.call('POST', url(contactInvitee?.id ?? ''), {
      token: manager.token,
      body: { attendedOn: '2026-03-12' },
    });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().errors[0].field).toBe('body.attendedOn');
    expect(await countRows(t, 'activities')).toBe(0);
  });

  it('logs one effective meeting on the customer, linked to the invitee, however often marked', async () => {
    const contactInvitee = (await inviteesOf(rep.token)).find((i) => i.contactId);
    const url = `/api/v1/campaigns/${campaignId}/invitees/${contactInvitee?.id}/attendance`;
    const response = await t.call('POST', url, {
      token: manager.token,
      body: { attendedOn: '2026-03-11' },
    });
    expect(response.statusCode).toBe(200);
    const invitee = response.json();
    expect(invitee).toMatchObject({ attended: true, attendedAt: '2026-03-11T04:00:00.000Z' });
    const activities = await t.call('GET', `/api/v1/customers/${mine.id}/activities`, {
      token: rep.token,
    });
    expect(activities.json().items).toEqual([
      expect.objectContaining({
        id: invitee.activityId,
        type: 'meeting',
        channel: null,
        effective: true,
        contactId,
        userId: manager.id,
        summary: '参加市场活动：2026 苏州智能制造研讨会',
        occurredAt: '2026-03-11T04:00:00.000Z',
      }),
    ]);
    const again = await t.call('POST', url, { token: manager.token, body: {} });
    expect(again.json().activityId).toBe(invitee.activityId);
    expect(await countRows(t, 'activities')).toBe(1);
    const customer = await t.call('GET', `/api/v1/customers/${mine.id}`, { token: rep.token });
    expect(customer.json().lastContactAt).toBe('2026-03-11T04:00:00.000Z');
    const seen = await t.call('GET', `/api/v1/campaigns/${campaignId}`, { token: rep.token });
    expect(seen.json()).toMatchObject({ invited: 1, attended: 1 });
  });

  it('refuses a campaign that has not started yet', async () => {
    const future = await t.call('POST', '/api/v1/campaigns', {
      token: manager.token,
      body: {
        ...SEMINAR,
        name: '秋季路演',
        type: 'roadshow',
        startsOn: '2026-05-01',
        endsOn: '2026-05-01',
      },
    });
    const id = future.json().id;
    await t.call('POST', `/api/v1/campaigns/${id}/invitees`, {
      token: manager.token,
      body: { invitees: [{ customerId: mine.id }] },
    });
    const [invitee] = await inviteesOf(manager.token, id);
    const url = `/api/v1/campaigns/${id}/invitees/${invitee?.id}/attendance`;
    const response = await t.call('POST', url, { token: manager.token, body: {} });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0]).toEqual({
      field: 'body.attendedOn',
      message: 'cannot be in the future',
    });
  });

  it('logs a running roadshow’s attendance now, with the roadshow contact method', async () => {
    const today = await t.call('POST', '/api/v1/campaigns', {
      token: manager.token,
      body: {
        ...SEMINAR,
        name: '春季路演',
        type: 'roadshow',
        startsOn: '2026-04-10',
        endsOn: '2026-04-10',
      },
    });
    const id = today.json().id;
    await t.call('POST', `/api/v1/campaigns/${id}/invitees`, {
      token: manager.token,
      body: { invitees: [{ customerId: mine.id }] },
    });
    const [invitee] = await inviteesOf(manager.token, id);
    const before = t.clock.now().getTime();
    const came = await t.call(
      'POST',
      `/api/v1/campaigns/${id}/invitees/${invitee?.id}/attendance`,
      { token: manager.token, body: {} },
    );
    expect(came.statusCode).toBe(200);
    const at = new Date(came.json().attendedAt).getTime();
    expect(at).toBeGreaterThanOrEqual(before);
    expect(at).toBeLessThanOrEqual(t.clock.now().getTime());
    const activity = await t.call('GET', `/api/v1/activities/${came.json().activityId}`, {
      token: rep.token,
    });
    expect(activity.json()).toMatchObject({
      type: 'meeting',
      channel: 'roadshow',
      occurredAt: came.json().attendedAt,
    });
  });
});

describe('DELETE /campaigns/{id}/invitees/{inviteeId}', () => {
  it('keeps an attended invitee (409) and takes back an invitation', async () => {
    const [plain, attended] = [...(await inviteesOf(rep.token))].sort((a) => (a.attended ? 1 : -1));
    const url = (id: string) => `/api/v1/campaigns/${campaignId}/invitees/${id}`;
    expect((await t.call('DELETE', url(plain?.id ?? ''), { token: rep.token })).statusCode).toBe(
      403,
    );
    const kept = await t.call('DELETE', url(attended?.id ?? ''), { token: manager.token });
    expect(kept.statusCode).toBe(409);
    const removed = await t.call('DELETE', url(plain?.id ?? ''), { token: manager.token });
    expect(removed.statusCode).toBe(204);
    expect((await inviteesOf(rep.token)).map((i) => i.attended)).toEqual([true]);
  });
});

describe('GET /campaigns', () => {
  it('lists the org’s campaigns to every role, newest first, with filters checked', async () => {
    expect((await t.call('GET', '/api/v1/campaigns')).statusCode).toBe(401);
    const list = await t.call('GET', '/api/v1/campaigns', { token: outsider.token });
    expect(list.json().items.map((c: { name: string }) => c.name)).toEqual([
      '秋季路演',
      '春季路演',
      '2026 苏州智能制造研讨会',
    ]);
    const seminars = await t.call('GET', '/api/v1/campaigns?type=seminar&limit=1', {
      token: rep.token,
    });
    expect(seminars.json().items).toHaveLength(1);
    expect(seminars.json().nextCursor).toBeNull();
    const bad = await t.call('GET', '/api/v1/campaigns?from=2026-13-01', { token: rep.token });
    expect(bad.statusCode).toBe(400);
  });
});
