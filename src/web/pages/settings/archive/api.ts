import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client';
import type {
  CreateCustomFieldDefRequest,
  CreateTopicRequest,
  CustomFieldDef,
  Locale,
  OrgSettingsView,
  Page,
  SourceChannel,
  Topic,
  UpdateCustomFieldDefRequest,
  UpdateOrgSettingsRequest,
  UpdateSourceChannelRequest,
  UpdateTopicRequest,
} from '../../../api/types';

// The org's lists behind the customer archive: source channels, custom fields, follow-up
// topics and the org settings. Forms read the active entries; the settings pages all.

const channelsKey = ['settings', 'source-channels'] as const;
const fieldsKey = ['settings', 'custom-fields'] as const;
const topicsKey = ['settings', 'topics'] as const;
const orgKey = ['settings', 'org'] as const;

export function useSourceChannels(all = false) {
  return useQuery({
    queryKey: [...channelsKey, all],
    queryFn: async () =>
      (
        await api.get<Page<SourceChannel>>(
          `/settings/source-channels?active=${all ? 'all' : 'true'}`,
        )
      ).items,
  });
}

export function useCustomFieldDefs(all = false) {
  return useQuery({
    queryKey: [...fieldsKey, all],
    queryFn: async () =>
      (
        await api.get<Page<CustomFieldDef>>(
          `/settings/custom-fields?active=${all ? 'all' : 'true'}`,
        )
      ).items,
  });
}

export function useTopics(all = false) {
  return useQuery({
    queryKey: [...topicsKey, all],
    queryFn: async () =>
      (await api.get<Page<Topic>>(`/topics?active=${all ? 'all' : 'true'}`)).items,
  });
}

export function useOrgSettings() {
  return useQuery({ queryKey: orgKey, queryFn: () => api.get<OrgSettingsView>('/settings/org') });
}

interface GradingSettings {
  ruleSet: { grades: { grade: string; label: Record<Locale, string> }[] };
}

/** The org's grades (VIP/A/B/C or its own), for the customer list's filter. */
export function useGrades() {
  return useQuery({
    queryKey: ['settings', 'grading', 'grades'],
    queryFn: async () => (await api.get<GradingSettings>('/settings/grading')).ruleSet.grades,
    staleTime: 300_000,
  });
}

function useSaved(key: readonly string[]) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: key });
}

export function useCreateSourceChannel() {
  const saved = useSaved(channelsKey);
  return useMutation({
    mutationFn: (name: string) => api.post<SourceChannel>('/settings/source-channels', { name }),
    onSuccess: saved,
  });
}

export function useUpdateSourceChannel() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: UpdateSourceChannelRequest & { id: string }) =>
      api.patch<SourceChannel>(`/settings/source-channels/${id}`, body),
    // A rename renames the source of every customer too.
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: channelsKey }),
        queryClient.invalidateQueries({ queryKey: ['customers'] }),
      ]),
  });
}

export function useReorderSourceChannels() {
  const saved = useSaved(channelsKey);
  return useMutation({
    mutationFn: (ids: string[]) =>
      api.put<Page<SourceChannel>>('/settings/source-channels/order', { ids }),
    onSettled: saved,
  });
}

export function useCreateCustomField() {
  const saved = useSaved(fieldsKey);
  return useMutation({
    mutationFn: (body: CreateCustomFieldDefRequest) =>
      api.post<CustomFieldDef>('/settings/custom-fields', body),
    onSuccess: saved,
  });
}

export function useUpdateCustomField() {
  const saved = useSaved(fieldsKey);
  return useMutation({
    mutationFn: ({ id, ...body }: UpdateCustomFieldDefRequest & { id: string }) =>
      api.patch<CustomFieldDef>(`/settings/custom-fields/${id}`, body),
    onSettled: saved,
  });
}

export function useCreateTopic() {
  const saved = useSaved(topicsKey);
  return useMutation({
    mutationFn: (body: CreateTopicRequest) => api.post<Topic>('/topics', body),
    onSuccess: saved,
  });
}

export function useUpdateTopic() {
  const saved = useSaved(topicsKey);
  return useMutation({
    mutationFn: ({ id, ...body }: UpdateTopicRequest & { id: string }) =>
      api.patch<Topic>(`/topics/${id}`, body),
    onSettled: saved,
  });
}

export function useDeleteTopic() {
  const saved = useSaved(topicsKey);
  return useMutation({
    mutationFn: (id: string) => api.delete(`/topics/${id}`),
    onSuccess: saved,
  });
}

export function useUpdateOrgSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateOrgSettingsRequest) =>
      api.patch<OrgSettingsView>('/settings/org', body),
    onSuccess: (settings) =>
      Promise.all([
        queryClient.setQueryData(orgKey, settings),
        // My day's "not followed up for N days" list depends on it.
        queryClient.invalidateQueries({ queryKey: ['me', 'day'] }),
      ]),
  });
}
