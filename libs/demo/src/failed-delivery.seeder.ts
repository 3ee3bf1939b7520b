import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { User } from '@pendamping/identity';
import { Notification, NotificationDelivery, renderMessage, type NotificationPayload } from '@pendamping/notifications';
import { AppConfig, newId } from '@pendamping/platform';
import { ConsultationHistorySeeder } from './consultation-history.seeder';
import { DEMO_PAST_CONSULTATIONS, type DemoPeople } from './demo-data';
import { minutesAfter } from './demo-time';

/** What the WhatsApp provider answers for a number that has no WhatsApp account (Meta error 131026). */
const PROVIDER_REFUSAL = 'WhatsApp provider refused the message: 400 {"error":{"message":"(#131026) Message undeliverable","code":131026}}';

/**
 * The reminder that never reached Bambang before the consultation he missed: in his inbox, but its
 * WhatsApp copy was refused by the provider (a 4xx fails at once), so the admin's failed-deliveries screen
 * has a true case to show and retry. The rows are those DispatchService and DeliveryService write.
 */
@Injectable()
export class FailedDeliverySeeder {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly history: ConsultationHistorySeeder,
    private readonly config: AppConfig,
  ) {}

  async seed(people: DemoPeople): Promise<boolean> {
    const missed = DEMO_PAST_CONSULTATIONS.find((c) => c.noShow)!;
    const consultation = await this.history.find(people, missed);
    if (!consultation) return false;
    const userId = consultation.entrepreneurId;
    const type = 'consultation.reminder' as const;
    if (await this.db.getRepository(Notification).existsBy({ userId, subjectId: consultation.id, type })) return false;
    const [user, mentor] = await Promise.all([
      this.db.getRepository(User).findOneByOrFail({ id: userId }),
      this.db.getRepository(User).findOneByOrFail({ id: consultation.mentorId }),
    ]);
    const offsetMs = Math.max(...this.config.reminderOffsetsMs);
    const dueAt = new Date(consultation.start.getTime() - offsetMs);
    const payload: NotificationPayload = { start: consultation.start.toISOString(), end: consultation.end.toISOString(), topic: consultation.topic, withUserId: mentor.id, offsetMs };
    const link = `${this.config.publicUrl.replace(/\/$/, '')}/consultations/${consultation.id}`;
    const message = renderMessage({ type, payload, locale: user.locale, zone: user.timezone, withName: mentor.name, link });
    const id = newId();
    const failedAt = minutesAfter(dueAt, 1);
    await this.db.transaction(async (manager) => {
      await manager.insert(Notification, {
        id,
        userId,
        type,
        refKind: 'consultation',
        refId: consultation.id,
        subjectId: consultation.id,
        payload,
        dueAt,
        state: 'dispatched',
        title: message.title.slice(0, 200),
        body: message.body,
        dispatchedAt: dueAt,
        readAt: null,
        createdAt: consultation.createdAt,
      });
      await manager.insert(NotificationDelivery, [
        { id: newId(), notificationId: id, channel: 'in_app', status: 'sent', notBefore: dueAt, sentAt: dueAt, attempts: 1, createdAt: dueAt, updatedAt: dueAt },
        { id: newId(), notificationId: id, channel: 'whatsapp', status: 'failed', notBefore: dueAt, sentAt: null, attempts: 1, lastError: PROVIDER_REFUSAL, createdAt: dueAt, updatedAt: failedAt },
      ]);
    });
    return true;
  }
}
