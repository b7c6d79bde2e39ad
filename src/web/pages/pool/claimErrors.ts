import type { TFunction } from 'i18next';
import { ApiError } from '../../api/client';
import { currentLocale } from '../../i18n';
import { describeError } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';

const numberOf = (value: unknown) => (typeof value === 'number' ? value : null);

/** Why a claim was refused, with the numbers the server gave: "you hold 50 of 50". */
export function describeClaimError(t: TFunction, error: unknown): string {
  if (!(error instanceof ApiError)) return describeError(t, error);
  const problem = error.problem;
  switch (error.code) {
    case 'holding_limit_reached': {
      const holding = numberOf(problem.holding);
      const limit = numberOf(problem.limit);
      return holding !== null && limit !== null
        ? t('pool.refused.limit', { holding, limit })
        : describeError(t, error);
    }
    case 'claim_cooldown':
      return typeof problem.until === 'string'
        ? t('pool.refused.cooldown', { until: formatDateTime(problem.until, currentLocale()) })
        : describeError(t, error);
    case 'claim_quota_reached': {
      const quota = numberOf(problem.quota);
      return quota !== null ? t('pool.refused.quota', { quota }) : describeError(t, error);
    }
    case 'already_claimed':
      return t('pool.refused.taken');
    default:
      return describeError(t, error);
  }
}
