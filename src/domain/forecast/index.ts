export { type ForecastError, forecastError } from './forecastError';
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
export { type WeightedDeal, weightedAmountCents, weightedPipelineCents } from './weightedPipeline';
