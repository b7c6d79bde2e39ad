import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, query } from '../../api/client';
import { meKey } from '../../api/session';
import type {
  CreateTeamRequest,
  CreateUserRequest,
  Page,
  Team,
  UpdateTeamRequest,
  UpdateUserRequest,
  User,
} from '../../api/types';

export const usersKey = ['users'] as const;
export const teamsKey = ['teams'] as const;

/**
 * All users of the org. The API pages by id with no sort or search yet, and an org has a
 * few hundred people at most, so we take every page and sort and filter in the table.
 */
async function findAllUsers(): Promise<User[]> {
  const users: User[] = [];
  let cursor: string | null = null;
  do {
    const page: Page<User> = await api.get(`/users${query({ limit: 500, cursor })}`);
    users.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return users;
}

export function useUsers() {
  return useQuery({ queryKey: usersKey, queryFn: findAllUsers });
}

export function useTeams() {
  return useQuery({
    queryKey: teamsKey,
    queryFn: async () => (await api.get<Page<Team>>('/teams')).items,
  });
}

/** Users and teams change each other's numbers (member counts, team names), so both reload. */
function useInvalidateDirectory() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: usersKey }),
      queryClient.invalidateQueries({ queryKey: teamsKey }),
      queryClient.invalidateQueries({ queryKey: meKey }),
    ]);
}

export function useCreateUser() {
  const invalidate = useInvalidateDirectory();
  return useMutation({
    mutationFn: (body: CreateUserRequest) => api.post<User>('/users', body),
    onSuccess: invalidate,
  });
}

export function useUpdateUser() {
  const invalidate = useInvalidateDirectory();
  return useMutation({
    mutationFn: ({ id, ...body }: UpdateUserRequest & { id: string }) =>
      api.patch<User>(`/users/${id}`, body),
    onSuccess: invalidate,
  });
}

export function useCreateTeam() {
  const invalidate = useInvalidateDirectory();
  return useMutation({
    mutationFn: (body: CreateTeamRequest) => api.post<Team>('/teams', body),
    onSuccess: invalidate,
  });
}

export function useUpdateTeam() {
  const invalidate = useInvalidateDirectory();
  return useMutation({
    mutationFn: ({ id, ...body }: UpdateTeamRequest & { id: string }) =>
      api.patch<Team>(`/teams/${id}`, body),
    onSuccess: invalidate,
  });
}
