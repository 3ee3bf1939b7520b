import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/api/client';
import type { AssistanceCase, CasePage, CaseStatus, Consultation, ConsultationPage, EntrepreneurHistory, FollowUpPage, Outcome, OutcomeInput } from '@/api/types';
import { consultationKeys, deskKeys } from '../keys';
import { refreshAfterChange } from '../queries';
import { addDays, startOfDay } from '../week';

const NEXT = 5;

async function allPages(query: Record<string, unknown>): Promise<Consultation[]> {
  const items: Consultation[] = [];
  let cursor: string | undefined;
  do {
    const page = await unwrap<ConsultationPage>(api.GET('/api/consultations', { params: { query: { ...query, limit: 100, cursor } } }));
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return items;
}

/** Hari ini: my consultations as the mentor on a date in my zone (any status), and the next booked ones after it. */
export function useToday(mentorId: string, day: string, zone: string) {
  return useQuery({
    queryKey: deskKeys.today(day),
    refetchInterval: 60_000,
    queryFn: async () => {
      const from = startOfDay(day, zone).toISOString();
      const to = startOfDay(addDays(day, 1), zone).toISOString();
      const [today, next] = await Promise.all([
        allPages({ from, to }),
        unwrap<ConsultationPage>(api.GET('/api/consultations', { params: { query: { from: to, status: 'booked', limit: 20 } } })),
      ]);
      const mine = (c: Consultation) => c.mentorId === mentorId;
      return { today: today.filter(mine), next: next.items.filter(mine).slice(0, NEXT) };
    },
  });
}

export function useHistory(entrepreneurId: string) {
  return useQuery({
    queryKey: deskKeys.history(entrepreneurId),
    queryFn: () => unwrap<EntrepreneurHistory>(api.GET('/api/entrepreneurs/{id}/history', { params: { path: { id: entrepreneurId } } })),
  });
}

/** My follow-ups not done yet, oldest date first (the overdue ones lead), page by page. */
export function useFollowUps() {
  return useInfiniteQuery({
    queryKey: deskKeys.followUps,
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => unwrap<FollowUpPage>(api.GET('/api/mentors/me/follow-ups', { params: { query: { limit: 50, cursor: pageParam } } })),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useFollowUpDone() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (consultationId: string) => unwrap<Outcome>(api.POST('/api/consultations/{id}/follow-up/done', { params: { path: { id: consultationId } } })),
    onSuccess: (outcome) => {
      client.setQueryData(consultationKeys.outcome(outcome.consultationId), outcome);
      void client.invalidateQueries({ queryKey: ['consultations', 'desk'] });
    },
  });
}

/** Every case I work on as the mentor (all pages; a mentor has tens, not thousands). */
export function useCases(mentorId: string) {
  return useQuery({
    queryKey: deskKeys.cases,
    queryFn: async () => {
      const items: AssistanceCase[] = [];
      let cursor: string | undefined;
      do {
        const page = await unwrap<CasePage>(api.GET('/api/cases', { params: { query: { limit: 100, cursor } } }));
        items.push(...page.items);
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return items.filter((c) => c.mentorId === mentorId);
    },
  });
}

export function useUpdateCase() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string; status?: CaseStatus; referenceNumber?: string }) => unwrap<AssistanceCase>(api.PATCH('/api/cases/{id}', { params: { path: { id } }, body })),
    onSuccess: (changed) => {
      client.setQueryData<AssistanceCase[]>(deskKeys.cases, (old) => old?.map((c) => (c.id === changed.id ? { ...c, ...changed, entrepreneurName: c.entrepreneurName } : c)));
      void client.invalidateQueries({ queryKey: ['consultations'], predicate: (q) => q.queryKey[1] === 'outcome' || q.queryKey[2] === 'history' });
    },
  });
}

export function useRecordOutcome(c: Consultation) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: OutcomeInput) => unwrap<Outcome>(api.POST('/api/consultations/{id}/outcome', { params: { path: { id: c.id } }, body })),
    onSuccess: (outcome) => {
      client.setQueryData(consultationKeys.outcome(c.id), outcome);
      refreshAfterChange(client, { ...c, status: outcome.status });
    },
  });
}

export function useUpdateOutcome(c: Consultation) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: Pick<OutcomeInput, 'summary' | 'actions' | 'followUpOn'>) => unwrap<Outcome>(api.PATCH('/api/consultations/{id}/outcome', { params: { path: { id: c.id } }, body })),
    onSuccess: (outcome) => {
      client.setQueryData(consultationKeys.outcome(c.id), outcome);
      refreshAfterChange(client, c);
    },
  });
}

export function useNoShow(c: Consultation) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap<Consultation>(api.POST('/api/consultations/{id}/no-show', { params: { path: { id: c.id } } })),
    onSuccess: (changed) => refreshAfterChange(client, changed),
  });
}
