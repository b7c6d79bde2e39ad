import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import type { Locale, User } from './types';

export const meKey = ['me'] as const;

/** The signed-in user's query, also started early by startup.ts. */
export const meQuery = queryOptions({
  queryKey: meKey,
  queryFn: () => api.get<User>('/me'),
  staleTime: 60_000,
});

/** The signed-in user; a 401 here sends the browser to the login page (see client.ts). */
export function useMe() {
  return useQuery(meQuery);
}

export function login(email: string, password: string) {
  return api.post<{ token: string; user: User }>('/auth/login', { email, password });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<void>('/auth/logout'),
    // Whatever the answer, nothing of this user may stay in the cache.
    onSettled: () => queryClient.clear(),
  });
}

export function saveMyLocale(locale: Locale) {
  return api.patch<User>('/me', { locale });
}

export function changePassword(
  userId: string,
  body: { password: string; currentPassword?: string },
) {
  return api.post<void>(`/users/${userId}/password`, body);
}
