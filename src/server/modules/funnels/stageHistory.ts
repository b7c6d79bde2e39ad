import { type SQL, sql } from 'drizzle-orm';
import type { FunnelStage, UnmetRequirement } from '../../../domain/funnels';
import type { Locale, Localized } from '../../../domain/vocabulary';
import { type Db, queryRows } from '../../db/client';
import { newId } from '../../db/ids';
import { stageHistory } from '../../db/schema';
import { decodeCursor, encodeCursor } from '../../http/pagination';
import { type PresentedUnmet, presentUnmet } from './stageGate';

export interface StageMoveEntry {
  orgId: string;
  customerId: string;
  dealId: string | null;
  funnelId: string;
  fromStageKey: string | null;
  toStageKey: string;
  direction: 'initial' | 'forward' | 'backward' | 'terminal';
  at: Date;
  byUserId: string;
  overrideReason: string | null;
  unmet: readonly UnmetRequirement<Localized>[];
  lostReason: { id: string; name: string } | null;
  checklist: Record<string, unknown>;
}

export async function recordStageMove(tx: Db, entry: StageMoveEntry): Promise<void> {
  await tx.insert(stageHistory).values({
    orgId: entry.orgId,
    id: newId(),
    customerId: entry.customerId,
    dealId: entry.dealId,
    funnelId: entry.funnelId,
    fromStageKey: entry.fromStageKey,
    toStageKey: entry.toStageKey,
    direction: entry.direction,
    at: entry.at,
    byUserId: entry.byUserId,
    overrideReason: entry.overrideReason,
    unmet: entry.unmet.length > 0 ? entry.unmet : null,
    lostReasonId: entry.lostReason?.id ?? null,
    lostReason: entry.lostReason?.name ?? null,
    checklist: entry.checklist,
  });
}

export interface StageMove {
  id: string;
  customerId: string;
  dealId: string | null;
  dealName: string | null;
  funnelId: string;
  fromStageKey: string | null;
  fromStageName: string | null;
  toStageKey: string;
  toStageName: string;
  direction: StageMoveEntry['direction'];
  at: string;
  byUserId: string;
  byName: string | null;
  overrideReason: string | null;
  /** What an override bypassed. */
  unmet: PresentedUnmet[];
  lostReason: string | null;
  checklist: Record<string, { id: string; by: string; at: string }[]>;
}

interface HistoryRow {
  id: string;
  customer_id: string;
  deal_id: string | null;
  deal_name: string | null;
  funnel_id: string;
  from_stage_key: string | null;
  to_stage_key: string;
  direction: StageMoveEntry['direction'];
  at: Date | string;
  by_user_id: string;
  by_name: string | null;
  override_reason: string | null;
  unmet: UnmetRequirement<Localized>[] | null;
  lost_reason: string | null;
  checklist: StageMove['checklist'];
}

const HISTORY_COLUMNS = sql`h.id, h.customer_id, h.deal_id, h.funnel_id, h.from_stage_key,
  h.to_stage_key, h.direction, h.at, h.by_user_id, u.name as by_name, h.override_reason, h.unmet,
  h.lost_reason, h.checklist, d.name as deal_name`;
const HISTORY_JOINS = sql`left join users u on u.org_id = h.org_id and u.id = h.by_user_id
  left join deals d on d.org_id = h.org_id and d.id = h.deal_id`;

function presentMove(
  row: HistoryRow,
  stagesOf: (funnelId: string) => readonly FunnelStage[],
  locale: Locale,
): StageMove {
  // A stage removed from the funnel since keeps showing as its key.
  const nameOf = (key: string) =>
    stagesOf(row.funnel_id).find((stage) => stage.key === key)?.name[locale] ?? key;
  return {
    id: row.id,
    customerId: row.customer_id,
    dealId: row.deal_id,
    dealName: row.deal_name,
    funnelId: row.funnel_id,
    fromStageKey: row.from_stage_key,
    fromStageName: row.from_stage_key === null ? null : nameOf(row.from_stage_key),
    toStageKey: row.to_stage_key,
    toStageName: nameOf(row.to_stage_key),
    direction: row.direction,
    at: new Date(row.at).toISOString(),
    byUserId: row.by_user_id,
    byName: row.by_name,
    overrideReason: row.override_reason,
    unmet: presentUnmet(row.unmet ?? [], locale),
    lostReason: row.lost_reason,
    checklist: row.checklist ?? {},
  };
}

/** The moves of one deal, or of one customer's lifecycle, oldest first, keyset paged. */
export async function findStageHistory(
  db: Db,
  subject: { orgId: string; dealId: string } | { orgId: string; customerId: string },
  stages: readonly FunnelStage[],
  query: { limit: number; cursor?: string },
  locale: Locale,
) {
  const where = [
    'dealId' in subject
      ? sql`h.org_id = ${subject.orgId} and h.deal_id = ${subject.dealId}`
      : sql`h.org_id = ${subject.orgId} and h.customer_id = ${subject.customerId} and h.deal_id is null`,
  ];
  if (query.cursor) {
    const [at, id] = decodeCursor(query.cursor, 2) as [string, string];
    where.push(sql`(h.at, h.id) > (${at}::timestamptz, ${id}::uuid)`);
  }
  const rows = await queryRows<HistoryRow>(
    db,
    sql`select ${HISTORY_COLUMNS} from stage_history h
      ${HISTORY_JOINS}
      where ${sql.join(where, sql` and `)}
      order by h.at, h.id limit ${query.limit + 1}`,
  );
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map((row) => presentMove(row, () => stages, locale)),
    nextCursor:
      rows.length > query.limit && last
        ? encodeCursor([new Date(last.at).toISOString(), last.id])
        : null,
  };
}

/**
 * Stage moves for a customer's timeline: its deals' moves and its own lifecycle moves, newest
 * first, before `before` when given. For a UNION in SQL instead, the table is stage_history:
 * (org_id, customer_id, at) is indexed; deal_id is null for lifecycle moves.
 */
export async function stageMovesForTimeline(
  db: Db,
  orgId: string,
  customerId: string,
  options: { locale: Locale; limit: number; before?: Date },
): Promise<StageMove[]> {
  const rows = await queryRows<HistoryRow>(
    db,
    sql`select ${HISTORY_COLUMNS} from stage_history h
      ${HISTORY_JOINS}
      where h.org_id = ${orgId} and h.customer_id = ${customerId}
        ${options.before ? sql`and h.at < ${options.before}` : sql``}
      order by h.at desc, h.id desc limit ${options.limit}`,
  );
  const funnelIds = [...new Set(rows.map((row) => row.funnel_id))];
  const funnels =
    funnelIds.length === 0
      ? []
      : await queryRows<{ id: string; stages: FunnelStage[] }>(
          db,
          sql`select id, stages from funnels where org_id = ${orgId} and id in ${funnelIds}`,
        );
  const stagesOf = (funnelId: string) => funnels.find((f) => f.id === funnelId)?.stages ?? [];
  return rows.map((row) => presentMove(row, stagesOf, options.locale));
}

/**
 * A branch for the customer timeline's UNION ALL: the customer's stage moves (its deals' and
 * its lifecycle's) as (kind, id, at, user_id, payload). The payload carries the keys and the
 * bilingual stage names ({"zh-CN", "en"}) so the timeline picks the reader's language.
 */
export function stageMovesTimelineSource(orgId: string, customerId: string): SQL {
  const nameOf = (key: SQL) => sql`(select st->'name' from jsonb_array_elements(f.stages) st
    where st->>'key' = ${key} limit 1)`;
  return sql`select 'stage_move' as kind, h.id::text as id, h.at, h.by_user_id as user_id,
      jsonb_build_object(
        'dealId', h.deal_id, 'dealName', d.name, 'funnelId', h.funnel_id,
        'fromStageKey', h.from_stage_key, 'fromStageName', ${nameOf(sql`h.from_stage_key`)},
        'toStageKey', h.to_stage_key, 'toStageName', ${nameOf(sql`h.to_stage_key`)},
        'direction', h.direction, 'overrideReason', h.override_reason,
        'lostReason', h.lost_reason) as payload
    from stage_history h
    join funnels f on f.org_id = h.org_id and f.id = h.funnel_id
    left join deals d on d.org_id = h.org_id and d.id = h.deal_id
    where h.org_id = ${orgId} and h.customer_id = ${customerId}`;
}
