import { sql } from 'drizzle-orm';
import type { ChurnWarningCode } from '../../../domain/churn';
import { addDays, zonedDay, zonedDayStart } from '../../../domain/format/dates';
import type { Locale, Localized } from '../../../domain/vocabulary';
import { type Db, queryRows } from '../../db/client';
import { AppError } from '../../http/errors';
import { guardCustomer } from '../customers/customers.guard';
import { getTask, insertTask } from '../tasks/tasks.service';
import { warningsOfCustomer } from './churn.service';

type Actor = Parameters<typeof guardCustomer>[1] & { ip?: string | null };

/** Stable titles, so a second click finds the open task instead of making another. */
const TASK_TITLES: Record<ChurnWarningCode, Localized> = {
  no_order_overdue: {
    'zh-CN': '流失预警:久未下单,回访客户',
    en: 'Churn warning: no recent order — call the customer',
  },
  revenue_drop: {
    'zh-CN': '流失预警:销售额下降,了解原因',
    en: 'Churn warning: revenue falling — find out why',
  },
  payment_overdue: {
    'zh-CN': '流失预警:逾期未付款,跟进回款',
    en: 'Churn warning: payment overdue — chase it',
  },
  contract_ending: {
    'zh-CN': '流失预警:合同即将到期,商谈续约',
    en: 'Churn warning: contract ending — discuss renewal',
  },
};

/**
 * A follow-up task for the customer's owner from a current warning, due by the end of today
 * in the org's time zone. Returns the open task already made for it when there is one.
 */
export async function createWarningTask(
  db: Db,
  actor: Actor,
  customerId: string,
  code: ChurnWarningCode,
  context: { now: Date; timeZone: string; locale: Locale },
) {
  return db.transaction(async (tx) => {
    const customer = await guardCustomer(tx, actor, customerId, 'edit');
    if (!customer.ownerId) {
      throw new AppError(
        'unprocessable',
        'A pool customer has no owner to follow up; claim it first',
      );
    }
    const current = await warningsOfCustomer(tx, actor, customerId, context);
    const warning = current?.warnings.find((w) => w.code === code);
    if (!warning) {
      throw new AppError('unprocessable', `The customer has no ${code} warning today`, [
        { field: 'params.code', message: 'is not a current warning of this customer' },
      ]);
    }
    const title = TASK_TITLES[code][context.locale];
    const [open] = await queryRows<{ id: string }>(
      tx,
      sql`select id from tasks where org_id = ${actor.orgId} and customer_id = ${customerId}
        and status = 'open' and title = ${title} limit 1`,
    );
    if (open) {
      return {
        task: await getTask(tx, { ...actor, role: 'admin' }, open.id, context.now),
        created: false,
      };
    }
    const today = zonedDay(context.now, context.timeZone);
    // The last minute of today, so it shows under "today" and not as overdue yet.
    const dueAt = new Date(zonedDayStart(addDays(today, 1), context.timeZone).getTime() - 60_000);
    const id = await insertTask(tx, actor, {
      title,
      notes: warning.label,
      dueAt,
      customerId,
      assigneeId: customer.ownerId,
    });
    return { task: await getTask(tx, { ...actor, role: 'admin' }, id, context.now), created: true };
  });
}
