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
}
