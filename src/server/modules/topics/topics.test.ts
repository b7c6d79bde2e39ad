import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser } from '../../../../tests/setup/factories';
import { countRows } from '../../../../tests/setup/factories-customer-archive';
import { createTestApp, type TestApp } from '../../../../tests/setup/test-app';
import { TOPIC_CATEGORIES } from './defaultTopics';

let t: TestApp;
let rep: Awaited<ReturnType<typeof buildUser>>;
let manager: Awaited<ReturnType<typeof buildUser>>;

beforeAll(async () => {
  t = await createTestApp();
  rep = await buildUser(t);
  manager = await buildUser(t, { role: 'manager' });
});
afterAll(async () => {
  await t.close();
});

describe('GET /topics', () => {
  it('needs a session', async () => {
    expect((await t.call('GET', '/api/v1/topics')).statusCode).toBe(401);
  });

  it("ships seed 002's library in zh-CN, every category, in the seed's order", async () => {
    const response = await t.call('GET', '/api/v1/topics', { token: rep.token });
    expect(response.statusCode).toBe(200);
    const items = response.json().items as { category: string; title: string; template: string }[];
    expect([...new Set(items.map((topic) => topic.category))]).toEqual([...TOPIC_CATEGORIES]);
    expect(items.map((topic) => topic.title)).toEqual(
      expect.arrayContaining([
        '定期更新价格',
        '免费样品',
        '展会信息',
        '用户服务手册',
        '新接订单',
        '重大节日问候',
        '客户生日',
      ]),
    );
    expect(items.every((topic) => topic.template.length > 10)).toBe(true);
    const birthday = await t.call('GET', '/api/v1/topics?category=birthday_greeting', {
      token: rep.token,
    });
    expect(birthday.json().items).toHaveLength(1);
  });

  it('refuses an unknown category by name', async () => {
    const response = await t.call('GET', '/api/v1/topics?category=gossip', { token: rep.token });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].field).toBe('querystring.category');
  });
});

describe('POST /topics, PATCH and DELETE /topics/:id', () => {
  it('is for admins and managers only', async () => {
    const before = await countRows(t, 'follow_up_topics');
    const response = await t.call('POST', '/api/v1/topics', {
      token: rep.token,
      body: { category: 'product_news', title: 'x', template: 'y' },
    });
    expect(response.statusCode).toBe(403);
    expect(await countRows(t, 'follow_up_topics')).toBe(before);
  });

  it('refuses bad input by field and writes nothing', async () => {
    const before = await countRows(t, 'follow_up_topics');
    const response = await t.call('POST', '/api/v1/topics', {
      token: manager.token,
      body: { category: 'gossip', title: '', template: '' },
    });
    expect(response.statusCode).toBe(400);
    const fields = response.json().errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(
      expect.arrayContaining(['body.category', 'body.title', 'body.template']),
    );
    expect(await countRows(t, 'follow_up_topics')).toBe(before);
  });

  it('adds at the end of its category, edits with the version, deactivates and deletes', async () => {
    const created = await t.call('POST', '/api/v1/topics', {
      token: manager.token,
      body: {
        category: 'holiday_greeting',
        title: '中秋问候',
        template: '{{contact}}您好,中秋快乐!',
      },
    });
    expect(created.statusCode).toBe(201);
    const topic = created.json();
    expect(topic).toMatchObject({ category: 'holiday_greeting', active: true, version: 1 });
    const holidays = (
      await t.call('GET', '/api/v1/topics?category=holiday_greeting', { token: rep.token })
    ).json();
    expect(holidays.items.map((item: { title: string }) => item.title)).toEqual([
      '重大节日问候',
      '中秋问候',
    ]);

    const stale = await t.call('PATCH', `/api/v1/topics/${topic.id}`, {
      token: t.adminToken,
      body: { version: 0, title: 'x' },
    });
    expect(stale.statusCode).toBe(409);
    const off = await t.call('PATCH', `/api/v1/topics/${topic.id}`, {
      token: t.adminToken,
      body: { version: 1, active: false, title: '中秋节问候' },
    });
    expect(off.json()).toMatchObject({ active: false, title: '中秋节问候', version: 2 });
    const active = (
      await t.call('GET', '/api/v1/topics?category=holiday_greeting', { token: rep.token })
    ).json();
    expect(active.items).toHaveLength(1);
    const all = (
      await t.call('GET', '/api/v1/topics?category=holiday_greeting&active=all', {
        token: rep.token,
      })
    ).json();
    expect(all.items).toHaveLength(2);

    expect(
      (await t.call('DELETE', `/api/v1/topics/${topic.id}`, { token: rep.token })).statusCode,
    ).toBe(403);
    const deleted = await t.call('DELETE', `/api/v1/topics/${topic.id}`, { token: manager.token });
    expect(deleted.statusCode).toBe(204);
    expect(
      (await t.call('GET', `/api/v1/topics/${topic.id}`, { token: rep.token })).statusCode,
    ).toBe(404);
  });
});
