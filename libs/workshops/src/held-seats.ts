import { BullModule, InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Injectable, Logger, Module, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { Clock, DomainEvents, RedisLossWatch } from '@pendamping/platform';
import { WorkshopSession } from './entities/workshop-session.entity';
import { Workshop } from './entities/workshop.entity';
import { fillSeats, lockWorkshop } from './seating';
import { heldSeatsDue, QUOTA_HOLD_ENDS_BEFORE_MS } from './seats';
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

  /**
   * Releases every workshop whose held seats are due, each in its own transaction: one that fails is
   * logged and counted, and stays due for the next run, while the others go on.
   */
  async releaseDue(): Promise<HeldSeatsRelease> {
    const result: HeldSeatsRelease = { released: 0, failed: 0 };
    // Paged by id, so a workshop that keeps failing is passed over rather than picked again and again.
    for (let after = ''; ; ) {
      const now = this.clock.now();
      const due: { id: string }[] = await this.dataSource.query(
        `SELECT w.id FROM workshops w
          WHERE w.status = 'published' AND w.quotasReleasedAt IS NULL AND w.id > ?
            AND EXISTS (SELECT 1 FROM workshop_quotas q WHERE q.workshopId = w.id)
            AND (SELECT MIN(s.startsAt) FROM workshop_sessions s WHERE s.workshopId = w.id) <= ?
            AND (SELECT MAX(s.endsAt) FROM workshop_sessions s WHERE s.workshopId = w.id) > ?
          ORDER BY w.id
          LIMIT ${BATCH}`,
        // Never a workshop that is over: nobody is moved up (and told) for something in the past.
        [after, new Date(now.getTime() + QUOTA_HOLD_ENDS_BEFORE_MS), now],
      );
      for (const { id } of due) {
        try {
          if (await this.release(id, now)) result.released++;
        } catch (error) {
          result.failed++;
          this.logger.error({ err: error, workshopId: id }, 'could not open the held seats of a workshop; the next run tries again');
        }
      }
      if (due.length < BATCH) break;
      after = due[due.length - 1].id;
    }
    if (result.released) this.logger.log(`opened the held seats of ${result.released} workshop(s) to the waitlist`);
    return result;
  }

  /** Opens one workshop's held seats, unless they stopped being due before its lock was taken. */
  private release(id: string, now: Date): Promise<boolean> {
    return this.events.transaction(this.dataSource, async (manager, emit) => {
      const workshop = await lockWorkshop(manager, id);
      if (workshop.status !== 'published' || workshop.quotasReleasedAt) return false;
      // Checked again under the lock: an admin may have moved the sessions since the query above.
      const [first, last] = await Promise.all([
        manager.findOne(WorkshopSession, { select: { startsAt: true }, where: { workshopId: id }, order: { startsAt: 'ASC' } }),
        manager.findOne(WorkshopSession, { select: { endsAt: true }, where: { workshopId: id }, order: { endsAt: 'DESC' } }),
      ]);
      if (!heldSeatsDue(first?.startsAt, last?.endsAt, now)) return false;
      await fillSeats(manager, workshop, emit, now);
      await manager.update(Workshop, { id }, { quotasReleasedAt: now });
      return true;
    });
  }
}

export interface HeldSeatsRelease {
  released: number;
  /** Workshops whose release failed (logged); they stay due. */
  failed: number;
}

@Processor(WORKSHOP_JOBS_QUEUE)
export class WorkshopJobsProcessor extends WorkerHost implements OnModuleInit {
  constructor(
    private readonly heldSeats: HeldSeatsService,
    @InjectQueue(WORKSHOP_JOBS_QUEUE) private readonly queue: Queue,
    private readonly redisLoss: RedisLossWatch,
  ) {
    super();
  }

  onModuleInit(): void {
    // At start, and again whenever Redis lost it (the scheduler lives in Redis).
    this.redisLoss.register('held seats scheduler', () => this.queue.upsertJobScheduler(RELEASE_SCHEDULER_ID, { every: RELEASE_EVERY_MS }, { name: 'release-held-seats' }));
  }

  process(): Promise<HeldSeatsRelease> {
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
