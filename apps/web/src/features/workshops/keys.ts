import type { Topic } from '@/api/types';

/**
 * This feature's query keys. Everything starts with 'workshops', so one invalidation (a `workshop.*`
 * notification, a registration) refreshes the lists, the detail and Beranda's "next session" alike.
 */
export const workshopKeys = {
  all: ['workshops'] as const,
  list: (topic: Topic | null) => ['workshops', 'list', topic ?? 'all'] as const,
  detail: (id: string) => ['workshops', 'detail', id] as const,
  registration: (id: string) => ['workshops', 'detail', id, 'registration'] as const,
  /** Paged ("load more"); Beranda's first page of the same list is ['workshops', 'mine', 'upcoming']. */
  mine: (when: 'upcoming' | 'past') => ['workshops', 'mine', when, 'pages'] as const,
  certificate: (id: string) => ['workshops', 'detail', id, 'certificate'] as const,
  live: (sessionId: string) => ['workshops', 'live', sessionId] as const,
  /** The speaker's area: the workshops I speak at (paged), a workshop's live report and its feedback. */
  speaking: (when: 'upcoming' | 'past') => ['workshops', 'speaking', when] as const,
  liveReport: (id: string) => ['workshops', 'detail', id, 'live-report'] as const,
  feedback: (id: string) => ['workshops', 'detail', id, 'feedback'] as const,
  /** The admin console: every status; under 'workshops', so a change anywhere refreshes it too. */
  admin: ['workshops', 'admin'] as const,
  adminList: (filters: object) => ['workshops', 'admin', 'list', filters] as const,
  adminPart: (id: string, part: 'registrations' | 'attendance' | 'feedback' | 'certificates' | 'live-report', filter?: string) =>
    ['workshops', 'detail', id, 'admin', part, filter ?? 'all'] as const,
};

/** Certificate checks are public and not about my workshops: a key of their own. */
export const certificateKeys = {
  verify: (number: string) => ['certificates', number.toUpperCase()] as const,
};
