import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { Clock, newId } from '@pendamping/platform';
import { InAppChannel } from '../channels/in-app.channel';
import { EmailChannel } from '../channels/email.channel';
import { WhatsAppChannel } from '../channels/whatsapp.channel';
import type { NotificationChannel } from '../channels/channel';
import { NotificationDelivery } from '../entities/notification-delivery.entity';
import type { Notification } from '../entities/notification.entity';
import { NotificationRepository } from '../notification.repository';
import type { OutsideChannel } from '../queue/notification-jobs';
import { NotificationRelay } from '../queue/notification-relay';
import { MessageBuilder } from './message-builder';
import { freshness } from './freshness';
import { notBefore } from './quiet-hours';
import { loadRecipient, type Recipient } from './recipient';
import type { Message } from '../templates/messages';

type Outcome = { notification: Notification; pushed?: { recipient: Recipient; message: Message }; outside: { notificationId: string; channel: OutsideChannel; notBefore: Date }[] } | null;

/**
 * A due notification: checked against fresh state, written for its reader, put in the inbox (the in-app
 * delivery, in the same transaction), pushed to their sockets, and handed to email and WhatsApp jobs.
 */
@Injectable()
export class DispatchService {
  private readonly logger = new Logger(DispatchService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly builder: MessageBuilder,
    private readonly relay: NotificationRelay,
    private readonly inApp: InAppChannel,
    private readonly email: EmailChannel,
    private readonly whatsapp: WhatsAppChannel,
    private readonly notifications: NotificationRepository,
  ) {}

  async dispatch(notificationId: string): Promise<void> {
    const outcome = await this.dataSource.transaction((manager) => this.claim(manager, notificationId));
    if (!outcome) return;
    // Socket push after the commit: at most once, the inbox is the record.
    if (outcome.pushed) {
      await this.inApp.send({ notification: outcome.notification, ...outcome.pushed }).catch((error: unknown) => {
        this.logger.warn(`socket push of ${notificationId} failed: ${error instanceof Error ? error.message : String(error)}`);
      });
    }
    await this.relay.deliver(outcome.outside);
  }

  private async claim(manager: EntityManager, id: string): Promise<Outcome> {
    // The row lock makes two runs of one job (a stalled worker, a reconciliation) take turns.
    const n = await this.notifications.lock(manager, id);
    if (!n || n.state === 'cancelled' || n.state === 'skipped') return null;
    if (n.state === 'dispatched') return { notification: n, outside: await this.waiting(manager, id) };
    const now = this.clock.now();
    const verdict = await freshness(manager, n, now);
    if (verdict !== 'current') {
      await this.notifications.setState(manager, id, verdict === 'stale' ? 'cancelled' : 'skipped');
      return null;
    }
    const recipient = await loadRecipient(manager, n.userId);
    if (!recipient) {
      // Gone meanwhile (rows cascade with the account): settle it, or every reconciliation brings it back.
      await this.notifications.setState(manager, id, 'skipped');
      return null;
    }
    const message = await this.builder.build(manager, n, recipient);
    const dispatched = { title: message.title.slice(0, 200), body: message.body, dispatchedAt: now };
    Object.assign(n, { state: 'dispatched', ...dispatched });
    await this.notifications.markDispatched(manager, id, dispatched);

    const later = notBefore(now, recipient.zone, n);
    const outside = ([this.email, this.whatsapp] as NotificationChannel[]).filter((c) => c.reaches(recipient));
    const rows = [
      { id: newId(), notificationId: id, channel: 'in_app' as const, status: 'sent' as const, notBefore: now, sentAt: now, attempts: 1 },
      ...outside.map((c) => ({ id: newId(), notificationId: id, channel: c.name, status: 'pending' as const, notBefore: later, sentAt: null, attempts: 0 })),
    ];
    await this.notifications.addDeliveries(manager, rows);
    return { notification: n, pushed: { recipient, message }, outside: outside.map((c) => ({ notificationId: id, channel: c.name as OutsideChannel, notBefore: later })) };
  }

  /** A re-run after a crash between the commit and the hand-over: the deliveries still waiting. */
  private async waiting(manager: EntityManager, notificationId: string) {
    const rows = await manager.find(NotificationDelivery, { where: { notificationId } });
    return rows
      .filter((d) => d.channel !== 'in_app' && (d.status === 'pending' || d.status === 'sending'))
      .map((d) => ({ notificationId, channel: d.channel as OutsideChannel, notBefore: d.notBefore }));
  }
}
