// The campaign report as spreadsheet tables (headers in the caller's language): per campaign,
// per source channel and the total; cells are escaped by reportExport like every report.
import type { CampaignType } from '../../../domain/campaigns/campaignTypes';
import type { Locale } from '../../../domain/vocabulary';
import type { ReportCell, ReportTable } from '../reports/reportExport';
import type { CampaignReport } from './campaigns.schema';

const HEADERS: Record<Locale, Record<string, string>> = {
  'zh-CN': {
    perCampaign: '按活动',
    bySource: '按来源渠道',
    name: '活动名称',
    type: '类型',
    source: '来源渠道',
    startsOn: '开始日期',
    endsOn: '结束日期',
    campaigns: '活动数',
    invited: '邀请客户',
    attended: '到场客户',
    movedForward: '推进客户',
    dealsWon: '赢单',
    wonAmount: '赢单金额（元）',
    cost: '费用（元）',
    noSource: '未设置',
    total: '合计',
  },
  en: {
    perCampaign: 'Per campaign',
    bySource: 'By source channel',
    name: 'Campaign',
    type: 'Type',
    source: 'Source channel',
    startsOn: 'Start date',
    endsOn: 'End date',
    campaigns: 'Campaigns',
    invited: 'Invited',
    attended: 'Attended',
    movedForward: 'Moved forward',
    dealsWon: 'Deals won',
    wonAmount: 'Amount won (CNY)',
    cost: 'Cost (CNY)',
    noSource: 'Not set',
    total: 'Total',
  },
};

const TYPE_LABELS: Record<CampaignType, Record<Locale, string>> = {
  seminar: { 'zh-CN': '研讨会', en: 'Seminar' },
  exhibition: { 'zh-CN': '展会', en: 'Exhibition' },
  user_conference: { 'zh-CN': '用户大会', en: 'User conference' },
  roadshow: { 'zh-CN': '路演', en: 'Roadshow' },
  other: { 'zh-CN': '其他', en: 'Other' },
};

const FIGURES = ['invited', 'attended', 'movedForward', 'dealsWon', 'wonAmount', 'cost'] as const;
type Figures = Pick<CampaignReport['total'], (typeof FIGURES)[number]>;
const figureCells = (row: Figures) => FIGURES.map((key): ReportCell => row[key]);

export function campaignReportTables(report: CampaignReport, locale: Locale): ReportTable[] {
  const h = HEADERS[locale];
  const figureHeaders = FIGURES.map((key) => h[key] as string);
  return [
    {
      title: h.perCampaign as string,
      headers: [h.name, h.type, h.source, h.startsOn, h.endsOn, ...figureHeaders] as string[],
      rows: [
        ...report.rows.map((row) => [
          row.name,
          TYPE_LABELS[row.type][locale],
          row.source ?? (h.noSource as string),
          row.startsOn,
          row.endsOn,
          ...figureCells(row),
        ]),
        [h.total as string, null, null, null, null, ...figureCells(report.total)],
      ],
    },
    {
      title: h.bySource as string,
      headers: [h.source, h.campaigns, ...figureHeaders] as string[],
      rows: report.bySource.map((row) => [
        row.source ?? (h.noSource as string),
        row.campaigns,
        ...figureCells(row),
      ]),
    },
  ];
}
