import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser } from '../../../../tests/setup/factories';
import { buildCustomer } from '../../../../tests/setup/factories-qualification';
import { createTestApp, type TestApp } from '../../../../tests/setup/test-app';

let t: TestApp;
let rep: Awaited<ReturnType<typeof buildUser>>;
let funnelId: string;

const PRECISE = {
  channel: 'email',
  subject: 'RFQ: UFO high bay 150W x 1200 pcs',
  senderName: 'Jonas Weber',
  senderEmail: 'j.weber@lichtwerk-hamburg.de',
  company: 'Lichtwerk Hamburg GmbH',
  country: 'DE',
  body: `Dear Ms. Chen,
please quote UFO LED high bay, model HB-150U, 150W, 5000K, IP65.
Quantity: 1200 pcs. FOB Shenzhen, delivery before 15 October. Target price USD 18.5/pc.
Best regards, Jonas Weber, Purchasing`,
};

beforeAll(async () => {
  t = await createTestApp();
  rep = await buildUser(t);
  const funnel = await t.call('POST', '/api/v1/funnels', {
    token: t.adminToken,
    body: { template: 'six-step' },
  });
  funnelId = funnel.json().id;
});
afterAll(async () => {
  await t.close();
});

const post = async (token: string, body: Record<string, unknown>) =>
  (await t.call('POST', '/api/v1/inquiries', { token, body })).json();
const convert = (token: string, id: string, body: unknown = {}) =>
  t.call('POST', `/api/v1/inquiries/${id}/convert`, { token, body });
const count = async (table: string) => {
  const [row] = await t.database.query<{ n: number }>(
    sql`select count(*)::int as n from ${sql.raw(table)}`,
  );
  return row?.n ?? -1;
};

describe('POST /inquiries/:id/convert', () => {
  it('needs a session and a visible inquiry', async () => {
    const theirs = await post(t.adminToken, { ...PRECISE, company: 'Hidden GmbH' });
    const other = await buildUser(t);
    await t.call('PATCH', `/api/v1/inquiries/${theirs.id}`, {
      token: t.adminToken,
      body: { version: 1, assigneeId: other.id },
    });
    expect(
      (await t.call('POST', `/api/v1/inquiries/${theirs.id}/convert`, { body: {} })).statusCode,
    ).toBe(401);
    expect((await convert(rep.token, theirs.id)).statusCode).toBe(404);
  });

  it('refuses bad input and an inquiry naming nobody, writing nothing', async () => {
    const anonymous = await post(rep.token, { channel: 'website', body: 'Please send catalogue' });
    const before = [await count('customers'), await count('contacts'), await count('deals')];
    const bad = await convert(rep.token, anonymous.id, { deal: { funnelId: 'x', amount: 1.234 } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { field: string }) => e.field)).toEqual(
      expect.arrayContaining(['body.deal.funnelId', 'body.deal.amount']),
    );
    const nameless = await convert(rep.token, anonymous.id);
    expect(nameless.statusCode).toBe(400);
    expect(nameless.json().errors[0].field).toBe('body.customerName');
    const noContact = await convert(rep.token, anonymous.id, { customerName: 'Catalogue Buyer' });
    expect(noContact.statusCode).toBe(400);
    expect(noContact.json().errors[0].field).toBe('body.contactName');
    expect([await count('customers'), await count('contacts'), await count('deals')]).toEqual(
      before,
    );
  });

  it('makes customer, contact and deal in one step, scored and owned by the rep', async () => {
    const inquiry = await post(rep.token, PRECISE);
    const response = await convert(rep.token, inquiry.id, {
      deal: { funnelId, amount: 22200 },
    });
    expect(response.statusCode).toBe(201);
    const body = response.json();
    expect(body.customer).toMatchObject({
      name: 'Lichtwerk Hamburg GmbH',
      ownerId: rep.id,
      email: 'j.weber@lichtwerk-hamburg.de',
      country: 'DE',
      score: 0,
    });
    expect(body.inquiry).toMatchObject({
      status: 'converted',
      customerId: body.customer.id,
      contactId: body.contactId,
      dealId: body.dealId,
    });
    const contact = await t.call('GET', `/api/v1/contacts/${body.contactId}`, { token: rep.token });
    expect(contact.json()).toMatchObject({ name: 'Jonas Weber', isPrimary: true });
    const deal = await t.call('GET', `/api/v1/deals/${body.dealId}`, { token: rep.token });
    expect(deal.json()).toMatchObject({
      name: PRECISE.subject,
      amount: 22200,
      customerId: body.customer.id,
    });
    const score = await t.call('GET', `/api/v1/customers/${body.customer.id}/score`, {
      token: rep.token,
    });
    expect(score.json()).toMatchObject({ score: 0, qualified: false });
    const twice = await convert(rep.token, inquiry.id);
    expect(twice.statusCode).toBe(409);
  });

  it('stops at a duplicate customer, then attaches to the one the user picks', async () => {
    const existing = await buildCustomer(t, rep.token, {
      name: 'Nordlicht Handel GmbH',
      email: 'info@nordlicht-handel.de',
    });
    const inquiry = await post(rep.token, {
      ...PRECISE,
      company: 'Nordlicht Handel',
      senderName: 'Anna Berg',
      senderEmail: 'anna@nordlicht-handel.de',
    });
    const detail = await t.call('GET', `/api/v1/inquiries/${inquiry.id}`, { token: rep.token });
    expect(detail.json().possibleDuplicates[0]).toMatchObject({ id: existing.id });
    const before = [await count('customers'), await count('contacts')];
    const duplicate = await convert(rep.token, inquiry.id);
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json()).toMatchObject({
      code: 'duplicate_customer',
      matches: [expect.objectContaining({ id: existing.id })],
    });
    expect([await count('customers'), await count('contacts')]).toEqual(before);
    const unchanged = await t.call('GET', `/api/v1/inquiries/${inquiry.id}`, { token: rep.token });
    expect(unchanged.json()).toMatchObject({ status: 'new', version: 1 });

    const attached = await convert(rep.token, inquiry.id, { customerId: existing.id });
    expect(attached.statusCode).toBe(201);
    expect(attached.json()).toMatchObject({ customer: { id: existing.id }, dealId: null });
    const contacts = await t.call('GET', `/api/v1/customers/${existing.id}/contacts`, {
      token: rep.token,
    });
    expect(contacts.json().items.map((c: { name: string }) => c.name)).toEqual(['Anna Berg']);
  });
});

describe('GET /reports/inquiries', () => {
  it('counts classes, correction accuracy, conversions and the median first response', async () => {
    const fresh = await createTestApp();
    try {
      const make = async (body: Record<string, unknown>) =>
        (await fresh.call('POST', '/api/v1/inquiries', { token: fresh.adminToken, body })).json();
      const now = fresh.clock.now().getTime();
      const minutesAgo = (m: number) => new Date(now - m * 60_000).toISOString();
      const a = await make({ ...PRECISE, receivedAt: minutesAgo(30) });
      const b = await make({ ...PRECISE, receivedAt: minutesAgo(90) });
      const c = await make({ ...PRECISE, receivedAt: minutesAgo(600) });
      await make({ channel: 'website', body: 'Hello, send me your price list please.' });
      const patch = (id: string, body: Record<string, unknown>) =>
        fresh.call('PATCH', `/api/v1/inquiries/${id}`, { token: fresh.adminToken, body });
      await patch(a.id, { version: 1, status: 'replied' });
      await patch(b.id, { version: 1, status: 'replied' });
      await patch(c.id, { version: 1, classification: 'broad' });
      await patch(c.id, { version: 2, status: 'replied' });

      const report = await fresh.call('GET', '/api/v1/reports/inquiries', {
        token: fresh.adminToken,
      });
      expect(report.statusCode).toBe(200);
      const body = report.json();
      expect(body.total).toBe(4);
      const precise = body.classes.find((k: { class: string }) => k.class === 'precise');
      expect(precise).toMatchObject({ count: 2, classified: 3, corrected: 1 });
      expect(precise.accuracy).toBeCloseTo(2 / 3, 3);
      const broadClass = body.classes.find((k: { class: string }) => k.class === 'broad');
      expect(broadClass).toMatchObject({ count: 2, classified: 1, corrected: 0, accuracy: 1 });
      expect(body.classes.find((k: { class: string }) => k.class === 'scam').accuracy).toBeNull();
      expect(body.firstResponse).toEqual({ replied: 3, unanswered: 1, medianMinutes: 90 });

      const empty = await fresh.call(
        'GET',
        '/api/v1/reports/inquiries?from=2020-01-01&to=2020-01-31',
        {
          token: fresh.adminToken,
        },
      );
      expect(empty.json()).toMatchObject({ total: 0, firstResponse: { medianMinutes: null } });
      const bad = await fresh.call('GET', '/api/v1/reports/inquiries?from=2020-02-30', {
        token: fresh.adminToken,
      });
      expect(bad.statusCode).toBe(400);
    } finally {
      await fresh.close();
    }
  });
});
