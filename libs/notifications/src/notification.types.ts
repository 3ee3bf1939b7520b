/** The contract's notification types: what happened, in `<aggregate>.<verb>` form. */
export const NOTIFICATION_TYPES = [
  'consultation.booked',
  'consultation.rescheduled',
  'consultation.cancelled',
  'consultation.reminder',
  'workshop.registered',
  'workshop.waitlisted',
  'workshop.promoted',
  'workshop.changed',
  'workshop.cancelled',
  'workshop.session.reminder',
  'certificate.ready',
  'followup.due',
] as const;
export type NotificationType = (typeof NOTIFICATION_TYPES)[number];

export const REMINDER_TYPES: readonly NotificationType[] = ['consultation.reminder', 'workshop.session.reminder'];
export const isReminder = (type: string) => REMINDER_TYPES.includes(type as NotificationType);

/**
 * What quiet hours (21:00-06:00 on the reader's clock; email and WhatsApp only, the inbox never waits) do
 * with each type:
 * - `own-action`: the confirmation of what the reader just did themselves (the payload's `actorId` is the
 *   reader) goes out at once: they are holding their phone. Anyone else's copy waits: the mentor's copy of
 *   a booking the entrepreneur made, the entrepreneur's of a cancellation by the mentor.
 * - `reminder`: waits, unless what it is about starts within the hour.
 * - `held`: nobody reading it just did it (a seat from the waitlist, an admin's change or cancellation of a
 *   workshop, a certificate, a follow-up): waits for the morning.
 * Leaving a workshop or its waitlist only takes the reminders away; it writes no notification.
 */
export type QuietHoursRule = 'own-action' | 'reminder' | 'held';
export const QUIET_HOURS: Readonly<Record<NotificationType, QuietHoursRule>> = {
  'consultation.booked': 'own-action',
  'consultation.rescheduled': 'own-action',
  'consultation.cancelled': 'own-action',
  'consultation.reminder': 'reminder',
  'workshop.registered': 'own-action',
  'workshop.waitlisted': 'own-action',
  'workshop.promoted': 'held',
  'workshop.changed': 'held',
  'workshop.cancelled': 'held',
  'workshop.session.reminder': 'reminder',
  'certificate.ready': 'held',
  'followup.due': 'held',
};

export const REF_KINDS = ['consultation', 'workshop_session', 'workshop'] as const;
export type RefKind = (typeof REF_KINDS)[number];

export const CHANNELS = ['in_app', 'email', 'whatsapp'] as const;
export type ChannelName = (typeof CHANNELS)[number];

/**
 * Facts a message is written from, captured when the notification is created (the recipient's language
 * and zone are read when it goes out). Times are ISO instants.
 */
export interface NotificationPayload {
  start?: string;
  end?: string;
  previousStart?: string;
  topic?: string;
  /** The workshop's title. */
  title?: string;
  workshopId?: string;
  /** The other person of a consultation (their name is read when the message goes out). */
  withUserId?: string;
  reason?: string;
  position?: number;
  certificateNumber?: string;
  followUpOn?: string;
  offsetMs?: number;
  /** Who made the change; when that is the reader, the message confirms their own action (`QUIET_HOURS`). */
  actorId?: string;
}
