import { type SQL, sql } from 'drizzle-orm';
import { addDays, zonedDayStart } from '../../../domain/format/dates';
import { INQUIRY_CLASSES, type InquiryClass } from '../../../domain/inquiries';
import { type Db, queryRows } from '../../db/client';
import { decodeCursor, encodeCursor } from '../../http/pagination';
import type { InquiryListQuery, InquiryReport, InquiryReportQuery } from './inquiries.schema';
import {
  INQUIRY_COLUMNS,
  INQUIRY_JOINS,
  type InquiryRow,
  presentListItem,
  type Viewer,
  visibleInquiries,
} from './inquiries.service';

const finalClass = sql`coalesce(i.corrected_class, i.classification)`;

/** The inbox, newest first, keyset-paged on (received_at, id). */
export async function findInquiries(db: Db, viewer: Viewer, query: InquiryListQuery) {
  const where: SQL[] = [sql`i.org_id = ${viewer.orgId}`, visibleInquiries(viewer)];
  if (query.class) where.push(sql`${finalClass} = ${query.class}`);
  if (query.status) where.push(sql`i.status = ${query.status}`);
  if (query.channel) where.push(sql`i.channel = ${query.channel}`);
  if (query.assigneeId) where.push(sql`i.assignee_id = ${query.assigneeId}`);
  if (query.unassigned === 'true') where.push(sql`i.assignee_id is null`);
  if (query.unassigned === 'false') where.push(sql`i.assignee_id is not null`);
  if (query.cursor) {
    const [receivedAt, id] = decodeCursor(query.cursor, 2) as [string, string];
    where.push(sql`(i.received_at, i.id) < (${receivedAt}::timestamptz, ${id}::uuid)`);
  }
  const rows = await queryRows<InquiryRow>(
    db,
    sql`select ${INQUIRY_COLUMNS} from inquiries i ${INQUIRY_JOINS}
      where ${sql.join(where, sql` and `)}
      order by i.received_at desc, i.id desc
      limit ${query.limit + 1}`,
  );
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map(presentListItem),
    nextCursor:
      rows.length > query.limit && last
        ? encodeCursor([new Date(last.received_at).toISOString(), last.id])
        : null,
  };
}

/**
 * Inquiries by class (after corrections), how often people corrected each class the
 * classifier gave, conversions, and the median first-response time, over the inquiries
 * the viewer sees that arrived in the period.
 */
export async function inquiryReport(
  db: Db,
  viewer: Viewer,
  query: InquiryReportQuery,
  timeZone: string,
): Promise<InquiryReport> {
  const where: SQL[] = [sql`i.org_id = ${viewer.orgId}`, visibleInquiries(viewer)];
  if (query.from) where.push(sql`i.received_at >= ${zonedDayStart(query.from, timeZone)}`);
  if (query.to) {
    where.push(sql`i.received_at < ${zonedDayStart(addDays(query.to, 1), timeZone)}`);
  }
  if (query.channel) where.push(sql`i.channel = ${query.channel}`);
  if (query.assigneeId) where.push(sql`i.assignee_id = ${query.assigneeId}`);
  const scoped = sql`select ${finalClass} as final_class, i.classification, i.status,
      i.received_at, i.first_response_at
    from inquiries i where ${sql.join(where, sql` and `)}`;

  const classRows = await queryRows<{
    class: InquiryClass;
    count: number;
    classified: number;
    corrected: number;
    converted: number;
  }>(
    db,
    sql`with scoped as (${scoped})
      select k.class,
        count(s.final_class) filter (where s.final_class = k.class)::int as count,
        count(s.final_class) filter (where s.classification = k.class)::int as classified,
        -- the classifier said k, a person said otherwise
        count(s.final_class) filter (where s.classification = k.class
          and s.final_class <> k.class)::int as corrected,
        count(s.final_class) filter (where s.final_class = k.class
          and s.status = 'converted')::int as converted
      from unnest(${sql.param([...INQUIRY_CLASSES])}::text[]) as k(class)
      left join scoped s on true
      group by k.class`,
  );
  const [response] = await queryRows<{
    total: number;
    converted: number;
    replied: number;
    unanswered: number;
    median_minutes: number | null;
  }>(
    db,
    sql`with scoped as (${scoped})
      select count(*)::int as total,
        count(*) filter (where status = 'converted')::int as converted,
        count(first_response_at)::int as replied,
        count(*) filter (where first_response_at is null and status = 'new')::int as unanswered,
        percentile_cont(0.5) within group (
          order by extract(epoch from (first_response_at - received_at)) / 60
        ) as median_minutes
      from scoped`,
  );
  const byClass = new Map(classRows.map((row) => [row.class, row]));
  return {
    total: response?.total ?? 0,
    converted: response?.converted ?? 0,
    classes: INQUIRY_CLASSES.map((klass) => {
      const row = byClass.get(klass);
      const classified = row?.classified ?? 0;
      const corrected = row?.corrected ?? 0;
      return {
        class: klass,
        count: row?.count ?? 0,
        classified,
        corrected,
        accuracy:
          classified === 0
            ? null
            : Math.round(((classified - corrected) / classified) * 1000) / 1000,
        converted: row?.converted ?? 0,
      };
    }),
    firstResponse: {
      replied: response?.replied ?? 0,
      unanswered: response?.unanswered ?? 0,
      medianMinutes:
        response?.median_minutes == null
          ? null
          : Math.round(Number(response.median_minutes) * 10) / 10,
    },
  };
}
