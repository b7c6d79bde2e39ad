import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTeam, buildUser } from '../../../../tests/setup/factories';
import { createTestApp, type TestApp } from '../../../../tests/setup/test-app';
import { classifyInquiry } from '../../../domain/inquiries';
import { INQUIRY_FIXTURES, type InquiryFixture } from '../../../domain/inquiries/inquiry-fixtures';

let t: TestApp;
let rep: Awaited<ReturnType<typeof buildUser>>;
let otherRep: Awaited<ReturnType<typeof buildUser>>;
let manager: Awaited<ReturnType<typeof buildUser>>;

// One fixture per class that the rules classify as labelled, so the test checks the wiring.
const sample = (expected: InquiryFixture['expected']) => {
  const found = INQUIRY_FIXTURES.find(
    (f) => f.expected === expected && classifyInquiry(f.input).classification === expected,
  );
  if (!found) throw new Error(`no ${expected} fixture`);
  return found.input;
};
const precise = sample('precise');
const scam = sample('scam');
const broad = sample('broad');

beforeAll(async () => {
  t = await createTestApp();
  manager = await buildUser(t, { role: 'manager' });
  const team = await buildTeam(t, { managerId: manager.id });
  rep = await buildUser(t, { teamId: team.id });
  otherRep = await buildUser(t);
});
afterAll(async () => {
  await t.close();
});

const post = (token: string | null, body: unknown) =>
  t.call('POST', '/api/v1/inquiries', { token, body });
const list = async (token: string, query = '') =>
  (await t.call('GET', `/api/v1/inquiries?limit=500${query}`, { token })).json();
const count = async (table: 'inquiries' | 'customers' | 'contacts') => {
  const [row] = await t.database.query<{ n: number }>(
    sql`select count(*)::int as n from ${sql.raw(table)}`,
  );
  return row?.n ?? -1;
};

describe('POST /inquiries', () => {
  it('needs a session', async () => {
    expect((await post(null, { channel: 'email', body: 'hi' })).statusCode).toBe(401);
  });

  it('refuses missing fields and a bad email, naming them, writing nothing', async () => {
    const response = await post(rep.token, { channel: ' ', body: '', senderEmail: 'nope' });
    expect(response.statusCode).toBe(400);
    const fields = response.json().errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(
      expect.arrayContaining(['body.channel', 'body.body', 'body.senderEmail']),
    );
    const late = await post(rep.token, { channel: 'email', body: 'x', receivedAt: 'yesterday' });
    expect(late.json().errors[0].field).toBe('body.receivedAt');
    expect(await count('inquiries')).toBe(0);
  });

  it('classifies a precise inquiry with its signals and keeps a rep’s own for them', async () => {
    const response = await post(rep.token, precise);
    expect(response.statusCode).toBe(201);
    const body = response.json();
    expect(body).toMatchObject({
      classification: 'precise',
      originalClassification: 'precise',
      status: 'new',
      assigneeId: rep.id,
    });
    expect(body.id).toEqual(expect.any(String));
    expect(body.confidence).toBeGreaterThan(0.5);
    expect(body.confidence).toBeLessThanOrEqual(1);
    const codes = body.signals.map((s: { code: string }) => s.code);
    expect(codes).toEqual(expect.arrayContaining(['quantity']));
    expect(body.signals[0]).toEqual({
      code: expect.any(String),
      class: 'precise',
      weight: expect.any(Number),
      label: expect.any(String),
      evidence: expect.anything(),
    });
  });

  it('puts an admin’s post in the shared inbox and flags a scam', async () => {
    const response = await post(t.adminToken, {
      ...scam,
      receivedAt: '2026-01-05T08:00:00+08:00',
    });
    expect(response.json()).toMatchObject({
      classification: 'scam',
      assigneeId: null,
      receivedAt: '2026-01-05T00:00:00.000Z',
    });
  });
});

describe('GET /inquiries', () => {
  it('shows a rep the inbox and their own, never a colleague’s', async () => {
    const theirs = (await post(otherRep.token, broad)).json();
    const mine = await list(rep.token);
    const ids = mine.items.map((i: { id: string }) => i.id);
    expect(ids).not.toContain(theirs.id);
    expect(mine.items.map((i: { classification: string }) => i.classification).sort()).toEqual([
      'precise',
      'scam',
    ]);
    expect(mine.items[0].excerpt.length).toBeLessThanOrEqual(200);
    const detail = await t.call('GET', `/api/v1/inquiries/${theirs.id}`, { token: rep.token });
    expect(detail.statusCode).toBe(404);
    expect((await list(manager.token)).items).toHaveLength(2);
    expect((await list(t.adminToken)).items).toHaveLength(3);
  });

  it('filters by class and status and pages without gaps', async () => {
    for (let i = 0; i < 4; i++) await post(t.adminToken, { ...broad, subject: `Broad ${i}` });
    const broadOnly = await list(t.adminToken, '&class=broad');
    expect(broadOnly.items).toHaveLength(5);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { id: string }[]; nextCursor: string | null } = (
        await t.call(
          'GET',
          `/api/v1/inquiries?limit=2&class=broad${cursor ? `&cursor=${cursor}` : ''}`,
          { token: t.adminToken },
        )
      ).json();
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(broadOnly.items.map((i: { id: string }) => i.id));
    const bad = await t.call('GET', '/api/v1/inquiries?class=spam', { token: rep.token });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('querystring.class');
  });
});

describe('GET /inquiries/:id', () => {
  it("shows the class's playbook in the asked language", async () => {
    const [first] = (await list(rep.token, '&class=precise')).items;
    const en = (
      await t.call('GET', `/api/v1/inquiries/${first.id}?locale=en`, { token: rep.token })
    ).json();
    expect(en.playbook.title).toBe('Handling a precise inquiry');
    expect(en.playbook.steps.length).toBeGreaterThan(3);
    expect(en.playbook.backgroundCheck.title).toBe('Background check');
    expect(en.body).toBe(precise.body.trim());
    const zh = (
      await t.call('GET', `/api/v1/inquiries/${first.id}?locale=zh-CN`, { token: rep.token })
    ).json();
    expect(zh.playbook.title).toBe('精准类询盘处理办法');
    expect(zh.signals[0].label).not.toBe(en.signals[0].label);
  });
});

describe('PATCH /inquiries/:id', () => {
  it('corrects the class, keeping the original, and refuses a stale version', async () => {
    const created = (await post(t.adminToken, broad)).json();
    const bad = await t.call('PATCH', `/api/v1/inquiries/${created.id}`, {
      token: rep.token,
      body: { version: 1, classification: 'spam' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('body.classification');
    const ok = await t.call('PATCH', `/api/v1/inquiries/${created.id}`, {
      token: rep.token,
      body: { version: 1, classification: 'precise' },
    });
    expect(ok.json()).toMatchObject({
      classification: 'precise',
      originalClassification: 'broad',
      corrected: true,
      version: 2,
    });
    const stale = await t.call('PATCH', `/api/v1/inquiries/${created.id}`, {
      token: rep.token,
      body: { version: 1, classification: 'scam' },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current).toMatchObject({ classification: 'precise', version: 2 });
  });

  it('measures the first response from receipt, once, and gives the inbox item to the replier', async () => {
    const receivedAt = new Date(t.clock.now().getTime() - 90 * 60_000).toISOString();
    const created = (await post(t.adminToken, { ...precise, receivedAt })).json();
    const replied = await t.call('PATCH', `/api/v1/inquiries/${created.id}`, {
      token: rep.token,
      body: { version: 1, status: 'replied' },
    });
    expect(replied.json()).toMatchObject({
      status: 'replied',
      assigneeId: rep.id,
      firstResponseMinutes: 90,
    });
    t.clock.advance(60 * 60_000);
    await t.call('PATCH', `/api/v1/inquiries/${created.id}`, {
      token: rep.token,
      body: { version: 2, status: 'new' },
    });
    const again = await t.call('PATCH', `/api/v1/inquiries/${created.id}`, {
      token: rep.token,
      body: { version: 3, status: 'replied' },
    });
    expect(again.json().firstResponseMinutes).toBe(90);
  });

  it('lets a rep take an inquiry only for themselves', async () => {
    const created = (await post(t.adminToken, broad)).json();
    const response = await t.call('PATCH', `/api/v1/inquiries/${created.id}`, {
      token: rep.token,
      body: { version: 1, assigneeId: otherRep.id },
    });
    expect(response.statusCode).toBe(403);
    const byManager = await t.call('PATCH', `/api/v1/inquiries/${created.id}`, {
      token: manager.token,
      body: { version: 1, assigneeId: rep.id },
    });
    expect(byManager.json().assigneeId).toBe(rep.id);
  });
});
