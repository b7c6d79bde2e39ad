// Account assessment (seed 003 "Account Assessment 客户评估表": 根据现有收入和未来前景来评估你的客户):
// current revenue against future potential, split at a benchmark on each axis into the
// four segments of seed 000 (战略客户、重点客户、一般客户和潜在客户).

export type AccountQuadrant = 'strategic' | 'key' | 'potential' | 'general';

export const ACCOUNT_QUADRANTS: readonly AccountQuadrant[] = [
  'strategic',
  'key',
  'potential',
  'general',
];

export const QUADRANT_LABELS: Record<AccountQuadrant, { 'zh-CN': string; en: string }> = {
  strategic: { 'zh-CN': '战略客户', en: 'Strategic accounts' },
  key: { 'zh-CN': '重点客户', en: 'Key accounts' },
  potential: { 'zh-CN': '潜在客户', en: 'Potential accounts' },
  general: { 'zh-CN': '一般客户', en: 'General accounts' },
};

/**
 * High current revenue and high potential: strategic; high revenue, little potential left:
 * key (保持); little revenue yet, high potential: potential (发展); neither: general.
 * "High" means above zero and at or above the benchmark: with no sales in the period the
 * average revenue is 0, and a customer without revenue is not a high-revenue one.
 */
export function accountQuadrant(
  currentCents: number,
  potentialCents: number,
  benchmarks: { currentCents: number; potentialCents: number },
): AccountQuadrant {
  const highCurrent = currentCents > 0 && currentCents >= benchmarks.currentCents;
  const highPotential = potentialCents > 0 && potentialCents >= benchmarks.potentialCents;
  if (highCurrent) return highPotential ? 'strategic' : 'key';
  return highPotential ? 'potential' : 'general';
}

/** Customer value (客户价值) = current + potential, in cents. */
export function customerValueCents(currentCents: number, potentialCents: number): number {
  const value = currentCents + potentialCents;
  if (!Number.isSafeInteger(value)) throw new RangeError('customer value overflows');
  return value;
}
