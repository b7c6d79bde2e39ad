export {
  type LeakRate,
  type LeakRateInput,
  leakRate,
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
