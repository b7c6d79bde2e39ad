// The demo's customers and a year of their history, planned from a seed, then written in bulk.

import { OPPORTUNITY_SIGNALS } from '../../domain/workData';
import { customerKeys } from '../../server/modules/customers/customers.bulk';
import { dealHistory, type PlannedDeal } from './demoDeals';
import type { DemoTeam, DemoUser } from './demoTeam';
import { daysAgo, officeHoursOf } from './officeHours';
import type { Random } from './random';
import {
  CONTACT_ROLES,
  companyName,
  EAST_PROVINCES,
  INDUSTRIES,
  PRODUCTS,
  PROVINCES,
  personName,
  SOURCES,
  SUMMARIES,
} from './vocabulary';

const DAY = 24 * 60 * 60 * 1000;
/** 立项客户, the seven-stage template's fourth stage: where proposals and quotes go out. */
const PROPOSAL_STAGE_INDEX = 3;

export type Row = Record<string, unknown>;

/** Rows per table, in the order they must be inserted. */
export interface DemoWorld {
  customers: Row[];
  audit: Row[];
  contacts: Row[];
  deals: Row[];
  stageHistory: Row[];
  activities: Row[];
  salesLines: Row[];
  ownershipEvents: Row[];
  tasks: Row[];
}

const dateOnly = (at: Date) => at.toISOString().slice(0, 10);

interface Planned {
  id: string;
  owner: DemoUser | null;
  createdAt: Date;
  claimedAt: Date | null;
  contacts: string[];
}

export function planDemoWorld(team: DemoTeam, random: Random, now: Date, size = 600): DemoWorld {
  const world: DemoWorld = {
    customers: [],
    audit: [],
    contacts: [],
    deals: [],
    stageHistory: [],
    activities: [],
    salesLines: [],
    ownershipEvents: [],
    tasks: [],
  };
  const { orgId } = team;
  const activity = (
    customer: Planned,
    user: DemoUser,
    at: Date,
    fields: { dealId?: string; type?: string; effective?: boolean } = {},
  ) => {
    const type =
      fields.type ?? random.pick(['call', 'call', 'visit', 'wechat', 'email', 'meeting']);
    const id = random.uuidAt(at);
    world.activities.push({
      orgId,
      id,
      ...contactMethodOf(id, type),
      customerId: customer.id,
      contactId: customer.contacts.length > 0 ? random.pick(customer.contacts) : null,
      dealId: fields.dealId ?? null,
      userId: user.id,
      type,
      occurredAt: at,
      summary: random.pick(SUMMARIES[type] ?? SUMMARIES.call ?? ['跟进']),
      effective: fields.effective ?? random.chance(0.7),
      createdAt: at,
    });
  };

  for (let index = 0; index < size; index += 1) {
    const { province, cities } = random.pick(PROVINCES);
    const city = random.pick(cities);
    const createdAt = daysAgo(random, now, random.int(20, 400));
    // 45 customers per rep on their list; the rest wait in a pool.
    const owner =
      index < team.reps.length * 45 ? (team.reps[index % team.reps.length] ?? null) : null;
    const claimedAt = owner ? new Date(createdAt.getTime() + random.int(0, 3) * DAY) : null;
    const name = companyName(random, city);
    const phone = `0${random.int(10, 99)}-${random.int(6000_0000, 8999_9999)}`;
    const website = `www.demo-${index + 1}.cn`;
    const customer: Planned = {
      id: random.uuidAt(createdAt),
      owner,
      createdAt,
      claimedAt,
      contacts: [],
    };
    const keys = customerKeys({ name, phone, email: null, website });
    const poolTeamId =
      owner === null ? (EAST_PROVINCES.includes(province) ? team.eastTeamId : null) : null;
    world.customers.push({
      orgId,
      id: customer.id,
      name,
      nameKey: keys.nameKey,
      industry: random.pick(INDUSTRIES),
      headcount: random.pick([20, 45, 60, 80, 120, 200, 350, 800]),
      province,
      city,
      address: `${city}市${random.pick(['高新区', '工业园区', '经济开发区', '滨江大道'])}${random.int(1, 300)}号`,
      country: '中国',
      website,
      phone,
      phoneKey: keys.phoneKey,
      domainKey: keys.domainKey,
      source: random.pick(SOURCES),
      tags: random.chance(0.3)
        ? [random.pick(['重点客户', '老客户转介绍', '展会线索', '多地分支'])]
        : [],
      // The yes/no facts behind the seeds' target-customer criteria (lead scoring).
      custom: Object.fromEntries(
        [
          'multiSite',
          'hasFinanceSoftware',
          'hasLan',
          'managementFocus',
          'knowledgeIntensive',
          'nicheLeader',
          'soundFinances',
        ].map((key) => [key, random.chance(0.55)]),
      ),
      ownerId: owner?.id ?? null,
      teamId: owner?.teamId ?? null,
      claimedAt,
      poolTeamId,
      pooledAt: owner === null ? new Date(now.getTime() - random.int(1, 60) * DAY) : null,
      createdBy: owner?.id ?? team.adminId,
      createdAt,
      updatedAt: createdAt,
    });
    world.audit.push({
      orgId,
      id: random.uuidAt(createdAt),
      at: createdAt,
      userId: owner?.id ?? team.adminId,
      action: 'create',
      entity: 'customer',
      entityId: customer.id,
      changes: { name, ownerId: owner?.id ?? null, demo: true },
    });
    for (let c = 0; c < random.int(1, 3); c += 1) {
      const { role, title } = CONTACT_ROLES[
        c === 0 ? 0 : random.int(1, CONTACT_ROLES.length - 1)
      ] ?? {
        role: 'user',
        title: '经理',
      };
      const contactId = random.uuidAt(createdAt);
      customer.contacts.push(contactId);
      world.contacts.push({
        orgId,
        id: contactId,
        customerId: customer.id,
        name: personName(random),
        title,
        role,
        mobile: `1${random.pick(['38', '39', '58', '86'])}${random.int(1000_0000, 9999_9999)}`,
        isPrimary: c === 0,
        birthday: random.chance(0.3)
          ? `19${random.int(70, 95)}-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`
          : null,
        createdAt,
        updatedAt: createdAt,
      });
    }
    if (owner && claimedAt) {
      world.ownershipEvents.push({
        orgId,
        id: random.uuidAt(claimedAt),
        customerId: customer.id,
        kind: 'claimed',
        at: claimedAt,
        actorId: owner.id,
        toOwnerId: owner.id,
      });
      planOwnedHistory(customer, owner, now);
    } else {
      planPoolHistory(customer, index);
    }
  }
  return world;

  /** A rep's customer: a year of follow-ups, maybe a deal, sales after a win, open tasks. */
  function planOwnedHistory(customer: Planned, owner: DemoUser, now: Date) {
    const age = (now.getTime() - customer.createdAt.getTime()) / DAY;
    // Follow-ups start the day after the customer was entered.
    const followUpDays = Math.floor(age) - 1;
    // Most lists are worked: a recent effective contact, older ones across the year.
    for (let i = 0; i < random.int(2, 8); i += 1)
      activity(customer, owner, daysAgo(random, now, random.int(1, followUpDays)));
    if (random.chance(0.88))
      activity(customer, owner, daysAgo(random, now, Math.min(random.int(0, 22), followUpDays)), {
        effective: true,
      });
    let deal: PlannedDeal | null = null;
    if (random.chance(0.5)) {
      deal = dealHistory(
        random,
        team,
        customer.id,
        owner,
        daysAgo(random, now, random.int(5, Math.floor(age))),
        now,
      );
      world.deals.push(deal.row);
      world.stageHistory.push(...deal.history);
      for (const [stageIndex, period] of deal.periods.entries()) {
        const span = (period.until.getTime() - period.from.getTime()) / DAY;
        for (let i = 0; i < random.int(1, 4); i += 1) {
          const at = officeHoursOf(
            new Date(period.from.getTime() + random.next() * span * DAY),
            period.from,
            period.until,
          );
          activity(customer, owner, at, {
            dealId: deal.id,
            type: random.pick(['call', 'visit', 'meeting']),
            effective: true,
          });
        }
        // From 立项 on the rep sends a proposal or quote (the work data report's proposals).
        if (stageIndex >= PROPOSAL_STAGE_INDEX) {
          const at = officeHoursOf(
            new Date(period.from.getTime() + random.next() * Math.min(span, 5) * DAY),
            period.from,
            period.until,
          );
          activity(customer, owner, at, { dealId: deal.id, type: 'quote', effective: true });
        }
      }
    }
    if (deal?.wonAt || random.chance(0.12))
      planSales(customer, owner, deal?.wonAt ?? customer.createdAt, now, deal);
    if (random.chance(0.25)) {
      const due = new Date(now.getTime() + random.int(-2, 4) * DAY);
      due.setUTCHours(random.int(1, 9), 0, 0, 0);
      world.tasks.push({
        orgId,
        id: random.uuidAt(due),
        title: random.pick([
          '回访客户使用情况',
          '发送报价单',
          '约拜访时间',
          '确认合同条款',
          '节日问候',
        ]),
        customerId: customer.id,
        dealId: deal?.id ?? null,
        assigneeId: owner.id,
        createdBy: owner.id,
        dueAt: due,
        status: 'open',
        createdAt: now,
        updatedAt: now,
      });
    }
  }

  /** Monthly-ish orders from `from`, mostly paid within a month. */
  function planSales(
    customer: Planned,
    owner: DemoUser,
    from: Date,
    now: Date,
    deal: PlannedDeal | null,
  ) {
    const monthly = deal
      ? Math.round(deal.amountCents / random.int(4, 10))
      : random.int(40_000, 250_000) * 100; // ¥4–25万 an order: grades C to A (seed 003)
    for (
      let at = new Date(from.getTime() + random.int(3, 20) * DAY);
      at < now;
      at = new Date(at.getTime() + random.int(20, 50) * DAY)
    ) {
      const amountCents = Math.round(monthly * (0.6 + random.next() * 0.8));
      const paid =
        at.getTime() < now.getTime() - 40 * DAY ? random.chance(0.92) : random.chance(0.5);
      const id = random.uuidAt(at);
      world.salesLines.push({
        orgId,
        id,
        customerId: customer.id,
        product: random.pick(PRODUCTS),
        quantity: String(random.int(1, 20)),
        amountCents,
        orderDate: dateOnly(at),
        orderNo: `SO${dateOnly(at).replaceAll('-', '')}${random.int(100, 999)}`,
        paidCents: paid ? amountCents : null,
        paidAt: paid ? dateOnly(new Date(at.getTime() + random.int(5, 35) * DAY)) : null,
        dueDate: dateOnly(new Date(at.getTime() + 30 * DAY)),
        ownerId: owner.id,
        naturalKey: `demo:${id}`,
        createdAt: at,
      });
    }
  }

  /** A pool customer: released by a rep with a reason, lapsed by the rule, or never claimed. */
  function planPoolHistory(customer: Planned, index: number) {
    const former = random.pick(team.reps);
    const kind = index % 3 === 0 ? 'released' : index % 3 === 1 ? 'lapsed' : null;
    if (!kind) return;
    const claimedAt = new Date(customer.createdAt.getTime() + random.int(0, 5) * DAY);
    const left = new Date(
      Math.min(now.getTime() - DAY, claimedAt.getTime() + random.int(31, 90) * DAY),
    );
    activity(customer, former, new Date(claimedAt.getTime() + 2 * DAY), { effective: true });
    world.ownershipEvents.push(
      {
        orgId,
        id: random.uuidAt(claimedAt),
        customerId: customer.id,
        kind: 'claimed',
        at: claimedAt,
        actorId: former.id,
        toOwnerId: former.id,
      },
      kind === 'released'
        ? {
            orgId,
            id: random.uuidAt(left),
            customerId: customer.id,
            kind,
            at: left,
            actorId: former.id,
            fromOwnerId: former.id,
            reason: random.pick(['客户暂无采购计划', '已选择其他供应商', '联系不上决策人']),
          }
        : {
            orgId,
            id: random.uuidAt(left),
            customerId: customer.id,
            kind,
            at: left,
            actorId: null,
            fromOwnerId: former.id,
            ruleId: team.lapseRule.id,
            rule: {
              id: team.lapseRule.id,
              name: team.lapseRule.name,
              noActivityDays: team.lapseRule.noActivityDays,
              noProgressDays: null,
              triggers: ['no_activity'],
            },
            deadline: dateOnly(left),
          },
    );
  }
}

/**
 * Work data for the demo: calls by phone, visits by one of seed 001's field methods, and one
 * follow-up in sixteen hearing an opportunity signal. Read from the id's random hex digits,
 * so the demo's other draws (and so its figures) stay as they were.
 */
function contactMethodOf(id: string, type: string): { channel: string | null; signals: string[] } {
  const digit = (position: number) => Number.parseInt(id.charAt(id.length - position), 16);
  const fieldMethods = ['cold_visit', 'cold_visit', 'community', 'roadshow', 'stand'];
  const channel =
    type === 'call' ? 'phone' : type === 'visit' ? (fieldMethods[digit(2) % 5] ?? null) : null;
  const signal = OPPORTUNITY_SIGNALS[digit(3) % OPPORTUNITY_SIGNALS.length];
  return { channel, signals: digit(1) === 15 && signal ? [signal] : [] };
}
