import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import { DataSource, In, MoreThan } from 'typeorm';
import { RedisLossWatch } from '@pendamping/platform';
import { NotificationDelivery } from '../entities/notification-delivery.entity';
import { Notification } from '../entities/notification.entity';
import { DISPATCH_QUEUE, JOB, RECONCILE_EVERY_MS, RECONCILE_SCHEDULER_ID, type DispatchJob, type OutsideChannel } from '../queue/notification-jobs';
import { NotificationRelay } from '../queue/notification-relay';

const PAGE = 1_000;

/**
 * MySQL says what must still happen; this puts it back on Redis. Runs when the worker starts, every few
 * minutes (a job scheduler), and at once when Redis comes back or lost its data (RedisLossWatch, which
 * also re-creates the scheduler: it lives in Redis too), so a flushed or restarted Redis, or an api that
 * died between its commit and its relay, loses nothing. Re-adding a job that exists is a no-op
 * (deterministic ids).
 */
@Injectable()
export class ReconcileService implements OnModuleInit {
  private readonly logger = new Logger(ReconcileService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly relay: NotificationRelay,
    @InjectQueue(DISPATCH_QUEUE) private readonly queue: Queue<DispatchJob>,
    private readonly redisLoss: RedisLossWatch,
  ) {}

  onModuleInit(): void {
    this.redisLoss.register('notification reconciliation', () => this.start());
  }

  async start(): Promise<void> {
    await this.queue.upsertJobScheduler(RECONCILE_SCHEDULER_ID, { every: RECONCILE_EVERY_MS }, { name: JOB.reconcile, data: { notificationId: '' } });
    await this.run();
  }

  async run(): Promise<{ notifications: number; deliveries: number }> {
    const notifications = await this.pages(Notification, { state: 'scheduled' }, (rows) => this.relay.schedule(rows));
    const deliveries = await this.pages(NotificationDelivery, { status: In(['pending', 'sending']) }, (rows) =>
      this.relay.deliver(rows.filter((d) => d.channel !== 'in_app').map((d) => ({ notificationId: d.notificationId, channel: d.channel as OutsideChannel, notBefore: d.notBefore }))),
    );
    this.logger.log(`reconciled ${notifications} scheduled notifications and ${deliveries} waiting deliveries with the queue`);
    return { notifications, deliveries };
  }

  /** Walks matching rows in id order, a page at a time. */
  private async pages<T extends { id: string }>(entity: new () => T, where: object, each: (rows: T[]) => Promise<void>): Promise<number> {
    let after = '';
    let total = 0;
    for (;;) {
      const rows = await this.dataSource.manager.find(entity, { where: { ...where, id: MoreThan(after) } as never, order: { id: 'ASC' } as never, take: PAGE });
      if (rows.length === 0) return total;
      await each(rows);
      total += rows.length;
      after = rows[rows.length - 1].id;
    }
  }
}
