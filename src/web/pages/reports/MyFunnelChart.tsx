import { useEffect, useRef } from 'react';
import type { Locale } from '../../api/types';
import { exactYuan } from './format';
import type { FunnelStageRow } from './reportsApi';
import { stageColour } from './stageColours';

// My day draws its small funnel as plain SVG rather than with ECharts: ECharts' core alone is
// ~130 KB gzipped, more than a third of the home page's 350 KB budget (docs/performance.md).
// The report pages keep ECharts (ReportChart) with its PNG download; this one has the stage
// table beside it and a link to the full report.

interface Props {
  /** The open stages, in the funnel's order. */
  stages: FunnelStageRow[];
  locale: Locale;
  label: string;
  height?: number;
}

/** Drawing units across; the SVG stretches to its box, the labels are HTML and do not. */
const WIDTH = 100;
const GAP = 2;
/** The narrowest piece, as a share of the widest (an empty stage still shows). */
const MIN_SIZE = 0.2;

/** Piece widths in drawing units: MIN_SIZE..1 of WIDTH, scaled to the largest count. */
function widths(stages: FunnelStageRow[]): number[] {
  const max = Math.max(1, ...stages.map((s) => s.count));
  return stages.map((s) => WIDTH * (MIN_SIZE + (1 - MIN_SIZE) * (s.count / max)));
}

/**
 * The open deals per stage as a small funnel, each piece as wide as its count (top) and the
 * next stage's (bottom), in the funnel's order. Sets `data-drawn` once the browser has
 * painted it, so browser tests and the page-speed check can wait for it.
 */
export default function MyFunnelChart({ stages, locale, label, height = 200 }: Props) {
  const element = useRef<HTMLDivElement>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: each new drawing is marked again
  useEffect(() => {
    const node = element.current;
    if (!node) return;
    node.removeAttribute('data-drawn');
    // The frame after the commit is the one the browser paints.
    const frame = requestAnimationFrame(() => node.setAttribute('data-drawn', 'true'));
    return () => cancelAnimationFrame(frame);
  }, [stages, locale]);

  const tops = widths(stages);
  const pieceHeight = (height - GAP * (stages.length - 1)) / Math.max(1, stages.length);
  return (
    <div
      ref={element}
      role="img"
      aria-label={label}
      style={{ position: 'relative', width: '100%', height }}
    >
      <svg
        width="100%"
        height={height}
        viewBox={`0 0 ${WIDTH} ${height}`}
        preserveAspectRatio="none"
        aria-hidden
        style={{ display: 'block' }}
      >
        {stages.map((stage, i) => {
          const top = tops[i] ?? 0;
          const bottom = tops[i + 1] ?? top * MIN_SIZE;
          const y = i * (pieceHeight + GAP);
          const points = [
            [(WIDTH - top) / 2, y],
            [(WIDTH + top) / 2, y],
            [(WIDTH + bottom) / 2, y + pieceHeight],
            [(WIDTH - bottom) / 2, y + pieceHeight],
          ];
          return (
            <polygon
              key={stage.key}
              points={points.map((p) => p.join(',')).join(' ')}
              fill={stageColour(stage.key, i)}
            >
              <title>{`${stage.name}: ${stage.count} · ${exactYuan(stage.amount, locale)}`}</title>
            </polygon>
          );
        })}
      </svg>
      {stages.map((stage, i) => (
        <div
          key={stage.key}
          aria-hidden
          style={{
            position: 'absolute',
            left: 0,
            right: 0,
            top: i * (pieceHeight + GAP),
            height: pieceHeight,
            lineHeight: `${pieceHeight}px`,
            textAlign: 'center',
            color: '#fff',
            // A narrow piece's label runs past its edges onto the white card: the halo keeps
            // those letters readable.
            textShadow: '0 0 2px rgba(0, 0, 0, 0.75), 0 0 1px rgba(0, 0, 0, 0.9)',
            fontSize: 12,
            whiteSpace: 'nowrap',
            overflow: 'hidden',
            pointerEvents: 'none',
          }}
        >
          {stage.name}: {stage.count}
        </div>
      ))}
    </div>
  );
}
