import {
  keepPreviousData,
  type QueryClient,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { api, query } from '../../api/client';
import type {
  Activity,
  Contact,
  CreateActivityRequest,
  CreateContactRequest,
  CreateCustomerRequest,
  Customer,
  DecisionChain,
  DuplicateMatch,
  Lifecycle,
  Page,
  SavedView,
  TimelineItem,
  UpdateContactRequest,
  UpdateCustomerRequest,
} from '../../api/types';
import { currentLocale } from '../../i18n';
import { invalidateTaskViews } from '../tasks/api';

export const customersKey = ['customers'] as const;
const customerKey = (id: string) => ['customers', 'one', id] as const;
const contactsKey = (id: string) => ['customers', 'contacts', id] as const;
const chainKey = (id: string) => ['customers', 'chain', id] as const;
const timelineKey = (id: string) => ['customers', 'timeline', id] as const;
export const lifecycleKey = (id: string) => ['customers', 'lifecycle', id] as const;
const viewsKey = ['views', 'customers'] as const;

/** The list's query parameters as the URL and saved views keep them. */
export type ListParams = Record<string, string>;

export function useCustomerList(params: ListParams) {
  return useInfiniteQuery({
    queryKey: [...customersKey, 'list', params],
    queryFn: ({ pageParam }) =>
      api.get<Page<Customer>>(`/customers${query({ ...params, limit: 50, cursor: pageParam })}`),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    // Changing a filter keeps the old rows on screen until the new ones arrive.
    placeholderData: keepPreviousData,
  });
}

export function useCustomer(id: string) {
  return useQuery({
    queryKey: customerKey(id),
    queryFn: () => api.get<Customer>(`/customers/${id}`),
  });
}

export interface DuplicateProbe {
  name?: string;
  phone?: string;
  email?: string;
  website?: string;
  excludeId?: string;
}

/** Possible duplicates of what the form holds; asks only when there is something to match. */
export function useDuplicateCheck(probe: DuplicateProbe) {
  const enabled = Boolean(
    (probe.name && probe.name.trim().length >= 2) || probe.phone || probe.email || probe.website,
  );
  return useQuery({
    queryKey: [...customersKey, 'duplicates', probe],
    queryFn: async () =>
      (await api.get<{ matches: DuplicateMatch[] }>(`/customers/duplicates${query({ ...probe })}`))
        .matches,
    enabled,
    staleTime: 10_000,
  });
}

export function useCreateCustomer() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateCustomerRequest) => api.post<Customer>('/customers', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: customersKey }),
  });
}

export function useUpdateCustomer() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: UpdateCustomerRequest & { id: string }) =>
      api.patch<Customer>(`/customers/${id}`, body),
    onSuccess: (customer) => {
      queryClient.setQueryData(customerKey(customer.id), customer);
      return queryClient.invalidateQueries({ queryKey: customersKey });
    },
  });
}

export function useContacts(customerId: string) {
  return useQuery({
    queryKey: contactsKey(customerId),
    queryFn: async () =>
      (await api.get<Page<Contact>>(`/customers/${customerId}/contacts?limit=500`)).items,
  });
}

export function useDecisionChain(customerId: string) {
  return useQuery({
    queryKey: chainKey(customerId),
    queryFn: () => api.get<DecisionChain>(`/customers/${customerId}/decision-chain`),
  });
}

/** Contacts change the chain, the timeline and My day's birthdays. */
function useInvalidateContacts() {
  const queryClient = useQueryClient();
  return (customerId: string) =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: contactsKey(customerId) }),
      queryClient.invalidateQueries({ queryKey: chainKey(customerId) }),
      invalidateTaskViews(queryClient),
    ]);
}

export function useCreateContact() {
  const invalidate = useInvalidateContacts();
  return useMutation({
    mutationFn: (body: CreateContactRequest) => api.post<Contact>('/contacts', body),
    onSuccess: (contact) => invalidate(contact.customerId),
  });
}

export function useUpdateContact() {
  const invalidate = useInvalidateContacts();
  return useMutation({
    mutationFn: ({ id, ...body }: UpdateContactRequest & { id: string }) =>
      api.patch<Contact>(`/contacts/${id}`, body),
    onSuccess: (contact) => invalidate(contact.customerId),
  });
}

export function useTimeline(customerId: string) {
  return useInfiniteQuery({
    queryKey: timelineKey(customerId),
    queryFn: ({ pageParam }) =>
      api.get<Page<TimelineItem>>(
        `/customers/${customerId}/timeline${query({ limit: 30, cursor: pageParam })}`,
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

/** The customer's place in the org's lifecycle funnel (目标→…→在网) with its gate work. */
export function useLifecycle(customerId: string) {
  return useQuery({
    queryKey: [...lifecycleKey(customerId), 'card', currentLocale()],
    queryFn: () =>
      api.get<Lifecycle>(`/customers/${customerId}/lifecycle${query({ locale: currentLocale() })}`),
  });
}

/** A lifecycle tick or move changes the card, its gate and the timeline's stage moves. */
export function invalidateLifecycle(queryClient: QueryClient, customerId: string) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: lifecycleKey(customerId) }),
    queryClient.invalidateQueries({ queryKey: timelineKey(customerId) }),
  ]);
}

export function useLogActivity() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateActivityRequest) => api.post<Activity>('/activities', body),
    // The customer's last contact and next follow-up follow from it; its next action is a task.
    onSuccess: (activity) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: timelineKey(activity.customerId) }),
        queryClient.invalidateQueries({ queryKey: customersKey }),
        invalidateTaskViews(queryClient),
        // Work data: My day's progress and the signal suggestions count it.
        queryClient.invalidateQueries({ queryKey: ['signal-suggestions'] }),
        queryClient.invalidateQueries({ queryKey: ['me', 'activity-progress'] }),
      ]),
  });
}

export function useSavedViews() {
  return useQuery({
    queryKey: viewsKey,
    queryFn: async () => (await api.get<Page<SavedView>>('/views?entity=customers')).items,
  });
}

export function useCreateSavedView() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { name: string; filters: ListParams }) =>
      api.post<SavedView>('/views', { entity: 'customers', ...body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: viewsKey }),
  });
}

export function useDeleteSavedView() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/views/${id}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: viewsKey }),
  });
}
