// The stage palette without ECharts, so cards outside the chart chunks (My day) can colour stages.

/** One palette for stages across charts (antd's preset colours, in funnel order). */
export const STAGE_COLOURS = [
  '#1677ff',
  '#13c2c2',
  '#52c41a',
  '#faad14',
  '#722ed1',
  '#eb2f96',
  '#fa8c16',
  '#2f54eb',
  '#a0d911',
];
export const WON_COLOUR = '#389e0d';
export const LOST_COLOUR = '#8c8c8c';

export function stageColour(key: string, index: number): string {
  if (key === 'won') return WON_COLOUR;
  if (key === 'lost') return LOST_COLOUR;
  return STAGE_COLOURS[index % STAGE_COLOURS.length] ?? '#1677ff';
}
