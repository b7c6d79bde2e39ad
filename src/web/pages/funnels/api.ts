import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, query } from '../../api/client';
import type {
  CreateFunnelBody,
  Funnel,
  FunnelTemplate,
  Page,
  UpdateFunnelBody,
} from '../../api/types';
import { currentLocale } from '../../i18n';

// Funnel texts come back in one language, so the language is part of every key.
export const funnelsKey = ['funnels'] as const;
const listKey = (purpose: string | undefined) => [
  ...funnelsKey,
  'list',
  purpose ?? 'all',
  currentLocale(),
];
export const funnelKey = (id: string) => [...funnelsKey, 'one', id, currentLocale()];

/** An org has a handful of funnels: one page holds them all. */
export function useFunnels(purpose?: Funnel['purpose']) {
  return useQuery({
    queryKey: listKey(purpose),
    queryFn: async () =>
      (
        await api.get<Page<Funnel>>(
          `/funnels${query({ limit: 500, purpose, locale: currentLocale() })}`,
        )
      ).items,
  });
}

export function useFunnel(id: string | null | undefined) {
  return useQuery({
    queryKey: funnelKey(id ?? ''),
    queryFn: () => api.get<Funnel>(`/funnels/${id}${query({ locale: currentLocale() })}`),
    enabled: Boolean(id),
  });
}

export function useFunnelTemplates() {
  return useQuery({
    queryKey: ['funnel-templates', currentLocale()],
    queryFn: () =>
      api.get<FunnelTemplate[]>(`/funnel-templates${query({ locale: currentLocale() })}`),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useCreateFunnel() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateFunnelBody) =>
      api.post<Funnel>('/funnels', { ...body, locale: currentLocale() }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: funnelsKey }),
  });
}

export function useUpdateFunnel() {
  const queryClient = useQueryClient();
  return useMutation({
    // Plain-string texts are saved in the language the admin is editing in.
    mutationFn: ({ id, ...body }: UpdateFunnelBody & { id: string }) =>
      api.patch<Funnel>(`/funnels/${id}`, { ...body, locale: currentLocale() }),
    onSuccess: (funnel) => {
      queryClient.setQueryData(funnelKey(funnel.id), funnel);
      return queryClient.invalidateQueries({ queryKey: funnelsKey });
    },
  });
}
