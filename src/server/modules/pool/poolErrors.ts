import { AppError } from '../../http/errors';

export const alreadyClaimed = () =>
  new AppError('already_claimed', 'Someone else has already claimed this customer');

export function claimCooldown(until: Date): AppError {
  return new AppError(
    'claim_cooldown',
    `You gave this customer up recently; you can claim it again from ${until.toISOString()}`,
    undefined,
    { until: until.toISOString() },
  );
}

export function holdingLimitReached(
  status: { count: number; limit: number; source: string },
  adding = 1,
): AppError {
  return new AppError(
    'holding_limit_reached',
    `This would take the list to ${status.count + adding} customers; the limit is ${status.limit}`,
    undefined,
    { limit: status.limit, holding: status.count, limitSource: status.source },
  );
}
