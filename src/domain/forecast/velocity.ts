// Stage velocity (days in stage, days to close) summarised by nearest-rank percentiles.

/**
 * Nearest-rank percentile: the smallest value with at least p% of the values at or
 * below it, i.e. sorted[ceil(p/100 × n) − 1]. It is always an observed value (whole
 * days stay whole), and the median of an even count is the lower middle value.
 */
export function percentileNearestRank(
  sortedValues: readonly number[],
  percent: number,
): number | null {
  if (sortedValues.length === 0) return null;
  if (!(percent > 0 && percent <= 100))
    throw new RangeError(`percentile must be in (0, 100], got ${percent}`);
  const rank = Math.ceil((percent * sortedValues.length) / 100);
  return sortedValues[Math.max(rank, 1) - 1] ?? null;
}

export interface VelocityStats {
  median: number | null;
  p80: number | null;
  count: number;
}

export function velocityStats(durationsDays: readonly number[]): VelocityStats {
  for (const days of durationsDays) {
    if (!Number.isFinite(days)) throw new RangeError(`${days} is not a duration`);
  }
  const sorted = [...durationsDays].sort((a, b) => a - b);
  return {
    median: percentileNearestRank(sorted, 50),
    p80: percentileNearestRank(sorted, 80),
    count: sorted.length,
  };
}
