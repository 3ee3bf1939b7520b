import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, idempotencyKey, unwrap, type Schemas } from '@/api/client';
import type { Page, Region, Topic, Workshop } from '@/api/types';
import { downloadFile } from '@/lib/download';
import { workshopKeys } from '../keys';
import { invalidateWorkshops } from '../workshop-queries';

export type WorkshopStatus = Schemas['WorkshopStatus'];
export type RegistrationStatus = Schemas['RegistrationStatus'];
export type WorkshopInput = Schemas['CreateWorkshopDto'];
export type WorkshopChange = Schemas['UpdateWorkshopDto'];
export type Speaker = Schemas['UserView'];

export interface AdminFilters {
  when: 'upcoming' | 'past';
  status: WorkshopStatus | null;
  topic: Topic | null;
  q: string;
}

const PAGE = 20;

/** Every workshop for the console, paged ("load more"); the last page stays on screen while a filter loads. */
export function useAdminWorkshops(filters: AdminFilters) {
  return useInfiniteQuery({
    queryKey: workshopKeys.adminList(filters),
    initialPageParam: undefined as string | undefined,
    placeholderData: keepPreviousData,
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/admin/workshops', {
          params: {
            query: {
              limit: PAGE,
              when: filters.when,
              ...(pageParam && { cursor: pageParam }),
              ...(filters.status && { status: filters.status }),
              ...(filters.topic && { topic: filters.topic }),
              ...(filters.q.trim() && { q: filters.q.trim() }),
            },
          },
        }),
      ),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

export function useCreateWorkshop() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: WorkshopInput) => unwrap(api.POST('/api/workshops', { body, headers: { 'Idempotency-Key': idempotencyKey() } })),
    onSuccess: (created) => {
      client.setQueryData(workshopKeys.detail(created.id), created);
      void invalidateWorkshops(client);
    },
  });
}

export function useUpdateWorkshop(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: WorkshopChange) => unwrap(api.PATCH('/api/workshops/{id}', { params: { path: { id } }, body })),
    onSuccess: (saved) => {
      client.setQueryData(workshopKeys.detail(id), saved);
      void invalidateWorkshops(client);
    },
  });
}

export function usePublishWorkshop(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/workshops/{id}/publish', { params: { path: { id } } })),
    onSuccess: (saved) => {
      client.setQueryData(workshopKeys.detail(id), saved);
      void invalidateWorkshops(client);
    },
  });
}

export function useCancelWorkshop(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (reason: string) => unwrap(api.POST('/api/workshops/{id}/cancel', { params: { path: { id } }, body: { reason } })),
    onSuccess: (saved: Workshop) => {
      client.setQueryData(workshopKeys.detail(id), saved);
      void invalidateWorkshops(client);
    },
  });
}

export function useRegistrations(id: string, status: RegistrationStatus | null) {
  return useInfiniteQuery({
    queryKey: workshopKeys.adminPart(id, 'registrations', status ?? undefined),
    initialPageParam: undefined as string | undefined,
    placeholderData: keepPreviousData,
    queryFn: ({ pageParam }) =>
      unwrap(api.GET('/api/workshops/{id}/registrations', { params: { path: { id }, query: { limit: 50, ...(status && { status }), ...(pageParam && { cursor: pageParam }) } } })),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

export function useAttendance(id: string) {
  return useQuery({
    queryKey: workshopKeys.adminPart(id, 'attendance'),
    queryFn: () => unwrap(api.GET('/api/workshops/{id}/attendance', { params: { path: { id } } })) as Promise<Schemas['AttendancePage']>,
  });
}

export function useFeedback(id: string) {
  return useInfiniteQuery({
    queryKey: workshopKeys.adminPart(id, 'feedback'),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => unwrap(api.GET('/api/workshops/{id}/feedback', { params: { path: { id }, query: { limit: 20, ...(pageParam && { cursor: pageParam }) } } })),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

export function useIssuedCertificates(id: string) {
  return useInfiniteQuery({
    queryKey: workshopKeys.adminPart(id, 'certificates'),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => unwrap(api.GET('/api/workshops/{id}/certificates', { params: { path: { id }, query: { limit: 50, ...(pageParam && { cursor: pageParam }) } } })),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

export function useLiveReport(id: string) {
  return useQuery({
    queryKey: workshopKeys.adminPart(id, 'live-report'),
    queryFn: () => unwrap(api.GET('/api/workshops/{id}/live-report', { params: { path: { id } } })),
  });
}

/** Speakers by name, email or organization, from the admin's people directory (at least 2 characters). */
export function useSpeakerSearch(q: string) {
  const text = q.trim();
  return useQuery({
    queryKey: ['users', 'speakers', text],
    enabled: text.length >= 2,
    staleTime: 30_000,
    placeholderData: keepPreviousData,
    queryFn: () => unwrap(api.GET('/api/users', { params: { query: { role: 'speaker', q: text, limit: 10 } } })),
  });
}

/** Jakarta's kecamatan, all of them (the quota picker); a list that hardly changes. */
export function useAllKecamatan() {
  return useQuery({
    queryKey: ['regions', 'kecamatan', 'all'],
    staleTime: 60 * 60_000,
    queryFn: async () => {
      const items: Region[] = [];
      let cursor: string | undefined;
      do {
        const page = await unwrap<Page<Region>>(api.GET('/api/regions', { params: { query: { level: 'kecamatan', limit: 100, cursor } } }));
        items.push(...page.items);
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return items.sort((a, b) => a.name.localeCompare(b.name, 'id'));
    },
  });
}

/** The attendance as the api's CSV, saved as a real file. */
export function downloadAttendanceCsv(id: string): Promise<void> {
  return downloadFile(`/api/workshops/${encodeURIComponent(id)}/attendance`, 'text/csv', `kehadiran-${id}.csv`);
}
