import { Select } from 'antd';
import { HeatmapChart } from 'echarts/charts';
import { CalendarComponent, VisualMapComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ACTIVITY_TYPES } from '../../../domain/vocabulary';
import { CONTACT_CHANNELS, TARGET_METRICS, type TargetMetric } from '../../../domain/workData';
import { activityTypeLabel } from '../../lib/archiveLabels';
import { ReportChart } from '../reports/ReportChart';
import type { WorkDataReport } from './api';
import { channelLabel, metricLabel } from './labels';

// The calendar heat map's parts; the bar and line charts come with ReportChart.
echarts.use([HeatmapChart, CalendarComponent, VisualMapComponent]);

const daysIn = (report: WorkDataReport) =>
  (Date.parse(report.to) - Date.parse(report.from)) / 86_400_000 + 1;

/** Activities per day of one rep (or everyone shown), as a calendar. */
export function ActivityCalendar({ report }: { report: WorkDataReport }) {
  const { t } = useTranslation();
  const [userId, setUserId] = useState<string | undefined>(undefined);
  const option = useMemo(() => {
    const perDay = new Map<string, number>();
    for (const cell of report.calendar) {
      if (userId && cell.userId !== userId) continue;
      perDay.set(cell.day, (perDay.get(cell.day) ?? 0) + cell.count);
    }
    const max = Math.max(1, ...perDay.values());
    return {
      tooltip: { formatter: (p: { value: [string, number] }) => `${p.value[0]}: ${p.value[1]}` },
      visualMap: {
        min: 0,
        max,
        orient: 'horizontal',
        left: 'center',
        bottom: 0,
        inRange: { color: ['#f0f5ff', '#1677ff'] },
      },
      calendar: {
        range: [report.from, report.to],
        top: 40,
        left: 40,
        // Short periods keep square cells instead of stretching a week across the card (a
        // right edge would fix the width, so it is set only when the cells stretch).
        ...(daysIn(report) > 120 ? { right: 16, cellSize: ['auto', 16] } : { cellSize: [22, 22] }),
        yearLabel: { show: false },
        dayLabel: { firstDay: 1 },
      },
      series: [{ type: 'heatmap', coordinateSystem: 'calendar', data: [...perDay.entries()] }],
    };
  }, [report, userId]);
  return (
    <ReportChart
      title={t('workData.calendar')}
      fileName="work-data-calendar"
      option={option}
      height={240}
      extra={
        <Select
          size="small"
          aria-label={t('workData.calendarRep')}
          allowClear
          placeholder={t('workData.everyone')}
          style={{ minWidth: 140, marginRight: 8 }}
          value={userId}
          onChange={setUserId}
          options={report.rows.map((row) => ({ value: row.userId, label: row.userName }))}
        />
      }
    />
  );
}

/** The scope's daily (or weekly) count of one metric against the summed targets. */
export function TargetTrend({ report }: { report: WorkDataReport }) {
  const { t } = useTranslation();
  const [metric, setMetric] = useState<TargetMetric>('new_customers');
  const option = useMemo(() => {
    const key = {
      new_customers: 'newCustomers',
      effective: 'effective',
      visits: 'visits',
      calls: 'calls',
      proposals: 'proposals',
    } as const;
    const target = report.trendTargets[metric];
    return {
      tooltip: { trigger: 'axis' },
      grid: { left: 40, right: 64, top: 24, bottom: 32 },
      xAxis: { type: 'category', data: report.trend.map((p) => p.bucket) },
      // Room for the target line even when the work stays below it.
      yAxis: {
        type: 'value',
        minInterval: 1,
        max: (extent: { max: number }) => Math.max(extent.max, target ?? 0),
      },
      series: [
        {
          type: 'bar',
          barMaxWidth: 32,
          name: metricLabel(t, metric),
          data: report.trend.map((p) => p[key[metric]]),
          itemStyle: { color: '#1677ff' },
          markLine:
            target === null
              ? undefined
              : {
                  symbol: 'none',
                  lineStyle: { color: '#fa541c', type: 'dashed' },
                  label: { formatter: `${t('workData.target')} ${target}` },
                  data: [{ yAxis: target }],
                },
        },
      ],
    };
  }, [report, metric, t]);
  return (
    <ReportChart
      title={report.granularity === 'day' ? t('workData.trendDaily') : t('workData.trendWeekly')}
      fileName="work-data-trend"
      option={option}
      height={260}
      extra={
        <Select
          size="small"
          aria-label={t('workData.metric')}
          style={{ minWidth: 140, marginRight: 8 }}
          value={metric}
          onChange={setMetric}
          options={TARGET_METRICS.map((m) => ({ value: m, label: metricLabel(t, m) }))}
        />
      }
    />
  );
}

/** Activities per rep, stacked by contact channel or by type. */
export function ChannelBars({ report }: { report: WorkDataReport }) {
  const { t } = useTranslation();
  const [by, setBy] = useState<'channel' | 'type'>('channel');
  const option = useMemo(() => {
    const names = report.rows.map((row) => row.userName);
    const series =
      by === 'channel'
        ? [...CONTACT_CHANNELS, 'none' as const].map((channel) => ({
            type: 'bar',
            stack: 'all',
            name: channelLabel(t, channel),
            data: report.rows.map((row) => row.byChannel[channel]),
          }))
        : ACTIVITY_TYPES.map((type) => ({
            type: 'bar',
            stack: 'all',
            name: activityTypeLabel(t, type),
            data: report.rows.map((row) => row.byType[type]),
          }));
    return {
      tooltip: { trigger: 'axis' },
      legend: { type: 'scroll', top: 0 },
      grid: { left: 40, right: 16, top: 36, bottom: 32 },
      xAxis: { type: 'category', data: names },
      yAxis: { type: 'value', minInterval: 1 },
      series: series.map((item) => ({ ...item, barMaxWidth: 48 })),
    };
  }, [report, by, t]);
  return (
    <ReportChart
      title={by === 'channel' ? t('workData.byChannel') : t('workData.byType')}
      fileName="work-data-channels"
      option={option}
      height={280}
      extra={
        <Select
          size="small"
          aria-label={t('workData.splitBy')}
          style={{ minWidth: 120, marginRight: 8 }}
          value={by}
          onChange={setBy}
          options={[
            { value: 'channel', label: t('workData.byChannel') },
            { value: 'type', label: t('workData.byType') },
          ]}
        />
      }
    />
  );
}
