import { FunnelChart } from 'echarts/charts';
import { TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import type { Locale } from '../../api/types';
import { exactYuan } from './format';
import type { FunnelStageRow } from './reportsApi';
import { stageColour } from './stageColours';

// Only the funnel: My day loads this chunk lazily and should not pay for the report pages' charts.
echarts.use([FunnelChart, TooltipComponent, CanvasRenderer]);

interface Props {
  /** The open stages, in the funnel's order. */
  stages: FunnelStageRow[];
  locale: Locale;
  label: string;
  height?: number;
}

/**
 * The open deals per stage as a small funnel chart. Sets `data-drawn` on its element once
 * ECharts has finished drawing, so browser tests and the page-speed check can wait for it.
 */
export default function MyFunnelChart({ stages, locale, label, height = 200 }: Props) {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    const node = element.current;
    if (!node) return;
    const instance = echarts.init(node);
    chart.current = instance;
    instance.on('finished', () => node.setAttribute('data-drawn', 'true'));
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(node);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    const amounts = new Map(stages.map((s) => [s.name, s.amount]));
    chart.current?.setOption(
      {
        // Drawn at once: the home page is ready when its chart is, not after a second of animation.
        animation: false,
        tooltip: {
          trigger: 'item',
          formatter: (p: { name: string; value: number }) =>
            `${p.name}: ${p.value} · ${exactYuan(amounts.get(p.name) ?? 0, locale)}`,
        },
        series: [
          {
            type: 'funnel',
            sort: 'none',
            left: '5%',
            width: '90%',
            top: 4,
            bottom: 4,
            min: 0,
            max: Math.max(1, ...stages.map((s) => s.count)),
            minSize: '20%',
            gap: 2,
            label: { show: true, position: 'inside', formatter: '{b}: {c}' },
            data: stages.map((s, i) => ({
              name: s.name,
              value: s.count,
              itemStyle: { color: stageColour(s.key, i) },
            })),
          },
        ],
      },
      { notMerge: true },
    );
  }, [stages, locale]);

  return <div ref={element} role="img" aria-label={label} style={{ width: '100%', height }} />;
}
