import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useNetwork } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/api/client';
import type { ChatJoinAck, ChatMessage, ChatMessagePage } from '@/api/types';
import { emitAck, SocketError, useSocket, useSocketEvent } from '@/lib/socket';
import { consultationKeys } from '../keys';
import { mergeMessages, mergeNewestPage, order, pendingStore, type ChatLog, type PendingMessage } from './messages';

const PAGE = 30;
const TYPING_EVERY_MS = 3000;
const TYPING_SHOWN_MS = 5000;
const RETRY_MS = 3000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Errors the server gives for good: waiting for a better connection will not help. */
const FINAL = new Set(['VALIDATION_FAILED', 'FORBIDDEN', 'NOT_FOUND']);

function useVisible() {
  const [visible, setVisible] = useState(() => document.visibilityState === 'visible');
  useEffect(() => {
    const update = () => setVisible(document.visibilityState === 'visible');
    document.addEventListener('visibilitychange', update);
    return () => document.removeEventListener('visibilitychange', update);
  }, []);
  return visible;
}

/**
 * A consultation's chat: history from the api (newest page first, older on request), live messages from
 * the socket, and messages typed here kept on the device until the server has them.
 *
 * Nothing is lost or doubled: every message carries its `clientMessageId`; a resend answers the message
 * already stored; the cache holds each message once, by id, in (createdAt, id) order; after every (re)join
 * the server hands over what came after the newest message we have.
 */
export function useChat(consultationId: string, userId: string, canWrite: boolean) {
  const client = useQueryClient();
  const id = consultationId.toLowerCase();
  const key = useMemo(() => consultationKeys.messages(id), [id]);
  const { socket, connected } = useSocket();
  const { online } = useNetwork();
  const live = !!socket && connected && online;
  const liveRef = useRef(live);
  liveRef.current = live;
  const visible = useVisible();

  // The newest message heard from the server (a history page, a join, a broadcast): where a rejoin resumes.
  // Not my own acked sends: one of the other's, stored before mine but lost with a Redis restart, would be skipped.
  const heardRef = useRef<ChatMessage | undefined>(undefined);
  const heard = useCallback((messages: ChatMessage[]) => {
    for (const m of messages) if (!heardRef.current || order(m, heardRef.current) > 0) heardRef.current = m;
  }, []);

  const log = useQuery({
    queryKey: key,
    // Live updates come through the socket; a refetch merges the newest page instead of replacing.
    staleTime: Infinity,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
    queryFn: async () => {
      const page = await unwrap<ChatMessagePage>(api.GET('/api/consultations/{id}/messages', { params: { path: { id }, query: { limit: PAGE } } }));
      heard(page.items);
      return mergeNewestPage(client.getQueryData<ChatLog>(key), page);
    },
  });

  // Messages waiting for the server, also in localStorage (a reload keeps them).
  const [pending, setPending] = useState<PendingMessage[]>(() => pendingStore.load(userId, id));
  const pendingRef = useRef(pending);
  const updatePending = useCallback(
    (change: (list: PendingMessage[]) => PendingMessage[]) => {
      const next = change(pendingRef.current);
      if (next === pendingRef.current) return;
      pendingRef.current = next;
      pendingStore.save(userId, id, next);
      setPending(next);
    },
    [userId, id],
  );

  const addMessages = useCallback(
    (incoming: ChatMessage[]) => {
      if (incoming.length === 0) return;
      client.setQueryData<ChatLog>(key, (old) => old && { ...old, items: mergeMessages(old.items, incoming) });
      // One of mine that still waits here (its ack was lost, or another tab sent it): it has arrived.
      const arrived = new Set(incoming.filter((m) => m.senderId === userId).map((m) => m.clientMessageId));
      if (arrived.size) updatePending((list) => (list.some((p) => arrived.has(p.clientMessageId)) ? list.filter((p) => !arrived.has(p.clientMessageId)) : list));
    },
    [client, key, userId, updatePending],
  );

  const [joined, setJoined] = useState(false);
  const joinedRef = useRef(false);
  const [fatal, setFatal] = useState<string | null>(null);
  const flushing = useRef(false);

  /** Sends what waits, one at a time and in order (the server stamps each as it arrives). */
  const flush = useCallback(async () => {
    if (flushing.current || !socket) return;
    flushing.current = true;
    try {
      while (joinedRef.current && liveRef.current) {
        const next = pendingRef.current.find((p) => !p.failed);
        if (!next) break;
        try {
          const stored = await emitAck<ChatMessage>(socket, 'consultation:message', { consultationId: id, clientMessageId: next.clientMessageId, body: next.body });
          addMessages([stored]);
          updatePending((list) => list.filter((p) => p.clientMessageId !== next.clientMessageId));
        } catch (error) {
          const code = error instanceof SocketError ? error.code : 'UNKNOWN';
          if (FINAL.has(code)) {
            updatePending((list) => list.map((p) => (p.clientMessageId === next.clientMessageId ? { ...p, failed: code } : p)));
            continue;
          }
          // A lost ack or a busy connection: try again shortly (a resend cannot store it twice).
          await sleep(code === 'RATE_LIMITED' ? 1000 : RETRY_MS);
        }
      }
    } finally {
      flushing.current = false;
    }
  }, [socket, id, addMessages, updatePending]);

  // Join the room whenever the line is (back) up: the ack brings what was sent meanwhile, then the queue goes out.
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (!live || !log.isSuccess || !socket || fatal) return;
    let cancelled = false;
    void (async () => {
      try {
        for (let round = 0; round < 50; round++) {
          const since = heardRef.current?.id;
          const ack = await emitAck<ChatJoinAck>(socket, 'consultation:join', { consultationId: id, ...(since && { since }) });
          if (cancelled) return;
          heard(ack.missed);
          addMessages(ack.missed);
          if (!ack.more) break;
        }
        joinedRef.current = true;
        setJoined(true);
        void flush();
      } catch (error) {
        if (cancelled) return;
        const code = error instanceof SocketError ? error.code : 'UNKNOWN';
        if (code === 'FORBIDDEN' || code === 'NOT_FOUND') return setFatal(code);
        setTimeout(() => !cancelled && setAttempt((n) => n + 1), RETRY_MS);
      }
    })();
    return () => {
      cancelled = true;
      joinedRef.current = false;
      setJoined(false);
    };
  }, [live, log.isSuccess, socket, id, attempt, fatal, addMessages, heard, flush]);

  const send = (body: string) => {
    updatePending((list) => [...list, { clientMessageId: crypto.randomUUID(), body, createdAt: new Date().toISOString() }]);
    void flush();
  };
  const discard = (clientMessageId: string) => updatePending((list) => list.filter((p) => p.clientMessageId !== clientMessageId));

  // Typing: at most one event every few seconds; the other's shows for a few seconds.
  const lastTyping = useRef(0);
  const typing = () => {
    if (!socket || !joinedRef.current || !liveRef.current || Date.now() - lastTyping.current < TYPING_EVERY_MS) return;
    lastTyping.current = Date.now();
    emitAck(socket, 'consultation:typing', { consultationId: id }).catch(() => undefined);
  };
  const [typingAt, setTypingAt] = useState(0);
  useEffect(() => {
    if (!typingAt) return;
    const timer = setTimeout(() => setTypingAt(0), TYPING_SHOWN_MS);
    return () => clearTimeout(timer);
  }, [typingAt]);

  const readKey = useMemo(() => consultationKeys.readMark(id), [id]);
  const readMark = useQuery<string | null>({ queryKey: readKey, queryFn: () => null, initialData: null, staleTime: Infinity }).data;

  useSocketEvent('consultation:message', (m) => {
    if (m.consultationId.toLowerCase() !== id) return;
    heard([m]);
    addMessages([m]);
    if (m.senderId !== userId) setTypingAt(0);
  });
  useSocketEvent('consultation:typing', (e) => {
    if (e.consultationId.toLowerCase() === id && e.userId !== userId) setTypingAt(Date.now());
  });
  useSocketEvent('consultation:read', (e) => {
    if (e.consultationId.toLowerCase() === id && e.userId !== userId) client.setQueryData(readKey, e.messageId);
  });

  // Read marks: the newest message from the other person, once it is on a visible screen.
  const items = log.data?.items ?? [];
  const newestFromOther = [...items].reverse().find((m) => m.senderId !== userId)?.id;
  const lastRead = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (!socket || !joined || !live || !visible || !canWrite || !newestFromOther || lastRead.current === newestFromOther) return;
    lastRead.current = newestFromOther;
    emitAck(socket, 'consultation:read', { consultationId: id, messageId: newestFromOther }).catch(() => {
      lastRead.current = undefined;
    });
  }, [socket, joined, live, visible, canWrite, newestFromOther, id]);

  const older = useMutation({
    mutationFn: async () => {
      const cursor = client.getQueryData<ChatLog>(key)?.olderCursor;
      if (!cursor) return;
      const page = await unwrap<ChatMessagePage>(api.GET('/api/consultations/{id}/messages', { params: { path: { id }, query: { limit: PAGE, cursor } } }));
      client.setQueryData<ChatLog>(key, (old) => old && { items: mergeMessages(old.items, page.items), olderCursor: page.nextCursor });
    },
  });

  // A message restored from the device that the server already has (stored, ack lost) shows once, as stored.
  const stored = new Set(items.filter((m) => m.senderId === userId).map((m) => m.clientMessageId));
  const waiting = pending.some((p) => stored.has(p.clientMessageId)) ? pending.filter((p) => !stored.has(p.clientMessageId)) : pending;

  return { log, items, pending: waiting, send, discard, typing, otherTyping: typingAt > 0, readMark, live, joined, fatal, older };
}
