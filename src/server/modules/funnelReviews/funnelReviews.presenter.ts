// Reading one semi-monthly funnel report as its rep, their manager or an admin sees it: the
// lines, comments, and the contacted customers behind its leak rate (counted in SQL).
import { type SQL, sql } from 'drizzle-orm';
import { leakRatePercent } from '../../../domain/reports/leakRate';
import { type Db, queryRows } from '../../db/client';
import type { AuthContext } from '../../http/auth';
import { notFound } from '../../http/errors';
import { managedOwners } from '../customers/customers.access';
import { contactedPairs, presentPeriod, reportedPairs, windowOfKey } from './funnelReviews.leak';
import type { FunnelReview } from './funnelReviews.schema';

export type Actor = Pick<AuthContext, 'id' | 'orgId' | 'role' | 'teamId'> & { ip?: string | null };
export interface Clocked {
  now: Date;
  timeZone: string;
}

export const iso = (value: Date | string | null): string | null =>
  value === null ? null : new Date(value).toISOString();

export interface ReviewRow {
  id: string;
  user_id: string;
  user_name: string;
  period_key: string;
  status: 'draft' | 'submitted' | 'reviewed';
  note: string | null;
  submitted_at: Date | string | null;
  reviewed_at: Date | string | null;
  reviewed_by_name: string | null;
  version: number;
  managed: boolean;
}

/** Reports a user may open: their own, their teams' for a manager, all for an admin. */
function visibleReviews(actor: Actor): SQL {
  if (actor.role === 'admin') return sql`true`;
  if (actor.role === 'manager') {
    return sql`(fr.user_id = ${actor.id} or fr.user_id in ${managedOwners(actor)})`;
  }
  return sql`fr.user_id = ${actor.id}`;
}

function managesOwner(actor: Actor): SQL {
  if (actor.role === 'admin') return sql`fr.user_id <> ${actor.id}`;
  if (actor.role === 'manager') {
    return sql`(fr.user_id <> ${actor.id} and fr.user_id in ${managedOwners(actor)})`;
  }
  return sql`false`;
}

export async function loadRow(db: Db, actor: Actor, id: string, lock = false): Promise<ReviewRow> {
  const [row] = await queryRows<ReviewRow>(
    db,
    sql`select fr.id, fr.user_id, u.name as user_name, fr.period_key, fr.status, fr.note,
        fr.submitted_at, fr.reviewed_at, rb.name as reviewed_by_name, fr.version,
        ${managesOwner(actor)} as managed
      from funnel_reviews fr
      join users u on u.org_id = fr.org_id and u.id = fr.user_id
      left join users rb on rb.org_id = fr.org_id and rb.id = fr.reviewed_by
      where fr.org_id = ${actor.orgId} and fr.id = ${id} and ${visibleReviews(actor)}
      ${lock ? sql`for update of fr` : sql``}`,
  );
  if (!row) throw notFound('Funnel review');
  return row;
}

export async function presentReview(
  db: Db,
  actor: Actor,
  row: ReviewRow,
  clocked: Clocked,
): Promise<FunnelReview> {
  const window = windowOfKey(row.period_key, clocked.timeZone, 'period');
  const lines = await queryRows<{
    id: string;
    customer_id: string;
    customer_name: string;
    deal_id: string | null;
    deal_name: string | null;
    products: string[];
    amount_cents: number;
    expected_close_date: string | Date | null;
    success_rate: number;
    comment: string | null;
  }>(
    db,
    sql`select l.id, l.customer_id, c.name as customer_name, l.deal_id, d.name as deal_name,
        l.products, l.amount_cents, to_char(l.expected_close_date, 'YYYY-MM-DD') as expected_close_date,
        l.success_rate, l.comment
      from funnel_review_lines l
      join customers c on c.org_id = l.org_id and c.id = l.customer_id
      left join deals d on d.org_id = l.org_id and d.id = l.deal_id
      where l.org_id = ${actor.orgId} and l.review_id = ${row.id}
      order by l.position`,
  );
  const comments = await queryRows<{
    id: string;
    author_id: string;
    author_name: string;
    body: string;
    created_at: Date | string;
  }>(
    db,
    sql`select m.id, m.author_id, u.name as author_name, m.body, m.created_at
      from funnel_review_comments m join users u on u.org_id = m.org_id and u.id = m.author_id
      where m.org_id = ${actor.orgId} and m.review_id = ${row.id}
      order by m.created_at, m.id`,
  );
  const contacted = await queryRows<{
    customer_id: string;
    name: string;
    reported: boolean;
    on_report: boolean;
  }>(
    db,
    sql`select k.customer_id, c.name, (r.customer_id is not null) as reported,
        exists (select 1 from funnel_review_lines l where l.org_id = ${actor.orgId}
          and l.review_id = ${row.id} and l.customer_id = k.customer_id) as on_report
      from (${contactedPairs(actor.orgId, window, sql`select ${row.user_id}::uuid`)}) k
      join customers c on c.org_id = ${actor.orgId} and c.id = k.customer_id
      left join (${reportedPairs(actor.orgId, window.period.key)}) r
        on r.user_id = k.user_id and r.customer_id = k.customer_id
      order by reported, c.name`,
  );
  const missing = contacted.filter((c) => !c.reported).length;
  const submittedAt = row.submitted_at === null ? null : new Date(row.submitted_at);
  return {
    id: row.id,
    userId: row.user_id,
    userName: row.user_name,
    period: presentPeriod(window),
    status: row.status,
    late: submittedAt !== null && submittedAt >= window.dueEnd,
    note: row.note,
    submittedAt: iso(row.submitted_at),
    reviewedAt: iso(row.reviewed_at),
    reviewedByName: row.reviewed_by_name,
    version: row.version,
    canEdit: row.user_id === actor.id && row.status !== 'reviewed',
    canReview: row.managed && row.status === 'submitted',
    lines: lines.map((l) => ({
      id: l.id,
      customerId: l.customer_id,
      customerName: l.customer_name,
      dealId: l.deal_id,
      dealName: l.deal_name,
      products: l.products ?? [],
      amount: Number(l.amount_cents) / 100,
      expectedCloseDate: l.expected_close_date === null ? null : String(l.expected_close_date),
      successRate: l.success_rate,
      comment: l.comment,
    })),
    comments: comments.map((m) => ({
      id: m.id,
      authorId: m.author_id,
      authorName: m.author_name,
      body: m.body,
      createdAt: iso(m.created_at) ?? '',
    })),
    leak: {
      contacted: contacted.length,
      missing,
      leakRate: leakRatePercent(missing, contacted.length),
    },
    contacted: contacted.map((c) => ({
      customerId: c.customer_id,
      customerName: c.name,
      reported: Boolean(c.reported),
      onReport: Boolean(c.on_report),
    })),
  };
}

export async function getReview(db: Db, actor: Actor, id: string, clocked: Clocked) {
  return presentReview(db, actor, await loadRow(db, actor, id), clocked);
}
