// The funnel report's tables for the .xlsx/CSV download, headed in the reader's language.
import type { Locale } from '../../../domain/vocabulary';
import type { Db } from '../../db/client';
import type { FunnelReportQuery } from './funnelReport.schema';
import { getFunnelReport, type ReportContext } from './funnelReport.service';
import {
  getFunnelBreakdown,
  getFunnelFlow,
  getFunnelVelocity,
  getLostReasons,
  getStaleDeals,
  getWonBySource,
} from './funnelViews.service';
import type { ReportTable } from './reportExport';

const WORDS = {
  'zh-CN': {
    funnel: '销售漏斗',
    byOwner: '按负责人',
    flow: '期间流入',
    velocity: '阶段周期',
    stale: '停滞商机',
    wonBySource: '签约客户来源',
    lost: '丢单原因',
    stage: '阶段',
    count: '商机数',
    amount: '金额(元)',
    weighted: '加权金额(元)',
    reached: '到达数',
    conversion: '转化率(%)',
    winRate: '赢单率(%)',
    owner: '负责人',
    deals: '商机数',
    won: '赢单',
    lostCount: '丢单',
    entered: '进入数',
    stays: '停留次数',
    median: '中位天数',
    p80: 'P80 天数',
    deal: '商机',
    customer: '客户',
    days: '停留天数',
    source: '来源',
    customers: '客户数',
    reason: '原因',
    none: '(未填写)',
  },
  en: {
    funnel: 'Funnel',
    byOwner: 'By owner',
    flow: 'Flow in period',
    velocity: 'Velocity',
    stale: 'Stale deals',
    wonBySource: 'Won by source',
    lost: 'Lost reasons',
    stage: 'Stage',
    count: 'Deals',
    amount: 'Amount (CNY)',
    weighted: 'Weighted (CNY)',
    reached: 'Reached',
    conversion: 'Conversion (%)',
    winRate: 'Win rate (%)',
    owner: 'Owner',
    deals: 'Deals',
    won: 'Won',
    lostCount: 'Lost',
    entered: 'Entered',
    stays: 'Stays',
    median: 'Median days',
    p80: 'P80 days',
    deal: 'Deal',
    customer: 'Customer',
    days: 'Days in stage',
    source: 'Source',
    customers: 'Customers',
    reason: 'Reason',
    none: '(none)',
  },
} satisfies Record<Locale, Record<string, string>>;

const percent = (value: number | null) => (value === null ? null : Math.round(value * 1000) / 10);

export async function funnelReportTables(
  db: Db,
  context: ReportContext,
  query: FunnelReportQuery,
  now: Date,
): Promise<ReportTable[]> {
  const w = WORDS[context.locale];
  const [report, byOwner, flow, velocity, stale, sources, lost] = await Promise.all([
    getFunnelReport(db, context, query),
    getFunnelBreakdown(db, context, { ...query, by: 'owner' }),
    getFunnelFlow(db, context, query, now),
    getFunnelVelocity(db, context, query),
    getStaleDeals(db, context, query, now),
    getWonBySource(db, context, query),
    getLostReasons(db, context, query),
  ]);
  return [
    {
      title: w.funnel,
      headers: [w.stage, w.count, w.amount, w.weighted, w.reached, w.conversion],
      rows: [
        ...report.stages.map((s) => [
          s.name,
          s.count,
          s.amount,
          s.weightedAmount,
          s.reached,
          percent(s.conversionToNext),
        ]),
        [w.winRate, percent(report.winRate), null, null, null, null],
      ],
    },
    {
      title: w.byOwner,
      headers: [w.owner, ...byOwner.stages.map((s) => s.name), w.amount, w.weighted, w.winRate],
      rows: byOwner.rows.map((row) => [
        row.label ?? w.none,
        ...row.counts,
        row.amount,
        row.weightedAmount,
        percent(row.winRate),
      ]),
    },
    {
      title: `${w.flow} ${flow.from}~${flow.to}`,
      headers: [w.stage, w.entered, w.amount],
      rows: flow.stages.map((s) => [s.name, s.entered, s.amount]),
    },
    {
      title: w.velocity,
      headers: [w.stage, w.stays, w.median, w.p80],
      rows: velocity.stages.map((s) => [s.name, s.stays, s.medianDays, s.p80Days]),
    },
    {
      title: w.stale,
      headers: [w.deal, w.customer, w.owner, w.stage, w.amount, w.days],
      rows: stale.items.map((d) => [
        d.name,
        d.customerName,
        d.ownerName,
        d.stageName,
        d.amount,
        d.daysInStage,
      ]),
    },
    {
      title: w.wonBySource,
      headers: [w.source, w.customers, w.deals, w.amount],
      rows: sources.rows.map((r) => [r.source ?? w.none, r.customers, r.deals, r.amount]),
    },
    {
      title: w.lost,
      headers: [w.reason, w.deals, w.amount],
      rows: lost.rows.map((r) => [r.reason ?? w.none, r.deals, r.amount]),
    },
  ];
}
