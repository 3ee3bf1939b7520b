import type { Consultation, Me } from '@/api/types';

/** The person across the table: the mentor for the entrepreneur, the entrepreneur for the mentor. */
export function otherPerson(c: Consultation, me: Me | undefined): { id: string; name: string } {
  return me?.id === c.mentorId ? { id: c.entrepreneurId, name: c.entrepreneurName ?? '' } : { id: c.mentorId, name: c.mentorName ?? '' };
}

export const isParticipant = (c: Consultation, me: Me | undefined) => !!me && (me.id === c.mentorId || me.id === c.entrepreneurId);
