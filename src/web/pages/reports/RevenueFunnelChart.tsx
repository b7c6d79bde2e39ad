import { FunnelChart } from 'echarts/charts';
import { TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { type Ref, useEffect, useImperativeHandle, useRef } from 'react';

// Only the funnel and its tooltip: this file lives in the report page's chunk.
echarts.use([FunnelChart, TooltipComponent, CanvasRenderer]);

export interface FunnelSegment {
  name: string;
  /** Written on the segment. */
  label: string;
  /** The segment's width: customers in the bucket. */
  value: number;
  /** Shown in the tooltip. */
  detail: string;
}

export interface FunnelChartHandle {
  /** The chart as a PNG data URL on a white background. */
  pngDataUrl(): string | null;
}

interface Props {
  segments: FunnelSegment[];
  ariaLabel: string;
  onSegmentClick: (index: number) => void;
  ref?: Ref<FunnelChartHandle>;
}

/** The revenue buckets as a funnel, top to bottom in bucket order (never re-sorted). */
export function RevenueFunnelChart({ segments, ariaLabel, onSegmentClick, ref }: Props) {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const clickHandler = useRef(onSegmentClick);
  clickHandler.current = onSegmentClick;

  useEffect(() => {
    if (!element.current) return;
    const instance = echarts.init(element.current);
    chart.current = instance;
    instance.on('click', (event) => clickHandler.current(event.dataIndex));
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    const max = Math.max(1, ...segments.map((segment) => segment.value));
    chart.current?.setOption(
      {
        tooltip: {
          trigger: 'item',
          formatter: (params: { dataIndex: number }) => segments[params.dataIndex]?.detail ?? '',
        },
        series: [
          {
            type: 'funnel',
            sort: 'none',
            min: 0,
            max,
            minSize: '20%',
            left: '5%',
            width: '90%',
            top: 8,
            bottom: 8,
            gap: 2,
            cursor: 'pointer',
            label: {
              show: true,
              position: 'inside',
              formatter: (params: { dataIndex: number }) => segments[params.dataIndex]?.label ?? '',
            },
            data: segments.map((segment) => ({ name: segment.name, value: segment.value })),
          },
        ],
      },
      { notMerge: true },
    );
  }, [segments]);

  useImperativeHandle(ref, () => ({
    pngDataUrl: () =>
      chart.current?.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' }) ?? null,
  }));

  return (
    <div ref={element} role="img" aria-label={ariaLabel} style={{ width: '100%', height: 360 }} />
  );
}
