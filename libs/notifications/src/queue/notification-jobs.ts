import type { JobsOptions } from 'bullmq';
import type { ChannelName } from '../notification.types';

// The job catalogue: queue names, job names, payloads, ids and options, in one place.

/** Due notifications: render, pick channels, put in the inbox. Also runs the reconciliation. */
export const DISPATCH_QUEUE = 'notifications';
/** One job per notification and outside channel (email, WhatsApp), so a slow provider holds up nothing else. */
export const DELIVERY_QUEUE = 'notification-deliveries';
export const NOTIFICATION_QUEUES = [DISPATCH_QUEUE, DELIVERY_QUEUE] as const;

export const JOB = { dispatch: 'dispatch', deliver: 'deliver', reconcile: 'reconcile' } as const;
export const RECONCILE_SCHEDULER_ID = 'notifications-reconcile';
export const RECONCILE_EVERY_MS = 5 * 60_000;

export type OutsideChannel = Exclude<ChannelName, 'in_app'>;

export interface DispatchJob {
  notificationId: string;
}

export interface DeliverJob {
  notificationId: string;
  channel: OutsideChannel;
}

// Deterministic ids: adding a job that exists is a no-op, so the relay and the reconciliation may both
// add the same one. BullMQ refuses ':' in custom ids.
export const dispatchJobId = (notificationId: string) => `n-${notificationId}`;
export const deliveryJobId = (notificationId: string, channel: OutsideChannel) => `d-${notificationId}-${channel}`;

const KEEP = { removeOnComplete: { age: 3_600, count: 1_000 }, removeOnFail: { age: 14 * 86_400 } };

export const DISPATCH_OPTIONS: JobsOptions = { attempts: 10, backoff: { type: 'exponential', delay: 1_000 }, ...KEEP };
/** 1 s, 2 s, 4 s … about 8.5 minutes over 10 attempts; then the delivery is failed and shown to admins. */
export const DELIVERY_OPTIONS: JobsOptions = { attempts: 10, backoff: { type: 'exponential', delay: 1_000 }, ...KEEP };

/**
 * A killed worker's job returns to the queue once its lock lapses. A short lock is safe because the
 * delivery record makes a second run a no-op; it keeps a restart's catch-up within seconds.
 */
export const WORKER_OPTIONS = { lockDuration: 6_000, stalledInterval: 3_000, maxStalledCount: 5 };
