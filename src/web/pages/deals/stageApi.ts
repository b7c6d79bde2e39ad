import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, query } from '../../api/client';
import type { Activity, Checklist, ChecklistBody, GatePreview, Page } from '../../api/types';
import { currentLocale } from '../../i18n';
import { invalidateLifecycle, lifecycleKey } from '../customers/api';
import { dealsKey } from './api';

/**
 * Whose stage the gate components work on: a deal, or (dealId null) the customer's own
 * lifecycle. Both speak the same gate, checklist and move endpoints under different paths.
 */
export interface StageSubject {
  customerId: string;
  customerName: string;
  dealId: string | null;
}

export const subjectOfDeal = (deal: {
  id: string;
  customerId: string;
  customerName: string;
}): StageSubject => ({
  customerId: deal.customerId,
  customerName: deal.customerName,
  dealId: deal.id,
});

const basePath = (subject: StageSubject) =>
  subject.dealId ? `/deals/${subject.dealId}` : `/customers/${subject.customerId}/lifecycle`;

const subjectKey = (subject: StageSubject) =>
  subject.dealId ? [...dealsKey, 'gate', subject.dealId] : lifecycleKey(subject.customerId);

/** A tick, a move: the deal's board, detail and gate, or the customer's card and timeline. */
export function invalidateSubject(queryClient: QueryClient, subject: StageSubject) {
  return subject.dealId
    ? queryClient.invalidateQueries({ queryKey: dealsKey })
    : invalidateLifecycle(queryClient, subject.customerId);
}

/** What a move to `toStageKey` still lacks; re-asked after each tick, follow-up or document. */
export function useGatePreview(subject: StageSubject, toStageKey: string) {
  return useQuery({
    queryKey: [...subjectKey(subject), 'gate', toStageKey, currentLocale()],
    queryFn: () =>
      api.get<GatePreview>(
        `${basePath(subject)}/gate${query({ toStageKey, locale: currentLocale() })}`,
      ),
    staleTime: 0,
  });
}

export function useSetCheck() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ subject, ...body }: ChecklistBody & { subject: StageSubject }) =>
      api.post<Checklist>(
        `${basePath(subject)}/checklist${query({ locale: currentLocale() })}`,
        body,
      ),
    onSuccess: (_checklist, { subject }) => invalidateSubject(queryClient, subject),
  });
}

/** The gate dialog's move; the board's first try (with the deal's version) is useMoveDeal. */
export function useMoveStage() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      subject,
      ...body
    }: {
      subject: StageSubject;
      toStageKey: string;
      overrideReason?: string;
    }) => api.post<unknown>(`${basePath(subject)}/move${query({ locale: currentLocale() })}`, body),
    onSuccess: (_result, { subject }) => invalidateSubject(queryClient, subject),
  });
}

/** Follow-ups a tick can cite: the deal's own, or all of the customer's for its lifecycle. */
export function useSubjectActivities(subject: StageSubject) {
  return useQuery({
    queryKey: [...subjectKey(subject), 'activities'],
    queryFn: async () =>
      (
        await api.get<Page<Activity>>(
          `/customers/${subject.customerId}/activities${query({ limit: 200 })}`,
        )
      ).items.filter((activity) => !subject.dealId || activity.dealId === subject.dealId),
  });
}
