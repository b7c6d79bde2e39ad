// One palette for stages across the board, charts and tags (UI.md): open stages take the
// palette in funnel order, won is green and lost grey, whatever the funnel calls them.

const OPEN_PALETTE = [
  '#1677ff',
  '#13a8a8',
  '#722ed1',
  '#fa8c16',
  '#eb2f96',
  '#2f54eb',
  '#a0d911',
  '#faad14',
  '#08979c',
  '#531dab',
] as const;
const WON = '#52c41a';
const LOST = '#8c8c8c';

interface StageLike {
  key: string;
  terminal: 'won' | 'lost' | null;
}

/** The colour of `key` among the funnel's `stages`. */
export function stageColor(stages: readonly StageLike[], key: string): string {
  const stage = stages.find((candidate) => candidate.key === key);
  if (stage?.terminal === 'won') return WON;
  if (stage?.terminal === 'lost') return LOST;
  const index = stages
    .filter((candidate) => candidate.terminal === null)
    .indexOf(stage as StageLike);
  return OPEN_PALETTE[Math.max(0, index) % OPEN_PALETTE.length] ?? OPEN_PALETTE[0];
}
