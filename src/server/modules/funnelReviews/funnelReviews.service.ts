// A rep's semi-monthly funnel report (半月漏斗报表): opened lazily as a draft prefilled from the
// rep's open deals, edited with its version, submitted (late after the due day), reviewed and
// commented on by the rep's manager. Every change is audited in its transaction.
import { sql } from 'drizzle-orm';
import { addDays, zonedDay } from '../../../domain/format/dates';
import { type Db, queryRows } from '../../db/client';
import { newId } from '../../db/ids';
import { funnelReviewComments, funnelReviewLines, funnelReviews } from '../../db/schema';
import {
  AppError,
  forbidden,
  notFound,
  validationFailed,
  versionConflict,
} from '../../http/errors';
import { recordAudit } from '../audit/audit.service';
import { managedOwners, visibleCustomers } from '../customers/customers.access';
import { type PeriodWindow, presentPeriod, windowOfDay, windowOfKey } from './funnelReviews.leak';
import {
  type Actor,
  type Clocked,
  getReview,
  iso,
  loadRow,
  presentReview,
} from './funnelReviews.presenter';
import type { UpdateReviewRequest } from './funnelReviews.schema';

export type { Actor, Clocked };
export { getReview };

/** The period a rep should work on: on a filing day, the one due today unless already submitted. */
async function suggestedWindow(db: Db, actor: Actor, clocked: Clocked): Promise<PeriodWindow> {
  const today = zonedDay(clocked.now, clocked.timeZone);
  const current = windowOfDay(today, clocked.timeZone);
  if (today !== current.period.from) return current;
  const previous = windowOfDay(addDays(today, -1), clocked.timeZone);
  const [done] = await queryRows<{ id: string }>(
    db,
    sql`select id from funnel_reviews where org_id = ${actor.orgId} and user_id = ${actor.id}
      and period_key = ${previous.period.key} and status <> 'draft'`,
  );
  return done ? current : previous;
}

export async function findMyReviews(db: Db, actor: Actor, clocked: Clocked) {
  const today = zonedDay(clocked.now, clocked.timeZone);
  const rows = await queryRows<{
    id: string;
    period_key: string;
    status: 'draft' | 'submitted' | 'reviewed';
    submitted_at: Date | string | null;
    lines: number;
  }>(
    db,
    sql`select fr.id, fr.period_key, fr.status, fr.submitted_at,
        (select count(*) from funnel_review_lines l where l.org_id = fr.org_id and l.review_id = fr.id)::int as lines
      from funnel_reviews fr
      where fr.org_id = ${actor.orgId} and fr.user_id = ${actor.id}
      order by fr.period_from desc limit 48`,
  );
  return {
    today,
    current: presentPeriod(windowOfDay(today, clocked.timeZone)),
    suggested: presentPeriod(await suggestedWindow(db, actor, clocked)),
    items: rows.map((row) => {
      const window = windowOfKey(row.period_key, clocked.timeZone, 'period');
      const submittedAt = row.submitted_at === null ? null : new Date(row.submitted_at);
      return {
        id: row.id,
        period: presentPeriod(window),
        status: row.status,
        late: submittedAt !== null && submittedAt >= window.dueEnd,
        submittedAt: iso(row.submitted_at),
        lines: Number(row.lines),
      };
    }),
  };
}

/** The caller's report for a period, created as a draft prefilled from their open deals. */
export async function openMyReview(db: Db, actor: Actor, periodKey: string, clocked: Clocked) {
  return openReviewOf(db, actor, actor.id, periodKey, clocked);
}

/**
 * A manager (an admin) opening the report of a rep they oversee for a period, from the team
 * table: the rep's report as it is, or — when the rep has not opened it yet — the draft the rep
 * would get, prefilled from the rep's open deals. Read-only for the manager (canEdit is the
 * owner's alone); 404 for a user who is not an active rep the caller oversees.
 */
export async function openRepReview(
  db: Db,
  actor: Actor,
  userId: string,
  periodKey: string,
  clocked: Clocked,
) {
  if (actor.role === 'rep') throw forbidden("Only managers and admins open a rep's report");
  const [rep] = await queryRows<{ id: string }>(
    db,
    sql`select u.id from users u where u.org_id = ${actor.orgId} and u.id = ${userId}
      and u.role = 'rep' and u.active and u.id <> ${actor.id}
      ${actor.role === 'manager' ? sql`and u.id in ${managedOwners(actor)}` : sql``}`,
  );
  if (!rep) throw notFound('Rep');
  return openReviewOf(db, actor, rep.id, periodKey, clocked);
}

async function openReviewOf(
  db: Db,
  actor: Actor,
  ownerId: string,
  periodKey: string,
  clocked: Clocked,
) {
  const window = windowOfKey(periodKey, clocked.timeZone, 'params.period');
  const today = zonedDay(clocked.now, clocked.timeZone);
  if (window.period.from > today) {
    throw validationFailed([{ field: 'params.period', message: 'has not started yet' }]);
  }
  const find = () =>
    queryRows<{ id: string }>(
      db,
      sql`select id from funnel_reviews where org_id = ${actor.orgId} and user_id = ${ownerId}
        and period_key = ${periodKey}`,
    );
  let [existing] = await find();
  if (!existing) {
    await db.transaction(async (tx) => {
      const id = newId();
      const inserted = await tx
        .insert(funnelReviews)
        .values({
          orgId: actor.orgId,
          id,
          userId: ownerId,
          periodKey,
          periodFrom: window.period.from,
          periodTo: window.period.to,
        })
        .onConflictDoNothing()
        .returning({ id: funnelReviews.id });
      if (inserted.length === 0) return; // opened at the same moment elsewhere
      // Prefill: the rep's open deals, success rate from the deal's (stage) probability.
      const open = await queryRows<{
        id: string;
        customer_id: string;
        products: string[] | null;
        amount_cents: number;
        expected_close_date: string | null;
        probability: number;
      }>(
        tx,
        sql`select d.id, d.customer_id, d.products, d.amount_cents,
            to_char(d.expected_close_date, 'YYYY-MM-DD') as expected_close_date, d.probability
          from deals d
          where d.org_id = ${actor.orgId} and d.owner_id = ${ownerId} and d.status = 'open'
          order by d.expected_close_date nulls last, d.created_at, d.id
          limit 500`,
      );
      if (open.length > 0) {
        await tx.insert(funnelReviewLines).values(
          open.map((deal, index) => ({
            orgId: actor.orgId,
            id: newId(),
            reviewId: id,
            position: index + 1,
            customerId: deal.customer_id,
            dealId: deal.id,
            products: deal.products ?? [],
            amountCents: Number(deal.amount_cents),
            expectedCloseDate: deal.expected_close_date,
            successRate: deal.probability,
          })),
        );
      }
      await recordAudit(tx, {
        orgId: actor.orgId,
        userId: actor.id,
        ip: actor.ip,
        action: 'create',
        entity: 'funnel_review',
        entityId: id,
        changes:
          ownerId === actor.id ? { period: periodKey } : { period: periodKey, userId: ownerId },
      });
    });
    [existing] = await find();
  }
  if (!existing) throw notFound('Funnel review');
  return getReview(db, actor, existing.id, clocked);
}

async function checkLineRefs(tx: Db, actor: Actor, lines: UpdateReviewRequest['lines']) {
  if (!lines?.length) return;
  const customerIds = [...new Set(lines.map((l) => l.customerId))];
  const seen = await queryRows<{ id: string }>(
    tx,
    sql`select c.id from customers c where c.org_id = ${actor.orgId}
      and c.id in (${sql.join(
        customerIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})
      and ${visibleCustomers(actor, 'c')}`,
  );
  const visible = new Set(seen.map((r) => r.id));
  const dealIds = [...new Set(lines.flatMap((l) => (l.dealId ? [l.dealId] : [])))];
  const deals =
    dealIds.length === 0
      ? []
      : await queryRows<{ id: string; customer_id: string }>(
          tx,
          sql`select d.id, d.customer_id from deals d where d.org_id = ${actor.orgId}
            and d.id in (${sql.join(
              dealIds.map((id) => sql`${id}::uuid`),
              sql`, `,
            )})`,
        );
  const dealCustomer = new Map(deals.map((d) => [d.id, d.customer_id]));
  const errors = lines.flatMap((line, index) => {
    if (!visible.has(line.customerId)) {
      return [
        { field: `body.lines.${index}.customerId`, message: 'is not a customer you can see' },
      ];
    }
    if (line.dealId && dealCustomer.get(line.dealId) !== line.customerId) {
      return [{ field: `body.lines.${index}.dealId`, message: "is not this customer's deal" }];
    }
    return [];
  });
  if (errors.length) throw validationFailed(errors);
}

export async function updateReview(
  db: Db,
  actor: Actor,
  id: string,
  input: UpdateReviewRequest,
  clocked: Clocked,
) {
  await db.transaction(async (tx) => {
    const row = await loadRow(tx, actor, id, true);
    if (row.user_id !== actor.id) throw forbidden('Only the rep who files a report edits it');
    if (row.version !== input.version) {
      throw versionConflict(await presentReview(tx, actor, row, clocked));
    }
    if (row.status === 'reviewed') {
      throw new AppError('conflict', 'This report has been reviewed and can no longer change');
    }
    await checkLineRefs(tx, actor, input.lines);
    if (input.lines) {
      await tx.execute(
        sql`delete from funnel_review_lines where org_id = ${actor.orgId} and review_id = ${id}`,
      );
      if (input.lines.length > 0) {
        await tx.insert(funnelReviewLines).values(
          input.lines.map((line, index) => ({
            orgId: actor.orgId,
            id: newId(),
            reviewId: id,
            position: index + 1,
            customerId: line.customerId,
            dealId: line.dealId ?? null,
            products: line.products,
            amountCents: line.amount,
            expectedCloseDate: line.expectedCloseDate ?? null,
            successRate: line.successRate,
            comment: line.comment || null,
          })),
        );
      }
    }
    await tx.execute(sql`update funnel_reviews set
        note = ${input.note === undefined ? sql`note` : input.note || null},
        version = version + 1, updated_at = ${clocked.now}
      where org_id = ${actor.orgId} and id = ${id}`);
    await recordAudit(tx, {
      orgId: actor.orgId,
      userId: actor.id,
      ip: actor.ip,
      action: 'update',
      entity: 'funnel_review',
      entityId: id,
      changes: {
        ...(input.lines ? { lines: input.lines.length } : {}),
        ...(input.note !== undefined ? { note: input.note } : {}),
      },
    });
  });
  return getReview(db, actor, id, clocked);
}

/** draft → submitted (by the owner) or submitted → reviewed (by the owner's manager or an admin). */
export async function changeStatus(
  db: Db,
  actor: Actor,
  id: string,
  change: { to: 'submitted' | 'reviewed'; version: number },
  clocked: Clocked,
) {
  await db.transaction(async (tx) => {
    const row = await loadRow(tx, actor, id, true);
    if (change.to === 'submitted' && row.user_id !== actor.id) {
      throw forbidden('Only the rep who files a report submits it');
    }
    if (change.to === 'reviewed' && !row.managed) {
      throw forbidden("Only the rep's manager or an admin reviews a report");
    }
    if (row.version !== change.version) {
      throw versionConflict(await presentReview(tx, actor, row, clocked));
    }
    const from = change.to === 'submitted' ? 'draft' : 'submitted';
    if (row.status !== from) {
      throw new AppError('conflict', `Only a ${from} report can be ${change.to}`);
    }
    await tx.execute(
      change.to === 'submitted'
        ? sql`update funnel_reviews set status = 'submitted', submitted_at = ${clocked.now},
            version = version + 1, updated_at = ${clocked.now}
          where org_id = ${actor.orgId} and id = ${id}`
        : sql`update funnel_reviews set status = 'reviewed', reviewed_at = ${clocked.now},
            reviewed_by = ${actor.id}, version = version + 1, updated_at = ${clocked.now}
          where org_id = ${actor.orgId} and id = ${id}`,
    );
    const window: PeriodWindow = windowOfKey(row.period_key, clocked.timeZone, 'period');
    await recordAudit(tx, {
      orgId: actor.orgId,
      userId: actor.id,
      ip: actor.ip,
      action: change.to === 'submitted' ? 'submit' : 'review',
      entity: 'funnel_review',
      entityId: id,
      changes: {
        period: row.period_key,
        ...(change.to === 'submitted' ? { late: clocked.now >= window.dueEnd } : {}),
      },
    });
  });
  return getReview(db, actor, id, clocked);
}

export async function addComment(db: Db, actor: Actor, id: string, body: string, clocked: Clocked) {
  await db.transaction(async (tx) => {
    const row = await loadRow(tx, actor, id);
    if (row.user_id !== actor.id && !row.managed) throw forbidden();
    const commentId = newId();
    await tx.insert(funnelReviewComments).values({
      orgId: actor.orgId,
      id: commentId,
      reviewId: id,
      authorId: actor.id,
      body,
      createdAt: clocked.now,
    });
    await recordAudit(tx, {
      orgId: actor.orgId,
      userId: actor.id,
      ip: actor.ip,
      action: 'comment',
      entity: 'funnel_review',
      entityId: id,
      changes: { commentId },
    });
  });
  return getReview(db, actor, id, clocked);
}
