export {
  ACCOUNT_QUADRANTS,
  type AccountQuadrant,
  accountQuadrant,
  customerValueCents,
  QUADRANT_LABELS,
} from './accountQuadrant';
export {
  type LeakRate,
  type LeakRateInput,
  leakRate,
  leakRatePercent,
  periodContaining,
  periodFromKey,
  reportDueDate,
  type SemiMonthlyPeriod,
  semiMonthlyPeriods,
} from './leakRate';
export {
  type BucketEdgesResult,
  type BucketTotal,
  bucketIndex,
  bucketLabel,
  bucketsFromEdges,
  DEFAULT_BUCKET_EDGES_YUAN,
  edgeLabel,
  MAX_BUCKET_EDGES,
  parseBucketEdges,
  type RevenueBucket,
  totalsByBucket,
} from './revenueBuckets';
