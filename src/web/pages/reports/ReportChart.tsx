import DownloadOutlined from '@ant-design/icons/es/icons/DownloadOutlined';
import { Button, Card } from 'antd';
import { BarChart, FunnelChart, LineChart, PieChart, ScatterChart } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { type ReactNode, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadDataUrl } from './download';

// The chart types of the funnel, forecast and assessment pages; this file lives in their chunks.
echarts.use([
  FunnelChart,
  BarChart,
  LineChart,
  PieChart,
  ScatterChart,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
  CanvasRenderer,
]);

export { LOST_COLOUR, STAGE_COLOURS, stageColour, WON_COLOUR } from './stageColours';

interface Props {
  title: ReactNode;
  /** File name of the PNG, without extension. */
  fileName: string;
  option: echarts.EChartsCoreOption;
  height?: number;
  extra?: ReactNode;
  children?: ReactNode;
}

/** A card with an ECharts chart, its PNG download, and whatever table goes with it below. */
export function ReportChart({ title, fileName, option, height = 320, extra, children }: Props) {
  const { t } = useTranslation();
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    if (!element.current) return;
    const instance = echarts.init(element.current);
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  const download = () => {
    const url = chart.current?.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' });
    if (url) downloadDataUrl(url, `${fileName}.png`);
  };

  return (
    <Card
      size="small"
      title={title}
      extra={
        <>
          {extra}
          <Button size="small" icon={<DownloadOutlined />} onClick={download}>
            {t('funnelReport.png')}
          </Button>
        </>
      }
    >
      <div
        ref={element}
        role="img"
        aria-label={typeof title === 'string' ? title : fileName}
        style={{ width: '100%', height }}
      />
      {children}
    </Card>
  );
}
