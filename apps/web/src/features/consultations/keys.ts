import type { Topic } from '@/api/types';

/** Every query key of the consultations feature (mentors, slots, bookings, chat) in one place. */
export const mentorKeys = {
  all: ['mentors'] as const,
  list: (kelurahan: string | null, topic: Topic | null) => ['mentors', 'list', kelurahan, topic] as const,
  detail: (id: string) => ['mentors', 'detail', id] as const,
  /** Free slots of one mentor for the week starting at `from` (an instant). */
  slots: (id: string) => ['mentors', 'slots', id] as const,
  week: (id: string, from: string) => ['mentors', 'slots', id, from] as const,
};

export type ConsultationTab = 'upcoming' | 'past';

export const consultationKeys = {
  // Also the prefix of the Beranda's consultation cards: invalidating it refreshes them too.
  all: ['consultations'] as const,
  lists: ['consultations', 'list'] as const,
  list: (tab: ConsultationTab) => ['consultations', 'list', tab] as const,
  detail: (id: string) => ['consultations', 'detail', id] as const,
  /** A mentor's consultations of the week starting at `from` (an instant): Jadwal saya. */
  mentorWeek: (from: string) => ['consultations', 'mentor-week', from] as const,
  outcome: (id: string) => ['consultations', 'outcome', id] as const,
  messages: (id: string) => ['consultations', 'messages', id] as const,
  /** The last message the other person has read (from `consultation:read` events). */
  readMark: (id: string) => ['consultations', 'read-mark', id] as const,
  kelurahan: (kecamatan: string) => ['regions', 'kelurahan', kecamatan] as const,
};

export const availabilityKeys = {
  /** My rules and upcoming date overrides (GET /api/mentors/me/availability). */
  mine: ['availability', 'me'] as const,
};

/** The mentor's desk; under `consultations` so any change to a consultation refreshes them too. */
export const deskKeys = {
  /** Today's consultations and the next ones, for a date key in the mentor's zone. */
  today: (day: string) => ['consultations', 'desk', 'today', day] as const,
  followUps: ['consultations', 'desk', 'follow-ups'] as const,
  cases: ['consultations', 'desk', 'cases'] as const,
  history: (entrepreneurId: string) => ['consultations', 'desk', 'history', entrepreneurId] as const,
};
