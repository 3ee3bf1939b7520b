import { BullModule, InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Injectable, Logger, Module, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { Clock, DomainEvents } from '@pendamping/platform';
import { Workshop } from './entities/workshop.entity';
import { fillSeats, lockWorkshop } from './seating';
import { QUOTA_HOLD_ENDS_BEFORE_MS } from './seats';
import { WorkshopsModule } from './workshops.module';

export const WORKSHOP_JOBS_QUEUE = 'workshops';
const RELEASE_SCHEDULER_ID = 'workshops-release-held-seats';
export const RELEASE_EVERY_MS = 60_000;
const BATCH = 100;

/**
 * Seats held for kecamatan quotas open to everyone a day before the first session. Seating rules read
 * that from the clock, so nobody can take such a seat ahead of the line; this hands the seats to the
 * people waiting (and tells them) without anyone having to register or cancel first.
 */
@Injectable()
export class HeldSeatsService {
  private readonly logger = new Logger(HeldSeatsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: DomainEvents,
    private readonly clock: Clock,
  ) {}

  /** Releases every workshop whose held seats are due; returns how many it released. */
  async releaseDue(): Promise<number> {
    let released = 0;
    for (;;) {
      const now = this.clock.now();
      const due: { id: string }[] = await this.dataSource.query(
        `SELECT w.id FROM workshops w
          WHERE w.status = 'published' AND w.quotasReleasedAt IS NULL
            AND EXISTS (SELECT 1 FROM workshop_quotas q WHERE q.workshopId = w.id)
            AND (SELECT MIN(s.startsAt) FROM workshop_sessions s WHERE s.workshopId = w.id) <= ?
            AND (SELECT MAX(s.endsAt) FROM workshop_sessions s WHERE s.workshopId = w.id) > ?
          ORDER BY w.id
          LIMIT ${BATCH}`,
        // Never a workshop that is over: nobody is moved up (and told) for something in the past.
        [new Date(now.getTime() + QUOTA_HOLD_ENDS_BEFORE_MS), now],
      );
      for (const { id } of due) {
        await this.events.transaction(this.dataSource, async (manager, emit) => {
          const workshop = await lockWorkshop(manager, id);
          if (workshop.status !== 'published' || workshop.quotasReleasedAt) return;
          await fillSeats(manager, workshop, emit, now);
          await manager.update(Workshop, { id }, { quotasReleasedAt: now });
        });
      }
      released += due.length;
      if (due.length < BATCH) break;
    }
    if (released) this.logger.log(`opened the held seats of ${released} workshop(s) to the waitlist`);
    return released;
  }
}

@Processor(WORKSHOP_JOBS_QUEUE)
export class WorkshopJobsProcessor extends WorkerHost implements OnApplicationBootstrap {
  constructor(
    private readonly heldSeats: HeldSeatsService,
    @InjectQueue(WORKSHOP_JOBS_QUEUE) private readonly queue: Queue,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler(RELEASE_SCHEDULER_ID, { every: RELEASE_EVERY_MS }, { name: 'release-held-seats' });
  }

  process(): Promise<number> {
    return this.heldSeats.releaseDue();
  }
}

/** The worker's part of workshops: releasing held seats every minute. Needs BullModule.forRoot in the app. */
@Module({
  imports: [WorkshopsModule, BullModule.registerQueue({ name: WORKSHOP_JOBS_QUEUE })],
  providers: [HeldSeatsService, WorkshopJobsProcessor],
  exports: [HeldSeatsService],
})
export class WorkshopsWorkerModule {}
