import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  FunnelReview as FunnelReviewSchema,
  MyReviews as MyReviewsSchema,
  ReviewLineInput,
  TeamOverview as TeamOverviewSchema,
} from '../../../server/modules/funnelReviews/funnelReviews.schema';
import { api, query } from '../../api/client';

export type FunnelReview = z.infer<typeof FunnelReviewSchema>;
export type ReviewLine = FunnelReview['lines'][number];
export type MyReviews = z.infer<typeof MyReviewsSchema>;
export type TeamOverview = z.infer<typeof TeamOverviewSchema>;
export type TeamRow = TeamOverview['rows'][number];
export type LineInput = z.input<typeof ReviewLineInput>;

const KEY = ['funnel-reviews'] as const;

export function useMyReviews() {
  return useQuery({
    queryKey: [...KEY, 'mine'],
    queryFn: () => api.get<MyReviews>('/funnel-reviews/mine'),
  });
}

/** Opens (and on first open creates) the caller's report for a period. */
export function useMyReview(periodKey: string | undefined) {
  return useQuery({
    queryKey: [...KEY, 'mine', periodKey],
    enabled: Boolean(periodKey),
    queryFn: () => api.post<FunnelReview>(`/funnel-reviews/mine/${periodKey}`),
  });
}

/** A manager opening a rep's report for a period (created as the rep's prefilled draft if none). */
export function useRepReview(userId: string | undefined, periodKey: string | undefined) {
  return useQuery({
    queryKey: [...KEY, 'rep', userId, periodKey],
    enabled: Boolean(userId && periodKey),
    queryFn: () => api.post<FunnelReview>(`/funnel-reviews/team/${userId}/${periodKey}`),
  });
}

export function useReview(id: string | undefined) {
  return useQuery({
    queryKey: [...KEY, 'review', id],
    enabled: Boolean(id),
    queryFn: () => api.get<FunnelReview>(`/funnel-reviews/${id}`),
  });
}

export function useTeamOverview(period: string | undefined, enabled = true) {
  return useQuery({
    queryKey: [...KEY, 'team', period ?? 'current'],
    enabled,
    queryFn: () => api.get<TeamOverview>(`/funnel-reviews/team${query({ period })}`),
    placeholderData: keepPreviousData,
  });
}

export function teamExportUrl(period: string, format: 'xlsx' | 'csv', lang: string): string {
  return `/api/v1/funnel-reviews/team/export${query({ period, format, lang })}`;
}

type Change =
  | { kind: 'save'; version: number; note?: string | null; lines?: LineInput[] }
  | { kind: 'submit'; version: number }
  | { kind: 'review'; version: number }
  | { kind: 'comment'; body: string };

/** Every change answers the whole report; it replaces what the queries hold. */
export function useChangeReview(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (change: Change) => {
      switch (change.kind) {
        case 'save':
          return api.patch<FunnelReview>(`/funnel-reviews/${id}`, {
            version: change.version,
            note: change.note,
            lines: change.lines,
          });
        case 'submit':
          return api.post<FunnelReview>(`/funnel-reviews/${id}/submit`, {
            version: change.version,
          });
        case 'review':
          return api.post<FunnelReview>(`/funnel-reviews/${id}/review`, {
            version: change.version,
          });
        case 'comment':
          return api.post<FunnelReview>(`/funnel-reviews/${id}/comments`, { body: change.body });
      }
    },
    onSuccess: (review) => {
      client.setQueryData([...KEY, 'review', id], review);
      client.setQueryData([...KEY, 'mine', review.period.key], review);
      void client.invalidateQueries({ queryKey: [...KEY, 'team'] });
      void client.invalidateQueries({ queryKey: [...KEY, 'mine'], exact: true });
    },
  });
}
