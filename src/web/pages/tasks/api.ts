import {
  keepPreviousData,
  type QueryClient,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { api, query } from '../../api/client';
import type { CreateTaskRequest, MyDay, Page, Task, UpdateTaskRequest } from '../../api/types';
import { remindersKey } from './reminders';

const tasksKey = ['tasks'] as const;
const myDayKey = ['me', 'day'] as const;

/** Everything that shows tasks, birthdays or follow-up dates: after any change to them. */
export function invalidateTaskViews(queryClient: QueryClient) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: tasksKey }),
    queryClient.invalidateQueries({ queryKey: myDayKey }),
    queryClient.invalidateQueries({ queryKey: remindersKey }),
  ]);
}

export function useMyDay() {
  return useQuery({ queryKey: myDayKey, queryFn: () => api.get<MyDay>('/me/day') });
}

export interface TaskParams {
  status: string;
  due?: string;
  assigneeId?: string;
  customerId?: string;
}

export function useTasks(params: TaskParams) {
  return useInfiniteQuery({
    queryKey: [...tasksKey, 'list', params],
    queryFn: ({ pageParam }) =>
      api.get<Page<Task>>(`/tasks${query({ ...params, limit: 50, cursor: pageParam })}`),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
}

export function useCreateTask() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateTaskRequest) => api.post<Task>('/tasks', body),
    onSuccess: () => invalidateTaskViews(queryClient),
  });
}

export function useUpdateTask() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: UpdateTaskRequest & { id: string }) =>
      api.patch<Task>(`/tasks/${id}`, body),
    // A done task may move the customer's next follow-up date too.
    onSettled: () =>
      Promise.all([
        invalidateTaskViews(queryClient),
        queryClient.invalidateQueries({ queryKey: ['customers'] }),
      ]),
  });
}
