import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Collaborator,
  CollaboratorAccess,
  CustomerCollaborators,
  Share,
} from '../../../server/modules/collaborators/collaborators.schema';
import { api, query } from '../../api/client';
import type { Page } from '../../api/types';

export type { Collaborator, CollaboratorAccess, CustomerCollaborators, Share };

const key = (customerId: string) => ['customers', 'collaborators', customerId] as const;

/** Who the customer is shared with, and what the caller may do with it (owner, write, read). */
export function useCollaborators(customerId: string) {
  return useQuery({
    queryKey: key(customerId),
    queryFn: () => api.get<CustomerCollaborators>(`/customers/${customerId}/collaborators`),
  });
}

function useInvalidate(customerId: string) {
  const client = useQueryClient();
  // Shares show on the timeline and in the managers' list too.
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: key(customerId) }),
      client.invalidateQueries({ queryKey: ['customers', 'timeline', customerId] }),
      client.invalidateQueries({ queryKey: ['shares'] }),
    ]);
}

export function useShare(customerId: string) {
  const invalidate = useInvalidate(customerId);
  return useMutation({
    mutationFn: (input: { userId: string; access: CollaboratorAccess }) =>
      api.put<Collaborator>(`/customers/${customerId}/collaborators/${input.userId}`, {
        access: input.access,
      }),
    onSuccess: invalidate,
  });
}

export function useUnshare(customerId: string) {
  const invalidate = useInvalidate(customerId);
  return useMutation({
    mutationFn: (userId: string) => api.delete(`/customers/${customerId}/collaborators/${userId}`),
    onSuccess: invalidate,
  });
}

export function useShares(params: { userId?: string; ownerId?: string; access?: string }) {
  return useInfiniteQuery({
    queryKey: ['shares', params],
    queryFn: ({ pageParam }) =>
      api.get<Page<Share>>(`/collaborators${query({ ...params, limit: 100, cursor: pageParam })}`),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}
