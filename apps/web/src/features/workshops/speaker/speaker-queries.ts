import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/api/client';
import type { LivePoll } from '@/api/types';
import { emitAck, SocketError, useSocket } from '@/lib/socket';
import { useT } from '@/i18n';
import { workshopKeys } from '../keys';
import type { LiveRoomState } from '../use-live-room';

/** The workshops I speak at, upcoming (soonest first) or past (latest first); a page may hold fewer after the filter. */
export function useSpeakingAt(when: 'upcoming' | 'past') {
  return useInfiniteQuery({
    queryKey: workshopKeys.speaking(when),
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam }) => {
      const page = await unwrap(api.GET('/api/me/workshops', { params: { query: { when, limit: 20, ...(pageParam && { cursor: pageParam }) } } }));
      return { ...page, items: page.items.filter((m) => m.as === 'speaker').map((m) => m.workshop) };
    },
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

export function useLiveReport(id: string) {
  return useQuery({ queryKey: workshopKeys.liveReport(id), queryFn: () => unwrap(api.GET('/api/workshops/{id}/live-report', { params: { path: { id } } })) });
}

export function useFeedback(id: string) {
  return useInfiniteQuery({
    queryKey: workshopKeys.feedback(id),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => unwrap(api.GET('/api/workshops/{id}/feedback', { params: { path: { id }, query: { limit: 20, ...(pageParam && { cursor: pageParam }) } } })),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

/** The sentences for the speaker's error codes, over the workshop feature's. */
export function useSpeakerErrors(): Record<string, string> {
  const { t } = useT();
  return { ...(t('workshops.errors', { returnObjects: true }) as Record<string, string>), ...(t('speaker.errors', { returnObjects: true }) as Record<string, string>) };
}

interface PollResults {
  pollId: string;
  counts: number[];
}

/**
 * A speaker's actions in the live room, over the same socket and cache as the room (use-live-room): the
 * room's own events (answered, poll opened, results, closed) keep every screen current, this one too.
 */
export function useStageActions(workshopId: string, sessionId: string) {
  const { socket } = useSocket();
  const client = useQueryClient();
  const update = (change: (s: LiveRoomState) => LiveRoomState) => client.setQueryData<LiveRoomState>(workshopKeys.live(sessionId), (s) => (s ? change(s) : s));
  const emit = <T>(event: string, payload: unknown) => (socket ? emitAck<T>(socket, event, payload) : Promise.reject(new SocketError('NOT_JOINED', '')));
  const report = () => void client.invalidateQueries({ queryKey: workshopKeys.liveReport(workshopId) });

  const answered = useMutation({
    mutationFn: (v: { questionId: string; answered: boolean }) => emit<{ questionId: string; answered: boolean }>('workshop:question:answered', v),
    onSuccess: (r) => update((s) => ({ ...s, questions: s.questions.map((q) => (q.id === r.questionId ? { ...q, answered: r.answered } : q)) })),
  });
  const openPoll = useMutation({
    mutationFn: (v: { question: string; options: string[] }) => emit<Pick<LivePoll, 'id' | 'question' | 'options'>>('workshop:poll:open', { sessionId, ...v }),
    onSuccess: (poll) => {
      update((s) => (s.openPoll?.id === poll.id ? s : { ...s, openPoll: { ...poll, counts: poll.options.map(() => 0), myVote: null } }));
      report();
    },
  });
  const closePoll = useMutation({
    mutationFn: (pollId: string) => emit<PollResults>('workshop:poll:close', { pollId }),
    onSuccess: (r) => {
      update((s) => (s.openPoll?.id === r.pollId ? { ...s, openPoll: { ...s.openPoll, counts: r.counts, closed: true } } : s));
      report();
    },
  });
  return { answered, openPoll, closePoll };
}

/** Giving the floor, muting and removing: the moderation api, which tells LiveKit. */
export function useModeration(workshopId: string, sessionId: string) {
  const path = (userId: string) => ({ path: { id: workshopId, sessionId, userId } });
  const floor = useMutation({
    mutationFn: (v: { userId: string; allowed: boolean }) => unwrap(api.POST('/api/workshops/{id}/sessions/{sessionId}/participants/{userId}/microphone', { params: path(v.userId), body: { allowed: v.allowed } })),
  });
  const mute = useMutation({
    mutationFn: (v: { userId: string; trackSid: string }) => unwrap(api.POST('/api/workshops/{id}/sessions/{sessionId}/participants/{userId}/mute', { params: path(v.userId), body: { trackSid: v.trackSid, muted: true } })),
  });
  const remove = useMutation({
    mutationFn: (userId: string) => unwrap(api.DELETE('/api/workshops/{id}/sessions/{sessionId}/participants/{userId}', { params: path(userId) })),
  });
  return { floor, mute, remove };
}
