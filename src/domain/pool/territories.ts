/**
 * A grid team's territory (网格): a province, a city within a province, or a tag. New pool
 * customers in a territory go to the owning team's pool first.
 */
export interface Territory {
  province: string | null;
  city: string | null;
  tag: string | null;
}

export interface TerritoryProblem {
  field: 'province' | 'city' | 'tag';
  message: string;
}

const clean = (value: string | null | undefined) => {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
};

export function normalizeTerritory(input: Partial<Territory>): Territory {
  return { province: clean(input.province), city: clean(input.city), tag: clean(input.tag) };
}

/** A territory is either a place (province, optionally a city in it) or a tag, never both. */
export function validateTerritory(territory: Territory): TerritoryProblem[] {
  if (territory.tag && (territory.province || territory.city)) {
    return [{ field: 'tag', message: 'a territory is either a place or a tag, not both' }];
  }
  if (territory.city && !territory.province) {
    return [{ field: 'province', message: 'a city needs its province' }];
  }
  if (!territory.tag && !territory.province) {
    return [{ field: 'province', message: 'give a province (and optionally a city) or a tag' }];
  }
  return [];
}

/** A city is more specific than a province, and a place more than a tag. */
export function territorySpecificity(territory: Territory): number {
  if (territory.city) return 3;
  if (territory.province) return 2;
  return 1;
}

export interface PlacedCustomer {
  province: string | null;
  city: string | null;
  tags: readonly string[];
}

export function territoryMatches(territory: Territory, customer: PlacedCustomer): boolean {
  if (territory.tag) return customer.tags.includes(territory.tag);
  if (territory.province !== customer.province) return false;
  return territory.city === null || territory.city === customer.city;
}

/** The territory a customer falls in: the most specific match, the oldest among equals. */
export function pickTerritory<T extends Territory>(
  territories: readonly T[],
  customer: PlacedCustomer,
): T | null {
  let best: T | null = null;
  for (const territory of territories) {
    if (!territoryMatches(territory, customer)) continue;
    if (!best || territorySpecificity(territory) > territorySpecificity(best)) best = territory;
  }
  return best;
}
