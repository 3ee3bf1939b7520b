import { Injectable, OnModuleInit, Optional } from '@nestjs/common';
import { HealthDetails } from '@pendamping/platform';
import { NotificationRelay } from '../queue/notification-relay';

/** Adds `queues: {<name>: {waiting, delayed, active, failed}}` to /api/health. */
@Injectable()
export class QueueHealth implements OnModuleInit {
  constructor(
    private readonly relay: NotificationRelay,
    @Optional() private readonly details?: HealthDetails,
  ) {}

  onModuleInit(): void {
    this.details?.register('queues', async () => {
      const queues = [this.relay.dispatchQueue, this.relay.deliveryQueue];
      const counts = await Promise.all(queues.map((q) => q.getJobCounts('waiting', 'delayed', 'active', 'failed')));
      return Object.fromEntries(queues.map((q, i) => [q.name, counts[i]]));
    });
  }
}
