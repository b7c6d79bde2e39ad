import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Reminders } from '../../api/types';

// Apart from ./api so the header's bell brings no more than this into the app frame.
export const remindersKey = ['me', 'reminders'] as const;

export function useReminders() {
  return useQuery({
    queryKey: remindersKey,
    queryFn: () => api.get<Reminders>('/me/reminders'),
    // Tasks fall due while the page stays open.
    refetchInterval: 60_000,
    staleTime: 30_000,
  });
}
