import type { Notification } from './entities/notification.entity';

/**
 * The web app's page for a notification (the consultation, the session's room, the workshop, the
 * certificate): the inbox and the bell open it, and the messages read outside the app link to it.
 */
export function notificationPath(n: Pick<Notification, 'type' | 'refKind' | 'refId' | 'payload'>): string {
  if (n.type === 'certificate.ready') return `/workshops/${n.refId}/certificate`;
  if (n.refKind === 'consultation') return `/consultations/${n.refId}`;
  if (n.refKind === 'workshop_session') return `/workshops/${n.payload.workshopId}/sessions/${n.refId}`;
  return `/workshops/${n.refId}`;
}
