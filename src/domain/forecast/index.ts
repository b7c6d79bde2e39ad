export { type ForecastError, forecastError } from './forecastError';
export {
  type CalendarPeriod,
  type PeriodUnit,
  parsePeriodKey,
  periodOfDay,
  previousPeriods,
} from './forecastPeriod';
export {
  type DealForecast,
  type ForecastPeriod,
  type HistoryForecast,
  historyForecast,
  type OpenDeal,
} from './historyForecast';
export {
  type DealStageFacts,
  historicalStageWinRates,
  type StageVisit,
  type StageWinRate,
} from './stageWinRates';
export { percentileNearestRank, type VelocityStats, velocityStats } from './velocity';
export { type WeightedOpenDeal, weightedForecastCents } from './weightedForecast';
export { type WeightedDeal, weightedAmountCents, weightedPipelineCents } from './weightedPipeline';
