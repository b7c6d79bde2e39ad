import type { CustomerSort } from '../../api/types';

/** The list's filters as GET /customers takes them; a saved view keeps exactly these. */
export const FILTER_KEYS = [
  'q',
  'ownerId',
  'inPool',
  'source',
  'tag',
  'grade',
  'province',
  'city',
  'followUp',
  'archived',
  'qualified',
  'minScore',
] as const;

export const CUSTOMER_SORT_OPTIONS: { value: CustomerSort; labelKey: string }[] = [
  { value: 'nextFollowUpAt', labelKey: 'customers.sort.nextFollowUpAt' },
  { value: '-lastContactAt', labelKey: 'customers.sort.lastContactAt' },
  { value: '-createdAt', labelKey: 'customers.sort.createdAt' },
  { value: '-updatedAt', labelKey: 'customers.sort.updatedAt' },
  { value: 'name', labelKey: 'customers.sort.name' },
  { value: '-score', labelKey: 'customers.sort.score' },
  { value: 'score', labelKey: 'customers.sort.scoreAsc' },
];

/** The filters among the URL's parameters (no sort, no empty values). */
export function filtersOf(params: URLSearchParams): Record<string, string> {
  const filters: Record<string, string> = {};
  for (const key of FILTER_KEYS) {
    const value = params.get(key);
    if (value) filters[key] = value;
  }
  return filters;
}

/** Same filters, whatever the order they were written in. */
export function sameFilters(a: Record<string, string>, b: Record<string, string>): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((key) => (a[key] ?? '') === (b[key] ?? ''));
}
