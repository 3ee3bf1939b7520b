import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { Clock } from '@pendamping/platform';
import type { NotificationChannel, Outgoing } from '../channels/channel';
import { EmailChannel } from '../channels/email.channel';
import { WhatsAppChannel } from '../channels/whatsapp.channel';
import { FINAL_DELIVERY_STATUSES, NotificationDelivery } from '../entities/notification-delivery.entity';
import { Notification } from '../entities/notification.entity';
import type { OutsideChannel } from '../queue/notification-jobs';
import { freshness } from './freshness';
import { MessageBuilder } from './message-builder';
import { loadRecipient } from './recipient';

/**
 * Sends one notification on one outside channel, once. The delivery record is claimed (`sending`) in a
 * committed transaction before the provider is called and marked `sent` after: a job that runs again
 * finds it final and does nothing. Only a crash between the provider's "accepted" and the mark can send
 * twice; the stable Message-ID lets mail clients fold that copy.
 */
@Injectable()
export class DeliveryService {
  private readonly logger = new Logger(DeliveryService.name);
  private readonly channels: Record<OutsideChannel, NotificationChannel>;
  /**
   * Deliveries this process is sending right now. After Redis lost its data the reconciliation adds a new
   * job for every `sending` record, also for one whose first job is still running here: that second job
   * must not send it again.
   */
  private readonly inFlight = new Set<string>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly builder: MessageBuilder,
    email: EmailChannel,
    whatsapp: WhatsAppChannel,
  ) {
    this.channels = { email, whatsapp };
  }

  async deliver(notificationId: string, channel: OutsideChannel): Promise<void> {
    const key = `${notificationId}:${channel}`;
    if (this.inFlight.has(key)) return;
    this.inFlight.add(key);
    try {
      const outgoing = await this.dataSource.transaction((manager) => this.claim(manager, notificationId, channel));
      if (!outgoing) return;
      await this.channels[channel].send(outgoing);
      await this.dataSource.manager.update(NotificationDelivery, { notificationId, channel, status: 'sending' }, { status: 'sent', sentAt: this.clock.now(), lastError: null });
    } finally {
      this.inFlight.delete(key);
    }
  }

  /** After a throw: back to `pending` for the next attempt, or `failed` (shown to admins) when none is left. */
  async recordFailure(notificationId: string, channel: OutsideChannel, error: unknown, final: boolean): Promise<void> {
    const lastError = describe(error).slice(0, 500);
    await this.dataSource.manager.update(NotificationDelivery, { notificationId, channel, status: 'sending' }, { status: final ? 'failed' : 'pending', lastError });
  }

  private async claim(manager: EntityManager, notificationId: string, channel: OutsideChannel): Promise<Outgoing | null> {
    const delivery = await manager.findOne(NotificationDelivery, { where: { notificationId, channel }, lock: { mode: 'pessimistic_write' } });
    if (!delivery || FINAL_DELIVERY_STATUSES.includes(delivery.status)) return null;
    const notification = await manager.findOneByOrFail(Notification, { id: notificationId });
    const settle = (status: 'skipped' | 'cancelled') => manager.update(NotificationDelivery, { id: delivery.id }, { status }).then(() => null);
    // Held for the morning meanwhile: the reminder may have moved, or its moment passed.
    const verdict = await freshness(manager, notification, this.clock.now());
    if (verdict !== 'current') return settle(verdict === 'stale' ? 'cancelled' : 'skipped');
    const recipient = await loadRecipient(manager, notification.userId);
    if (!recipient || !this.channels[channel].reaches(recipient)) return settle('skipped');
    if (delivery.status === 'sending') this.logger.warn(`${channel} for ${notificationId}: the previous attempt was interrupted; sending again`);
    await manager.update(NotificationDelivery, { id: delivery.id }, { status: 'sending', attempts: delivery.attempts + 1 });
    return { notification, recipient, message: await this.builder.build(manager, notification, recipient) };
  }
}

/** Errors from libraries are not always `Error` instances (another realm, plain objects). */
function describe(error: unknown): string {
  if (error && typeof error === 'object' && 'message' in error) return String((error as { message: unknown }).message);
  return String(error);
}
