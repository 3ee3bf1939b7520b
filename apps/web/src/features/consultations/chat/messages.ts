import type { ChatMessage } from '@/api/types';

/** What the chat keeps in the query cache: messages oldest first, and the cursor to older history. */
export interface ChatLog {
  items: ChatMessage[];
  /** The history page before the oldest loaded message; null when the start is loaded. */
  olderCursor: string | null;
}

/** A message typed here that the server has not acknowledged yet. */
export interface PendingMessage {
  clientMessageId: string;
  body: string;
  createdAt: string;
  /** Refused by the server for good (not a connection problem): shown with a way to remove it. */
  failed?: string;
}

/** The server's order of messages: by createdAt, then id. */
export const order = (a: ChatMessage, b: ChatMessage) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Messages in order (by createdAt, then id), each exactly once, however often the same one arrives. */
export function mergeMessages(current: ChatMessage[], incoming: ChatMessage[]): ChatMessage[] {
  if (incoming.length === 0) return current;
  const byId = new Map(current.map((m) => [m.id, m]));
  let changed = false;
  for (const m of incoming) {
    if (!byId.has(m.id)) {
      byId.set(m.id, m);
      changed = true;
    }
  }
  return changed ? [...byId.values()].sort(order) : current;
}

/**
 * The newest history page, merged into what is already loaded. A page that does not reach back to the
 * loaded messages (more came meanwhile than one page) replaces them, so the log never has a gap.
 */
export function mergeNewestPage(previous: ChatLog | undefined, page: { items: ChatMessage[]; nextCursor: string | null }): ChatLog {
  const fresh = [...page.items].sort(order);
  if (!previous || previous.items.length === 0) return { items: fresh, olderCursor: page.nextCursor };
  const newestLoaded = previous.items[previous.items.length - 1];
  const reaches = page.nextCursor === null || (fresh.length > 0 && order(fresh[0], newestLoaded) <= 0);
  if (!reaches) return { items: fresh, olderCursor: page.nextCursor };
  return { items: mergeMessages(previous.items, fresh), olderCursor: previous.olderCursor };
}

const storageKey = (userId: string, consultationId: string) => `pendamping.chat.pending.${userId}.${consultationId}`;

/** Unsent messages survive a reload: they are kept on the device per person and consultation. */
export const pendingStore = {
  load(userId: string, consultationId: string): PendingMessage[] {
    try {
      const raw = localStorage.getItem(storageKey(userId, consultationId));
      const list = raw ? (JSON.parse(raw) as PendingMessage[]) : [];
      return Array.isArray(list) ? list.filter((p) => typeof p?.clientMessageId === 'string' && typeof p.body === 'string') : [];
    } catch {
      return [];
    }
  },
  save(userId: string, consultationId: string, list: PendingMessage[]) {
    try {
      if (list.length) localStorage.setItem(storageKey(userId, consultationId), JSON.stringify(list));
      else localStorage.removeItem(storageKey(userId, consultationId));
    } catch {
      // storage full or private mode: the message still waits in memory
    }
  },
};
