// Shares (协同) when the customer changes hands: released or lapsed to the pool, the customer
// keeps no collaborators; reassigned, it keeps them except the new owner. Each drop is audited.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTeam } from '../../../../tests/setup/factories';
import {
  adminApiToken,
  buildLapseRule,
  buildMember,
  claim,
  ownerOf,
  release,
  seedPoolCustomers,
} from '../../../../tests/setup/factories-pool';
import { createTestApp, type TestApp } from '../../../../tests/setup/test-app';

type Member = Awaited<ReturnType<typeof buildMember>>;
let t: TestApp;
let jobsToken: string;
let owner: Member;
let colleague: Member;
let presales: Member;
/** The customer reassigned to colleague, still shared with presales until it lapses. */
let reassigned: string;

const share = (token: string, customerId: string, userId: string, access: 'read' | 'write') =>
  t.call('PUT', `/api/v1/customers/${customerId}/collaborators/${userId}`, {
    token,
    body: { access },
  });

const sharedWith = async (customerId: string) =>
  (
    await t.database.query<{ user_id: string; access: string }>(
      sql`select user_id, access from customer_collaborators where customer_id = ${customerId}
        order by access, user_id`,
    )
  ).map((row) => `${row.user_id}:${row.access}`);

const unshareAudit = (customerId: string) =>
  t.database.query<{ user_id: string | null; changes: Record<string, unknown> }>(
    sql`select user_id, changes from audit_log
      where entity = 'customer' and entity_id = ${customerId} and action = 'unshare'
      order by at, id`,
  );

/** A pool customer the owner claims and shares with presales (write) and colleague (read). */
async function sharedCustomer(): Promise<string> {
  const [id] = await seedPoolCustomers(t, 1, 'Shared');
  const customerId = id as string;
  expect((await claim(t, owner.token, customerId)).statusCode).toBe(200);
  expect((await share(owner.token, customerId, presales.id, 'write')).statusCode).toBe(200);
  expect((await share(owner.token, customerId, colleague.id, 'read')).statusCode).toBe(200);
  return customerId;
}

beforeAll(async () => {
  t = await createTestApp();
  jobsToken = await adminApiToken(t);
  const team = await buildTeam(t);
  owner = await buildMember(t, { teamId: team.id, name: '王销售' });
  colleague = await buildMember(t, { teamId: team.id, name: '周同事' });
  presales = await buildMember(t, { name: '李售前' });
  t.clock.set(new Date('2026-03-02T02:00:00Z'));
});
afterAll(async () => {
  await t.close();
});

describe('shares when the customer changes hands', () => {
  it('drops every share when the owner releases the customer, audited with the reason', async () => {
    const id = await sharedCustomer();
    expect(await sharedWith(id)).toHaveLength(2);
    expect((await release(t, owner.token, id, '不再跟进')).statusCode).toBe(200);
    expect(await ownerOf(t, id)).toBeNull();
    expect(await sharedWith(id)).toEqual([]);
    const audit = await unshareAudit(id);
    expect(audit).toHaveLength(2);
    for (const row of audit) {
      expect(row.user_id).toBe(owner.id);
      expect(row.changes).toMatchObject({ reason: 'released', access: { to: null } });
    }
    expect(audit.map((row) => row.changes.userId).sort()).toEqual(
      [presales.id, colleague.id].sort(),
    );
    // The customer's timeline says so (the entries the web renders as 'share ended').
    const timeline = await t.call('GET', `/api/v1/customers/${id}/timeline`, {
      token: t.adminToken,
    });
    const ended = timeline
      .json()
      .items.filter(
        (item: { kind: string; action?: string }) =>
          item.kind === 'change' && item.action === 'unshare',
      )
      .map((item: { changes: { userName: string; reason: string } }) =>
        [item.changes.userName, item.changes.reason].join(' '),
      );
    expect(ended.sort()).toEqual(['周同事 released', '李售前 released']);
    // The former write collaborator can no longer work it: claim it first, like anyone.
    const seen = await t.call('GET', `/api/v1/customers/${id}`, { token: presales.token });
    if (seen.statusCode === 200) {
      const edit = await t.call('PATCH', `/api/v1/customers/${id}`, {
        token: presales.token,
        body: { version: seen.json().version, industry: '机械' },
      });
      expect(edit.statusCode).toBe(403);
    } else {
      expect(seen.statusCode).toBe(404);
    }
  });

  it('keeps collaborators on reassignment, except the new owner, whose share is moot', async () => {
    const id = await sharedCustomer();
    reassigned = id;
    const assign = await t.call('POST', `/api/v1/customers/${id}/assign`, {
      token: t.adminToken,
      body: { ownerId: colleague.id, moveOpenWork: true },
    });
    expect(assign.statusCode).toBe(200);
    expect(await ownerOf(t, id)).toBe(colleague.id);
    expect(await sharedWith(id)).toEqual([`${presales.id}:write`]);
    const audit = await unshareAudit(id);
    expect(audit).toHaveLength(1);
    expect(audit[0]?.changes).toMatchObject({
      userId: colleague.id,
      reason: 'reassigned',
      access: { from: 'read', to: null },
    });
    // The pre-sales engineer still works the customer with its new owner.
    const seen = await t.call('GET', `/api/v1/customers/${id}`, { token: presales.token });
    expect(seen.statusCode).toBe(200);
    const edit = await t.call('PATCH', `/api/v1/customers/${id}`, {
      token: presales.token,
      body: { version: seen.json().version, industry: '机械' },
    });
    expect(edit.statusCode).toBe(200);
    // The former owner is nobody's collaborator: the list shows only presales.
    const list = await t.call('GET', `/api/v1/customers/${id}/collaborators`, {
      token: colleague.token,
    });
    expect(list.json().items.map((c: { userId: string }) => c.userId)).toEqual([presales.id]);
    expect(list.json().myAccess).toBe('owner');
  });

  it('drops the shares of customers the lapse job takes back, audited without a user', async () => {
    await buildLapseRule(t, { name: '两周未跟进', noActivityDays: 14, warnDays: 3 });
    const id = await sharedCustomer();
    t.clock.set(new Date('2026-03-20T02:00:00Z'));
    const run = await t.call('POST', '/api/v1/test/jobs/lapse/run', { token: jobsToken });
    expect(run.statusCode).toBe(200);
    expect(await ownerOf(t, id)).toBeNull();
    expect(await sharedWith(id)).toEqual([]);
    const audit = await unshareAudit(id);
    expect(
      audit.map((row) => [row.user_id, row.changes.reason, row.changes.userName]).sort(),
    ).toEqual([
      [null, 'released', '周同事'],
      [null, 'released', '李售前'],
    ]);
    // The customer reassigned above lapsed from its new owner too, and lost its last share.
    expect(await ownerOf(t, reassigned)).toBeNull();
    expect(await sharedWith(reassigned)).toEqual([]);
    // (Sorted: the job writes the clock's time, a request the database's.)
    const reasons = (await unshareAudit(reassigned)).map((row) => String(row.changes.reason));
    expect(reasons.sort()).toEqual(['reassigned', 'released']);
    // A second run drops nothing more.
    const before = await t.database.query(sql`select count(*)::int as n from audit_log`);
    await t.call('POST', '/api/v1/test/jobs/lapse/run', { token: jobsToken });
    expect(await t.database.query(sql`select count(*)::int as n from audit_log`)).toEqual(before);
  });
});
