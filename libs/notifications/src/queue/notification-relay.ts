import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import {
  DELIVERY_OPTIONS,
  DELIVERY_QUEUE,
  DISPATCH_OPTIONS,
  DISPATCH_QUEUE,
  JOB,
  deliveryJobId,
  dispatchJobId,
  type DeliverJob,
  type DispatchJob,
  type OutsideChannel,
} from './notification-jobs';

const CHUNK = 1_000;

/**
 * Puts what the database says must happen onto BullMQ as delayed jobs. Every add is keyed by a
 * deterministic job id, so calling it twice for the same row changes nothing.
 */
@Injectable()
export class NotificationRelay {
  // Their 'error' listeners (a lost Redis, logged once per outage) come from the platform's QueueOutageLogs.
  constructor(
    @InjectQueue(DISPATCH_QUEUE) readonly dispatchQueue: Queue<DispatchJob>,
    @InjectQueue(DELIVERY_QUEUE) readonly deliveryQueue: Queue<DeliverJob>,
  ) {}

  async schedule(rows: { id: string; dueAt: Date }[]): Promise<void> {
    for (let i = 0; i < rows.length; i += CHUNK) {
      const now = Date.now();
      await this.dispatchQueue.addBulk(
        rows.slice(i, i + CHUNK).map((row) => ({
          name: JOB.dispatch,
          data: { notificationId: row.id },
          opts: { ...DISPATCH_OPTIONS, jobId: dispatchJobId(row.id), delay: Math.max(0, row.dueAt.getTime() - now) },
        })),
      );
    }
  }

  /** Takes superseded reminders off the schedule; one that is running meanwhile finds itself stale. */
  async unschedule(notificationIds: string[]): Promise<void> {
    await Promise.all(notificationIds.map((id) => this.dispatchQueue.remove(dispatchJobId(id)).catch(() => 0)));
    const outside: OutsideChannel[] = ['email', 'whatsapp'];
    await Promise.all(notificationIds.flatMap((id) => outside.map((channel) => this.deliveryQueue.remove(deliveryJobId(id, channel)).catch(() => 0))));
  }

  async deliver(rows: { notificationId: string; channel: OutsideChannel; notBefore: Date }[]): Promise<void> {
    for (let i = 0; i < rows.length; i += CHUNK) {
      const now = Date.now();
      await this.deliveryQueue.addBulk(
        rows.slice(i, i + CHUNK).map((row) => ({
          name: JOB.deliver,
          data: { notificationId: row.notificationId, channel: row.channel },
          opts: { ...DELIVERY_OPTIONS, jobId: deliveryJobId(row.notificationId, row.channel), delay: Math.max(0, row.notBefore.getTime() - now) },
        })),
      );
    }
  }

  /** An admin's retry of a failed delivery: the failed job runs again, or a new one is added. */
  async redeliver(notificationId: string, channel: OutsideChannel): Promise<void> {
    const job = await this.deliveryQueue.getJob(deliveryJobId(notificationId, channel));
    if (job && (await job.isFailed())) return job.retry('failed', { resetAttemptsMade: true });
    if (job && !(await job.isCompleted())) return;
    if (job) await job.remove();
    await this.deliver([{ notificationId, channel, notBefore: new Date() }]);
  }
}
