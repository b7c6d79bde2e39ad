import { Select } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ReportChart, WON_COLOUR } from '../reports/ReportChart';
import type { CampaignReport } from './api';

const FIGURES = ['invited', 'attended', 'movedForward', 'dealsWon'] as const;
const COLOURS: Record<(typeof FIGURES)[number], string> = {
  invited: '#bfbfbf',
  attended: '#1677ff',
  movedForward: '#fa8c16',
  dealsWon: WON_COLOUR,
};

/** Invited → attended → moved forward → won, per campaign or per source channel. */
export function CampaignReportChart({ report }: { report: CampaignReport }) {
  const { t } = useTranslation();
  const [by, setBy] = useState<'campaign' | 'source'>('campaign');
  const option = useMemo(() => {
    const rows =
      by === 'campaign'
        ? report.rows.map((row) => ({ ...row, label: row.name }))
        : report.bySource.map((row) => ({
            ...row,
            label: row.source ?? t('campaigns.report.noSource'),
          }));
    const names = {
      invited: t('campaigns.report.invited'),
      attended: t('campaigns.report.attended'),
      movedForward: t('campaigns.report.movedForward'),
      dealsWon: t('campaigns.report.dealsWon'),
    };
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 40, right: 16, top: 36, bottom: 8, containLabel: true },
      xAxis: {
        type: 'category',
        data: rows.map((row) => row.label),
        axisLabel: { interval: 0, width: 120, overflow: 'truncate' },
      },
      yAxis: { type: 'value', minInterval: 1 },
      series: FIGURES.map((figure) => ({
        type: 'bar',
        name: names[figure],
        barMaxWidth: 28,
        itemStyle: { color: COLOURS[figure] },
        data: rows.map((row) => row[figure]),
      })),
    };
  }, [report, by, t]);
  return (
    <ReportChart
      title={by === 'campaign' ? t('campaigns.report.perCampaign') : t('campaigns.report.bySource')}
      fileName="campaign-report"
      option={option}
      height={280}
      extra={
        <Select
          size="small"
          aria-label={t('campaigns.report.chartBy')}
          style={{ minWidth: 120, marginRight: 8 }}
          value={by}
          onChange={setBy}
          options={[
            { value: 'campaign', label: t('campaigns.report.perCampaign') },
            { value: 'source', label: t('campaigns.report.bySource') },
          ]}
        />
      }
    />
  );
}
