import { useState } from 'react';
import { useInfiniteQuery, useMutation, useQueries, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, idempotencyKey, unwrap } from '@/api/client';
import type { Consultation, ConsultationPage, Mentor, MentorPage, Outcome, Page, Region, Slot, Topic } from '@/api/types';
import { consultationKeys, mentorKeys, type ConsultationTab } from './keys';

const PAGE = 20;

/** Mentors for my kelurahan (those assigned to it first), optionally for one topic; "load more" pages. */
export function useMentors(kelurahan: string | null, topic: Topic | null) {
  return useInfiniteQuery({
    queryKey: mentorKeys.list(kelurahan, topic),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      unwrap<MentorPage>(api.GET('/api/mentors', { params: { query: { kelurahan: kelurahan ?? undefined, topic: topic ?? undefined, limit: PAGE, cursor: pageParam } } })),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** One mentor's public profile (the booking page; also reached by a deep link, without the directory loaded). */
export function useMentor(id: string) {
  return useQuery({
    queryKey: mentorKeys.detail(id),
    staleTime: 5 * 60_000,
    queryFn: () => unwrap(api.GET('/api/mentors/{id}', { params: { path: { id } } })),
  });
}

/** The names of kelurahan codes (a mentor's areas), from the regions of their kecamatan; same cache as the region picker. */
export function useKelurahanNames(codes: string[]): Map<string, string> {
  const kecamatan = [...new Set(codes.map((c) => c.split('.').slice(0, 3).join('.')))];
  const results = useQueries({
    queries: kecamatan.map((k) => ({
      queryKey: consultationKeys.kelurahan(k),
      staleTime: 60 * 60_000,
      queryFn: async () => {
        const items: Region[] = [];
        let cursor: string | undefined;
        do {
          const page = await unwrap<Page<Region>>(api.GET('/api/regions', { params: { query: { level: 'kelurahan', parent: k, limit: 100, cursor } } }));
          items.push(...page.items);
          cursor = page.nextCursor ?? undefined;
        } while (cursor);
        return items;
      },
    })),
  });
  return new Map(results.flatMap((r) => (r.data ?? []).map((region) => [region.code, region.name] as const)));
}

/** A mentor's free slots in [from, to) (one week); refetched after a slot turns out to be taken. */
export function useSlots(mentorId: string, from: Date, to: Date) {
  return useQuery({
    queryKey: mentorKeys.week(mentorId, from.toISOString()),
    staleTime: 15_000,
    queryFn: async () =>
      (await unwrap<{ items: Slot[] }>(api.GET('/api/mentors/{id}/slots', { params: { path: { id: mentorId }, query: { from: from.toISOString(), to: to.toISOString() } } }))).items,
  });
}

export function useConsultation(id: string) {
  return useQuery({ queryKey: consultationKeys.detail(id), queryFn: () => unwrap<Consultation>(api.GET('/api/consultations/{id}', { params: { path: { id } } })) });
}

const LONGEST_MS = 4 * 3_600_000; // slots are at most 240 minutes

/**
 * Upcoming: booked ones that have not ended (those that started in the last hours included), soonest
 * first. Past ("Riwayat"): everything that started before now, any status, latest first (`order=desc`).
 */
export function useConsultationList(tab: ConsultationTab) {
  return useInfiniteQuery({
    queryKey: consultationKeys.list(tab),
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam }) => {
      const now = Date.now();
      const query = tab === 'upcoming' ? { status: 'booked' as const, from: new Date(now - LONGEST_MS).toISOString() } : { to: new Date(now).toISOString(), order: 'desc' as const };
      const page = await unwrap<ConsultationPage>(api.GET('/api/consultations', { params: { query: { ...query, limit: PAGE, cursor: pageParam } } }));
      return tab === 'upcoming' ? { ...page, items: page.items.filter((c) => new Date(c.end).getTime() > now) } : page;
    },
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useOutcome(id: string, enabled: boolean) {
  return useQuery({
    queryKey: consultationKeys.outcome(id),
    enabled,
    queryFn: () => unwrap<Outcome>(api.GET('/api/consultations/{id}/outcome', { params: { path: { id } } })),
  });
}

/** After any change to a consultation: every list, the Beranda cards and the mentor's slots read again. */
export function refreshAfterChange(client: QueryClient, changed: Consultation) {
  client.setQueryData<Consultation>(consultationKeys.detail(changed.id), (old) => ({ ...old, ...changed, mentorName: changed.mentorName ?? old?.mentorName, entrepreneurName: changed.entrepreneurName ?? old?.entrepreneurName }));
  void client.invalidateQueries({ queryKey: consultationKeys.all, predicate: (q) => q.queryKey[1] !== 'detail' && q.queryKey[1] !== 'messages' });
  void client.invalidateQueries({ queryKey: mentorKeys.slots(changed.mentorId) });
}

/**
 * A POST that creates something, with an Idempotency-Key: a retry of the same request (a weak line, a
 * double tap) reuses the key, a different request gets a new one (the api refuses a key with another body).
 */
function keyedBy() {
  let last: { body: string; key: string } | null = null;
  return (body: unknown) => {
    const json = JSON.stringify(body);
    if (last?.body !== json) last = { body: json, key: idempotencyKey() };
    return last.key;
  };
}

export interface BookingInput {
  mentorId: string;
  start: string;
  topic: Topic;
  note?: string;
}

export function useBook(mentor: Mentor | undefined) {
  const client = useQueryClient();
  const [keyFor] = useState(keyedBy);
  return useMutation({
    mutationFn: (body: BookingInput) =>
      unwrap<Consultation>(api.POST('/api/consultations', { body, headers: { 'Idempotency-Key': keyFor(body) } })),
    onSuccess: (booked) => refreshAfterChange(client, { ...booked, mentorName: booked.mentorName ?? mentor?.name }),
  });
}

export function useReschedule(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (start: string) => unwrap<Consultation>(api.POST('/api/consultations/{id}/reschedule', { params: { path: { id } }, body: { start } })),
    onSuccess: (changed) => refreshAfterChange(client, changed),
  });
}

export function useCancel(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (reason: string) => unwrap<Consultation>(api.POST('/api/consultations/{id}/cancel', { params: { path: { id } }, body: { reason } })),
    onSuccess: (changed) => refreshAfterChange(client, changed),
  });
}
