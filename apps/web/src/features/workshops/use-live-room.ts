import { useEffect, useRef } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { LiveJoinAck, LiveQuestion } from '@/api/types';
import type { PollResults, RoomExitCode } from '@pendamping/realtime-wire';
import { emitAck, SocketError, useSocket, useSocketEvent } from '@/lib/socket';
import { workshopKeys } from './keys';

/** The room as this screen knows it: the join ack, kept current by the room's events. */
export interface LiveRoomState extends LiveJoinAck {
  /** Questions I voted for on this device (a repeat vote is harmless, the button just says so). */
  voted: string[];
  handRaised: boolean;
  /** Set when the server says I am out (removed, seat given up, workshop called off), or an event's ack does. */
  removed?: RoomExitCode;
}

/** Codes on an ack that mean the room re-checked my admission and I am out. */
const OUT = new Set<string>(['NOT_REGISTERED', 'NOT_OPEN'] satisfies RoomExitCode[]);
const RETRY = new Set(['TIMEOUT', 'RATE_LIMITED', 'NOT_OPEN']);

/**
 * A workshop session's live room over the app's socket: `workshop:join` once connected and again after
 * every reconnect; questions, votes, hands and polls live in the query cache, updated by the room's events.
 */
export function useLiveRoom(sessionId: string) {
  const { socket, connected } = useSocket();
  const client = useQueryClient();
  const key = workshopKeys.live(sessionId);
  const update = (change: (state: LiveRoomState) => LiveRoomState) => client.setQueryData<LiveRoomState>(key, (s) => (s ? change(s) : s));

  const room = useQuery({
    queryKey: key,
    enabled: !!socket && connected,
    staleTime: Infinity,
    gcTime: 0, // a screen that comes back joins again
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
    // NOT_OPEN too: this device's clock may run a little ahead of the server's.
    retry: (failures, error) => failures < 5 && error instanceof SocketError && RETRY.has(error.code),
    retryDelay: 3000,
    queryFn: async (): Promise<LiveRoomState> => {
      const ack = await emitAck<LiveJoinAck>(socket!, 'workshop:join', { sessionId });
      const before = client.getQueryData<LiveRoomState>(key);
      // A hand is lowered when my last socket leaves, so after a reconnect it is down.
      return { ...ack, voted: before?.voted ?? [], handRaised: false };
    },
  });

  // Join again after every reconnect (the server forgot this socket's rooms).
  const connectedBefore = useRef(false);
  const { refetch } = room;
  useEffect(() => {
    if (!connected) return;
    if (connectedBefore.current) void refetch();
    connectedBefore.current = true;
  }, [connected, refetch]);

  useSocketEvent('workshop:question', ({ sessionId: sid, ...q }) => {
    if (sid === sessionId) update((s) => (s.questions.some((x) => x.id === q.id) ? s : { ...s, questions: [...s.questions, q] }));
  });
  useSocketEvent('workshop:question:votes', (e) => update((s) => withQuestion(s, e.questionId, { votes: e.votes })));
  useSocketEvent('workshop:question:answered', (e) => update((s) => withQuestion(s, e.questionId, { answered: e.answered })));
  useSocketEvent('workshop:poll', ({ sessionId: sid, ...poll }) => {
    if (sid === sessionId) update((s) => ({ ...s, openPoll: { ...poll, counts: poll.options.map(() => 0), myVote: null } }));
  });
  useSocketEvent('workshop:poll:results', (r) => update((s) => withPoll(s, r)));
  useSocketEvent('workshop:poll:closed', (r) => update((s) => withPoll(s, r, true)));
  // Told at once, on every device: by a moderator, by giving up the seat elsewhere, or the workshop called off.
  useSocketEvent('workshop:removed', (e) => {
    if (e.sessionId === sessionId) update((s) => ({ ...s, removed: e.code }));
  });
  useSocketEvent('workshop:hand', (h) => {
    if (h.sessionId !== sessionId) return;
    update((s) => {
      const others = (s.hands ?? []).filter((x) => x.userId !== h.userId);
      return { ...s, hands: h.raised ? [...others, { userId: h.userId, name: h.name }] : others };
    });
  });

  /** Emits an event of the room; an ack that says I am out marks the room as left. */
  const emit = async <T>(event: string, payload: unknown): Promise<T> => {
    if (!socket) throw new SocketError('NOT_JOINED', '');
    try {
      return await emitAck<T>(socket, event, payload);
    } catch (error) {
      if (error instanceof SocketError && OUT.has(error.code)) update((s) => ({ ...s, removed: error.code as RoomExitCode }));
      if (error instanceof SocketError && error.code === 'NOT_JOINED') void refetch();
      throw error;
    }
  };

  const ask = useMutation({
    mutationFn: (body: string) => emit<LiveQuestion>('workshop:question', { sessionId, body }),
    onSuccess: (q) => update((s) => (s.questions.some((x) => x.id === q.id) ? s : { ...s, questions: [...s.questions, q] })),
  });
  const vote = useMutation({
    mutationFn: (questionId: string) => emit<{ questionId: string; votes: number }>('workshop:question:vote', { questionId }),
    onSuccess: (r) => update((s) => ({ ...withQuestion(s, r.questionId, { votes: r.votes }), voted: [...s.voted, r.questionId] })),
  });
  const hand = useMutation({
    mutationFn: (raised: boolean) => emit<{ raised: boolean }>('workshop:hand', { sessionId, raised }),
    onSuccess: (r) => update((s) => ({ ...s, handRaised: r.raised })),
  });
  const pollVote = useMutation({
    mutationFn: (v: { pollId: string; option: number }) => emit<PollResults>('workshop:poll:vote', v).then((r) => ({ ...r, option: v.option })),
    onSuccess: (r) => update((s) => (s.openPoll?.id === r.pollId ? { ...withPoll(s, r), openPoll: { ...withPoll(s, r).openPoll!, myVote: r.option } } : s)),
  });

  // Leaving the screen lowers my hand: the socket stays in the room's channel, I do not.
  const raised = useRef(false);
  raised.current = !!room.data?.handRaised;
  useEffect(() => {
    if (!socket) return;
    return () => {
      if (raised.current) void emitAck(socket, 'workshop:hand', { sessionId, raised: false }).catch(() => undefined);
    };
  }, [socket, sessionId]);

  return { room, connected, ask, vote, hand, pollVote };
}

function withQuestion(s: LiveRoomState, id: string, change: Partial<LiveQuestion>): LiveRoomState {
  return { ...s, questions: s.questions.map((q) => (q.id === id ? { ...q, ...change } : q)) };
}

function withPoll(s: LiveRoomState, r: PollResults, closed?: boolean): LiveRoomState {
  if (s.openPoll?.id !== r.pollId) return s;
  return { ...s, openPoll: { ...s.openPoll, counts: r.counts, ...(closed && { closed: true }) } };
}
