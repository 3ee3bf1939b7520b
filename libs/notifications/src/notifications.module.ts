import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '@pendamping/identity';
import { AdminDeliveriesController, NotificationsController } from './api/notifications.controller';
import { FailedDeliveriesService } from './api/failed-deliveries.service';
import { InboxService } from './api/inbox.service';
import { PreferencesService } from './api/preferences.service';
import { QueueDashboard } from './api/queue-dashboard';
import { QueueHealth } from './api/queue-health';
import { CalendarFeedController } from './calendar/calendar-feed.controller';
import { CalendarFeedService } from './calendar/calendar-feed.service';
import { CalendarInvites } from './channels/calendar-invite';
import { EmailChannel } from './channels/email.channel';
import { InAppChannel } from './channels/in-app.channel';
import { WhatsAppChannel } from './channels/whatsapp.channel';
import { DeliveryService } from './delivery/delivery.service';
import { DispatchService } from './delivery/dispatch.service';
import { MessageBuilder } from './delivery/message-builder';
import { DeliveryProcessor, DispatchProcessor } from './delivery/notification.processors';
import { ReconcileService } from './delivery/reconcile.service';
import { notificationEntities } from './notification.entities';
import { NotificationRepository } from './notification.repository';
import { OutboxSubscriber } from './outbox/outbox.subscriber';
import { OutboxWriter } from './outbox/outbox-writer';
import { NOTIFICATION_QUEUES } from './queue/notification-jobs';
import { NotificationRelay } from './queue/notification-relay';

/**
 * What every process needs: the outbox (domain events → rows, in the publisher's transaction) and the
 * relay that puts rows on the queues. Needs BullModule.forRoot in the app.
 */
@Module({
  imports: [TypeOrmModule.forFeature(notificationEntities), ...NOTIFICATION_QUEUES.map((name) => BullModule.registerQueue({ name }))],
  providers: [NotificationRepository, OutboxWriter, OutboxSubscriber, NotificationRelay],
  exports: [NotificationRepository, NotificationRelay, BullModule],
})
export class NotificationsOutboxModule {}

/** The api: inbox, preferences, admin views, the queue dashboard and queue counts in /api/health. Produces jobs only. */
@Module({
  imports: [NotificationsOutboxModule, IdentityModule],
  controllers: [NotificationsController, AdminDeliveriesController, CalendarFeedController],
  providers: [InboxService, PreferencesService, FailedDeliveriesService, QueueDashboard, QueueHealth, CalendarFeedService],
})
export class NotificationsModule {}

/** The worker: dispatch and delivery processors, the channels, and the reconciliation with Redis. */
@Module({
  imports: [NotificationsOutboxModule],
  providers: [
    DispatchProcessor,
    DeliveryProcessor,
    DispatchService,
    DeliveryService,
    ReconcileService,
    MessageBuilder,
    CalendarInvites,
    InAppChannel,
    EmailChannel,
    WhatsAppChannel,
  ],
  exports: [DispatchService, DeliveryService, ReconcileService],
})
export class NotificationsWorkerModule {}
