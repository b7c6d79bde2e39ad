import { type SQL, sql } from 'drizzle-orm';
import { centsToYuanString } from '../../../domain/format/money';
import { type Db, queryRows } from '../../db/client';
import { visibleCustomers } from '../customers/customers.access';
import type { Viewer } from '../customers/customers.service';
import type { CampaignReport, CampaignReportQuery, CampaignType } from './campaigns.schema';

const yuan = (cents: number) => Number(centsToYuanString(cents));

/**
 * The facts every figure reads, as CTEs:
 * camp   the campaigns in the period, with the instant their first day starts in the org's zone;
 * inv    one row per (campaign, invited customer) the viewer may see, attended when any of its
 *        invitees (the customer or a contact) came;
 * moved  attending customers with a stage move forward after the start: a deal opened or moved
 *        forward, a lifecycle move forward, or a deal won (backward moves and losses are not);
 * won    won deals of attending customers closed after the start.
 */
function facts(viewer: Viewer, query: CampaignReportQuery, timeZone: string): SQL {
  const where: SQL[] = [sql`k.org_id = ${viewer.orgId}`];
  if (query.from) where.push(sql`k.starts_on >= ${query.from}::date`);
  if (query.to) where.push(sql`k.starts_on <= ${query.to}::date`);
  if (query.type) where.push(sql`k.type = ${query.type}`);
  return sql`with camp as (
      select k.id, k.name, k.type, k.source, k.starts_on, k.ends_on, k.cost_cents,
        (k.starts_on::timestamp at time zone ${timeZone}) as starts_at
      from campaigns k where ${sql.join(where, sql` and `)}
    ),
    inv as (
      select i.campaign_id, i.customer_id, bool_or(i.attended_at is not null) as attended
      from campaign_invitees i
      join camp on camp.id = i.campaign_id
      join customers c on c.org_id = i.org_id and c.id = i.customer_id
      where i.org_id = ${viewer.orgId} and ${visibleCustomers(viewer)}
      group by i.campaign_id, i.customer_id
    ),
    moved as (
      select distinct inv.campaign_id, inv.customer_id
      from inv
      join camp on camp.id = inv.campaign_id
      join stage_history sh on sh.org_id = ${viewer.orgId} and sh.customer_id = inv.customer_id
        and sh.at >= camp.starts_at
      left join deals d on d.org_id = sh.org_id and d.id = sh.deal_id
      where inv.attended and (sh.direction in ('initial', 'forward')
        or (sh.direction = 'terminal' and d.status = 'won' and sh.to_stage_key = d.stage_key))
    ),
    won as (
      select inv.campaign_id, d.id as deal_id, d.amount_cents
      from inv
      join camp on camp.id = inv.campaign_id
      join deals d on d.org_id = ${viewer.orgId} and d.customer_id = inv.customer_id
      where inv.attended and d.status = 'won' and d.closed_at >= camp.starts_at
    )`;
}

/**
 * Figures over the campaigns matching `scope` (a predicate on camp): customers and deals
 * counted once however many of those campaigns they appear in.
 */
function figures(scope: SQL): SQL {
  return sql`(select count(*) from camp where ${scope})::int as campaigns,
    (select coalesce(sum(camp.cost_cents), 0) from camp where ${scope})::bigint as cost_cents,
    (select count(distinct inv.customer_id) from inv join camp on camp.id = inv.campaign_id
      where ${scope})::int as invited,
    (select count(distinct inv.customer_id) from inv join camp on camp.id = inv.campaign_id
      where inv.attended and ${scope})::int as attended,
    (select count(distinct moved.customer_id) from moved join camp on camp.id = moved.campaign_id
      where ${scope})::int as moved_forward,
    (select count(distinct won.deal_id) from won join camp on camp.id = won.campaign_id
      where ${scope})::int as deals_won,
    (select coalesce(sum(x.amount_cents), 0) from (select distinct won.deal_id, won.amount_cents
      from won join camp on camp.id = won.campaign_id where ${scope}) x)::bigint as won_cents`;
}

interface FigureRow {
  campaigns: number;
  cost_cents: number;
  invited: number;
  attended: number;
  moved_forward: number;
  deals_won: number;
  won_cents: number;
}

const presentFigures = (row: FigureRow) => ({
  invited: row.invited,
  attended: row.attended,
  movedForward: row.moved_forward,
  dealsWon: row.deals_won,
  wonAmount: yuan(row.won_cents),
  cost: yuan(row.cost_cents),
});

/** What each campaign moved forward and won, per source channel and in total (SQL only). */
export async function campaignReport(
  db: Db,
  viewer: Viewer,
  query: CampaignReportQuery,
  timeZone: string,
): Promise<CampaignReport> {
  const base = facts(viewer, query, timeZone);
  const perCampaign = sql.raw('camp.id = k2.id');
  const rows = await queryRows<
    FigureRow & {
      id: string;
      name: string;
      type: CampaignType;
      source: string | null;
      starts_on: string;
      ends_on: string;
    }
  >(
    db,
    sql`${base} select k2.id, k2.name, k2.type, k2.source, k2.starts_on::text as starts_on,
        k2.ends_on::text as ends_on, ${figures(perCampaign)}
      from camp k2 order by k2.starts_on desc, k2.id desc`,
  );
  const bySource = await queryRows<FigureRow & { source: string | null }>(
    db,
    sql`${base} select s.source, ${figures(sql.raw('camp.source is not distinct from s.source'))}
      from (select distinct source from camp) s order by s.source nulls last`,
  );
  const [total] = await queryRows<FigureRow>(db, sql`${base} select ${figures(sql`true`)}`);
  return {
    rows: rows.map((row) => ({
      campaignId: row.id,
      name: row.name,
      type: row.type,
      source: row.source,
      startsOn: row.starts_on,
      endsOn: row.ends_on,
      ...presentFigures(row),
    })),
    bySource: bySource.map((row) => ({
      source: row.source,
      campaigns: row.campaigns,
      ...presentFigures(row),
    })),
    total: {
      campaigns: total?.campaigns ?? 0,
      ...presentFigures(
        total ?? {
          campaigns: 0,
          cost_cents: 0,
          invited: 0,
          attended: 0,
          moved_forward: 0,
          deals_won: 0,
          won_cents: 0,
        },
      ),
    },
  };
}
