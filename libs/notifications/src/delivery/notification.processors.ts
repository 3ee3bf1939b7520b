import { Processor, WorkerHost } from '@nestjs/bullmq';
import { UnrecoverableError, type Job } from 'bullmq';
import { DELIVERY_QUEUE, DISPATCH_QUEUE, JOB, WORKER_OPTIONS, type DeliverJob, type DispatchJob } from '../queue/notification-jobs';
import { DeliveryService } from './delivery.service';
import { DispatchService } from './dispatch.service';
import { ReconcileService } from './reconcile.service';

// Thin adapters: each job calls one service method. They run in the worker only.

@Processor(DISPATCH_QUEUE, { concurrency: 20, ...WORKER_OPTIONS })
export class DispatchProcessor extends WorkerHost {
  constructor(
    private readonly dispatcher: DispatchService,
    private readonly reconciler: ReconcileService,
  ) {
    super();
  }

  async process(job: Job<DispatchJob>): Promise<unknown> {
    if (job.name === JOB.reconcile) return this.reconciler.run();
    return this.dispatcher.dispatch(job.data.notificationId);
  }
}

@Processor(DELIVERY_QUEUE, { concurrency: 10, ...WORKER_OPTIONS })
export class DeliveryProcessor extends WorkerHost {
  constructor(private readonly deliveries: DeliveryService) {
    super();
  }

  async process(job: Job<DeliverJob>): Promise<void> {
    const { notificationId, channel } = job.data;
    try {
      await this.deliveries.deliver(notificationId, channel);
    } catch (error) {
      // attemptsMade counts the attempts before this one.
      const final = error instanceof UnrecoverableError || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      await this.deliveries.recordFailure(notificationId, channel, error, final);
      throw error;
    }
  }
}
