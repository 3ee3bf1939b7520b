import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ConsultationEvent } from '@pendamping/consultations';
import { Clock, DomainEvents, type DomainEvent } from '@pendamping/platform';
import type { WorkshopEvent } from '@pendamping/workshops';
import { NotificationRelay } from '../queue/notification-relay';
import { writeConsultationOutbox } from './consultation-outbox';
import { OutboxWriter, type OutboxChanges } from './outbox-writer';
import { writeWorkshopOutbox } from './workshop-outbox';

const PATTERNS = ['consultation.*', 'workshop.*', 'certificate.ready'];
/** The fast path may not hold a request up for long: what it misses, the reconciliation adds. */
const RELAY_TIMEOUT_MS = 2_000;

/**
 * Turns domain events into outbox rows in the publisher's transaction, then (after the commit) puts them
 * on the queue. If the process dies between the two, the worker's reconciliation finds the rows.
 */
@Injectable()
export class OutboxSubscriber implements OnModuleInit {
  private readonly logger = new Logger(OutboxSubscriber.name);
  // What each event wrote, for its after-commit step (the bus hands both steps the same event object).
  private readonly written = new WeakMap<DomainEvent, OutboxChanges>();

  constructor(
    private readonly events: DomainEvents,
    private readonly writer: OutboxWriter,
    private readonly relay: NotificationRelay,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    for (const pattern of PATTERNS) {
      this.events.withinTransaction(pattern, (event, manager) => this.write(event, manager));
      this.events.afterCommit(pattern, (event) => this.relayWritten(event));
    }
  }

  private async write(event: DomainEvent, manager: EntityManager): Promise<void> {
    const changes = this.written.get(event) ?? { scheduled: [], cancelled: [] };
    if (event.type.startsWith('consultation.')) await writeConsultationOutbox(event as ConsultationEvent, manager, this.writer, changes);
    else await writeWorkshopOutbox(event as WorkshopEvent, manager, this.writer, changes, this.clock.now());
    this.written.set(event, changes);
  }

  private async relayWritten(event: DomainEvent): Promise<void> {
    const changes = this.written.get(event);
    if (!changes) return;
    this.written.delete(event);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, RELAY_TIMEOUT_MS)));
    try {
      await Promise.race([Promise.all([this.relay.unschedule(changes.cancelled), this.relay.schedule(changes.scheduled)]), timeout]);
    } catch (error) {
      this.logger.warn(`relay after ${event.type} failed (the reconciliation will add the jobs): ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      clearTimeout(timer);
    }
  }
}
