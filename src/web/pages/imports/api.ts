import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, query } from '../../api/client';
import type {
  DuplicateMode,
  ImportJob,
  ImportKind,
  ImportMapping,
  ImportPreview,
  Page,
} from '../../api/types';

export type ImportListItem = Omit<ImportJob, 'errors'>;

export const importsKey = ['imports'] as const;

export const FILE_TYPES = ['.xlsx', '.xls', '.csv'] as const;

export function hasAcceptedType(fileName: string): boolean {
  const lower = fileName.toLowerCase();
  return FILE_TYPES.some((type) => lower.endsWith(type));
}

export interface UploadRequest {
  file: File;
  kind: ImportKind;
  /** Absent: the server guesses from the headers. */
  mapping?: ImportMapping;
  createCustomers?: boolean;
  onDuplicate?: DuplicateMode;
}

function formOf(upload: UploadRequest): FormData {
  const form = new FormData();
  // Text fields first: the server reads the parts in order and the file is the big one.
  form.append('kind', upload.kind);
  if (upload.mapping) form.append('mapping', JSON.stringify(upload.mapping));
  if (upload.createCustomers !== undefined) {
    form.append('createCustomers', String(upload.createCustomers));
  }
  if (upload.onDuplicate) form.append('onDuplicate', upload.onDuplicate);
  form.append('file', upload.file, upload.file.name);
  return form;
}

/** The mapping step: headers, the guessed mapping and the first rows as the import reads them. */
export function previewImport(upload: UploadRequest): Promise<ImportPreview> {
  return api.post<ImportPreview>('/imports/preview', formOf(upload));
}

export function useStartImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (upload: UploadRequest) => api.post<{ id: string }>('/imports', formOf(upload)),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: importsKey }),
  });
}

const RUNNING: readonly ImportJob['status'][] = ['uploaded', 'queued', 'running'];

export const isRunning = (job: Pick<ImportJob, 'status'>) => RUNNING.includes(job.status);

/** One import, polled every second while it runs in the background. */
export function useImport(id: string | null) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: [...importsKey, 'one', id],
    enabled: id !== null,
    queryFn: async () => {
      const job = await api.get<ImportJob>(`/imports/${id}`);
      // The history list shows the same job's status and counts.
      if (!isRunning(job))
        void queryClient.invalidateQueries({ queryKey: [...importsKey, 'list'] });
      return job;
    },
    refetchInterval: (current) =>
      current.state.data && !isRunning(current.state.data) ? false : 1000,
    staleTime: 0,
  });
}

const HISTORY_PAGE = 20;

/** Past imports, newest first, a page at a time. */
export function useImportHistory() {
  return useInfiniteQuery({
    queryKey: [...importsKey, 'list'],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      api.get<Page<ImportListItem>>(`/imports${query({ limit: HISTORY_PAGE, cursor: pageParam })}`),
    getNextPageParam: (last) => last.nextCursor,
    // Running jobs move on by themselves; keep their rows current.
    refetchInterval: (current) =>
      current.state.data?.pages.some((page) => page.items.some(isRunning)) ? 2000 : false,
  });
}
