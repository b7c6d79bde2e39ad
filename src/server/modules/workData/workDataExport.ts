// The work data report as spreadsheet tables (headers in the caller's language); cells are
// escaped by reportExport like every other report download.
import { ACTIVITY_TYPES, type Locale } from '../../../domain/vocabulary';
import {
  ACTIVITY_TYPE_LABELS,
  CHANNEL_LABELS,
  CONTACT_CHANNELS,
  SIGNAL_LABELS,
} from '../../../domain/workData';
import type { ReportCell, ReportTable } from '../reports/reportExport';
import type { SignalsReport, WorkDataReport, WorkDataRow } from './workData.schema';

const HEADERS: Record<Locale, Record<string, string>> = {
  'zh-CN': {
    sheet: '工作数据',
    types: '按类型',
    channels: '按接触方式',
    trend: '趋势',
    user: '销售',
    team: '团队',
    activities: '跟进次数',
    effective: '有效沟通',
    effectiveRatio: '有效沟通率',
    customersContacted: '接触客户',
    newCustomersContacted: '新客户接触',
    visits: '拜访',
    calls: '电话',
    proposals: '方案/报价',
    customersMovedForward: '推进客户',
    contactedWon: '接触后成交客户',
    conversion: '接触→成交转化率',
    dealsWon: '赢单',
    avgFollowUpsBeforeWin: '赢单前平均跟进次数',
    inquiriesAnswered: '回复询盘',
    avgFirstReplyMinutes: '询盘首次回复平均分钟',
    bucket: '起始日',
    signals: '商机信号',
    signal: '信号',
    tagged: '记录次数',
    customers: '客户数',
    won: '之后成交',
  },
  en: {
    sheet: 'Work data',
    types: 'By type',
    channels: 'By channel',
    trend: 'Trend',
    user: 'Rep',
    team: 'Team',
    activities: 'Activities',
    effective: 'Effective',
    effectiveRatio: 'Effective ratio',
    customersContacted: 'Customers contacted',
    newCustomersContacted: 'New customers contacted',
    visits: 'Visits',
    calls: 'Calls',
    proposals: 'Proposals',
    customersMovedForward: 'Customers moved forward',
    contactedWon: 'Contacted then won',
    conversion: 'Contacted → won',
    dealsWon: 'Deals won',
    avgFollowUpsBeforeWin: 'Avg follow-ups before a win',
    inquiriesAnswered: 'Inquiries answered',
    avgFirstReplyMinutes: 'Avg minutes to first reply',
    bucket: 'From',
    signals: 'Signals',
    signal: 'Signal',
    tagged: 'Tagged',
    customers: 'Customers',
    won: 'Won afterwards',
  },
};

const METRICS = [
  'activities',
  'effective',
  'effectiveRatio',
  'customersContacted',
  'newCustomersContacted',
  'visits',
  'calls',
  'proposals',
  'customersMovedForward',
  'contactedWon',
  'conversion',
  'dealsWon',
  'avgFollowUpsBeforeWin',
  'inquiriesAnswered',
  'avgFirstReplyMinutes',
] as const;

const round = (value: number | null) => (value === null ? null : Math.round(value * 1000) / 1000);
const metricCells = (row: Omit<WorkDataRow, 'userId' | 'userName' | 'teamId' | 'teamName'>) =>
  METRICS.map((key): ReportCell => round(row[key]));

export function workDataTables(
  report: WorkDataReport,
  signals: SignalsReport,
  locale: Locale,
): ReportTable[] {
  const h = HEADERS[locale];
  const channels = [...CONTACT_CHANNELS, 'none'] as const;
  const total = locale === 'zh-CN' ? '合计' : 'Total';
  return [
    {
      title: h.sheet as string,
      headers: [h.user, h.team, ...METRICS.map((key) => h[key])] as string[],
      rows: [
        ...report.rows.map((row) => [row.userName, row.teamName, ...metricCells(row)]),
        [total, null, ...metricCells(report.totals)],
      ],
    },
    {
      title: h.types as string,
      headers: [h.user as string, ...ACTIVITY_TYPES.map((t) => ACTIVITY_TYPE_LABELS[t][locale])],
      rows: report.rows.map((row) => [row.userName, ...ACTIVITY_TYPES.map((t) => row.byType[t])]),
    },
    {
      title: h.channels as string,
      headers: [h.user as string, ...channels.map((c) => CHANNEL_LABELS[c][locale])],
      rows: report.rows.map((row) => [row.userName, ...channels.map((c) => row.byChannel[c])]),
    },
    {
      title: h.trend as string,
      headers: [
        h.bucket,
        h.activities,
        h.effective,
        h.newCustomersContacted,
        h.visits,
        h.calls,
        h.proposals,
      ] as string[],
      rows: report.trend.map((p) => [
        p.bucket,
        p.activities,
        p.effective,
        p.newCustomers,
        p.visits,
        p.calls,
        p.proposals,
      ]),
    },
    {
      title: h.signals as string,
      headers: [h.signal, h.tagged, h.customers, h.won] as string[],
      rows: signals.rows.map((row) => [
        SIGNAL_LABELS[row.signal][locale],
        row.tagged,
        row.customers,
        row.won,
      ]),
    },
  ];
}
