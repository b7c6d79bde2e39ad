import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { api, query } from '../../api/client';
import type { Page } from '../../api/types';

/** One row of GET /audit (src/server/modules/audit/audit.routes.ts). */
export interface AuditEntry {
  id: string;
  at: string;
  userId: string | null;
  userName: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  changes: unknown;
  ip: string | null;
}

export interface AuditFilters {
  userId?: string;
  action?: string;
  entity?: string;
  entityId?: string;
  /** ISO instants; `to` is exclusive. */
  from?: string;
  to?: string;
}

/** The audit log, newest first, 50 rows a page (admins only). */
export function useAuditLog(filters: AuditFilters) {
  return useInfiniteQuery({
    queryKey: ['audit', filters],
    queryFn: ({ pageParam }) =>
      api.get<Page<AuditEntry>>(`/audit${query({ ...filters, limit: 50, cursor: pageParam })}`),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
}
