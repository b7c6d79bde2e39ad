import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, query } from '../../api/client';
import type { BucketCustomer, Page, RevenueBuckets } from '../../api/types';

/** The report's filters as the API takes them: edges in 元, days as YYYY-MM-DD. */
export interface RevenueFilters {
  edges: string;
  product?: string;
  from?: string;
  to?: string;
}

export type RevenueBucketRow = RevenueBuckets['buckets'][number];

/** A bucket's bounds for its customer list: the first bucket has no lower bound (net returns). */
export interface BucketRange {
  min?: number;
  max?: number;
}

export function useRevenueBuckets(filters: RevenueFilters) {
  return useQuery({
    queryKey: ['reports', 'revenue-buckets', filters],
    queryFn: () => api.get<RevenueBuckets>(`/reports/revenue-buckets${query({ ...filters })}`),
    placeholderData: keepPreviousData,
  });
}

/** The customers whose total falls in one bucket, largest first, a page at a time. */
export function useBucketCustomers(filters: RevenueFilters, range: BucketRange | null) {
  return useInfiniteQuery({
    queryKey: ['reports', 'revenue-buckets', 'customers', filters, range],
    enabled: range !== null,
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      api.get<Page<BucketCustomer>>(
        `/reports/revenue-buckets/customers${query({
          ...filters,
          min: range?.min,
          max: range?.max,
          limit: 50,
          cursor: pageParam,
        })}`,
      ),
    getNextPageParam: (last) => last.nextCursor,
  });
}
