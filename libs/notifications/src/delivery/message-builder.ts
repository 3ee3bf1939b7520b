import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AppConfig } from '@pendamping/platform';
import type { Notification } from '../entities/notification.entity';
import { notificationPath } from '../notification-path';
import type { NotificationType } from '../notification.types';
import { renderMessage, type Message } from '../templates/messages';
import type { Recipient } from './recipient';

/** Writes a stored notification as a message for its reader, with the link to act on it. */
@Injectable()
export class MessageBuilder {
  constructor(private readonly config: AppConfig) {}

  async build(manager: EntityManager, notification: Notification, recipient: Recipient): Promise<Message> {
    const withUserId = notification.payload.withUserId;
    const [other]: { name: string }[] = withUserId ? await manager.query('SELECT name FROM users WHERE id = ?', [withUserId]) : [];
    return renderMessage({
      type: notification.type as NotificationType,
      payload: notification.payload,
      locale: recipient.locale,
      zone: recipient.zone,
      withName: other?.name ?? '-',
      link: this.link(notification),
    });
  }

  /** A page of the web app (a mail client has no bearer token for the api). */
  link(n: Pick<Notification, 'type' | 'refKind' | 'refId' | 'payload'>): string {
    return `${this.config.publicUrl.replace(/\/$/, '')}${notificationPath(n)}`;
  }
}
