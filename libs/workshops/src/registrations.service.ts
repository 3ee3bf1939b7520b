import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { EntrepreneurProfile, User } from '@pendamping/identity';
import { Clock, decodeTimeCursor, DEFAULT_PAGE_SIZE, DomainEvents, forbidden, isDuplicateKey, newId, notFound, toPage, type Caller, type Page } from '@pendamping/platform';
import { Registration } from './entities/registration.entity';
import { WorkshopSession } from './entities/workshop-session.entity';
import { WorkshopSpeaker } from './entities/workshop-speaker.entity';
import { Workshop } from './entities/workshop.entity';
import { fillSeats, lockWorkshop, nextWaitlistSeq, waitlistPosition } from './seating';
import type { RegistrationQuery } from './workshop.dto';
import { WorkshopErrors } from './workshop.errors';
import { workshopEvent, type WorkshopRegistered, type WorkshopRegistrationCancelled, type WorkshopWaitlisted } from './workshop.events';
import { effectiveStatus } from './workshop-reader.service';
import type { MyRegistrationView, RegistrationResult, RegistrationView } from './workshop.views';

/** Seats and the waitlist. Every change holds the workshop row lock, so capacity holds under load. */
@Injectable()
export class RegistrationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: DomainEvents,
    private readonly clock: Clock,
  ) {}

  async register(workshopId: string, caller: Caller): Promise<RegistrationResult> {
    try {
      return await this.events.transaction(this.dataSource, async (manager, emit) => {
        const workshop = await this.lockOpen(manager, workshopId);
        const existing = await manager.findOneBy(Registration, { workshopId, userId: caller.id });
        if (existing && existing.status !== 'cancelled') throw WorkshopErrors.alreadyRegistered();
        const profile = await manager.findOneBy(EntrepreneurProfile, { userId: caller.id });
        const kecamatanCode = profile ? profile.kelurahanCode.slice(0, 8) : null;
        // The line first: when held seats have just opened to everyone, those waiting take them.
        const seated = (await fillSeats(manager, workshop, emit, this.clock.now())).canSeat(kecamatanCode);
        const waitlistSeq = seated ? null : await nextWaitlistSeq(manager, workshopId);
        const status = seated ? 'registered' : 'waitlisted';
        // Someone who cancelled and comes back reuses their row (one per person), at the back of the line.
        if (existing) await manager.update(Registration, { id: existing.id }, { status, waitlistSeq, kecamatanCode, createdAt: this.clock.now() });
        else await manager.insert(Registration, { id: newId(), workshopId, userId: caller.id, status, waitlistSeq, kecamatanCode });
        if (seated) {
          await emit(workshopEvent<WorkshopRegistered>({ type: 'workshop.registered', workshopId, userId: caller.id, byUserId: caller.id }));
          return { status: 'registered' };
        }
        const position = await waitlistPosition(manager, workshopId, waitlistSeq!);
        await emit(workshopEvent<WorkshopWaitlisted>({ type: 'workshop.waitlisted', workshopId, userId: caller.id, position, byUserId: caller.id }));
        return { status: 'waitlisted', position };
      });
    } catch (error) {
      if (isDuplicateKey(error)) throw WorkshopErrors.alreadyRegistered();
      throw error;
    }
  }

  /** Gives up a seat or a place in line; the first person in line who may take the seat moves up. */
  async cancelMine(workshopId: string, caller: Caller): Promise<void> {
    await this.events.transaction(this.dataSource, async (manager, emit) => {
      const workshop = await this.lockOpen(manager, workshopId);
      const registration = await manager.findOneBy(Registration, { workshopId, userId: caller.id });
      if (!registration || registration.status === 'cancelled') throw WorkshopErrors.noRegistration();
      const previousStatus = registration.status;
      await manager.update(Registration, { id: registration.id }, { status: 'cancelled', waitlistSeq: null });
      await emit(workshopEvent<WorkshopRegistrationCancelled>({ type: 'workshop.registration_cancelled', workshopId, userId: caller.id, previousStatus }));
      if (previousStatus === 'registered') await fillSeats(manager, workshop, emit, this.clock.now());
    });
  }

  /**
   * `status: null` when the caller never registered: "not yet" is an answer, not an error (a browser logs
   * every 4xx). An unknown workshop, or a draft, is still a 404.
   */
  async mine(workshopId: string, caller: Caller): Promise<MyRegistrationView> {
    const registration = await this.dataSource.manager.findOneBy(Registration, { workshopId, userId: caller.id });
    if (!registration) {
      const workshop = await this.dataSource.manager.findOne(Workshop, { select: { id: true, status: true }, where: { id: workshopId } });
      if (!workshop || workshop.status === 'draft') throw notFound('Workshop');
      return { status: null };
    }
    if (registration.status !== 'waitlisted') return { status: registration.status };
    return { status: 'waitlisted', position: await waitlistPosition(this.dataSource.manager, workshopId, registration.waitlistSeq!) };
  }

  /** For admins and the workshop's own speakers, in the order people registered. */
  async list(workshopId: string, caller: Caller, query: RegistrationQuery): Promise<Page<RegistrationView>> {
    await this.assertStaff(workshopId, caller);
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const after = query.cursor ? decodeTimeCursor(query.cursor) : null;
    const qb = this.dataSource.manager
      .createQueryBuilder(Registration, 'r')
      .innerJoin(User, 'u', 'u.id = r.userId')
      .select(['r.userId AS userId', 'u.name AS name', 'r.status AS status', 'r.waitlistSeq AS seq', 'r.kecamatanCode AS kecamatanCode', 'r.createdAt AS createdAt'])
      .where('r.workshopId = :workshopId', { workshopId })
      .orderBy('r.createdAt', 'ASC')
      .addOrderBy('r.userId', 'ASC')
      .limit(limit + 1);
    if (query.status) qb.andWhere('r.status = :status', { status: query.status });
    if (after) qb.andWhere('(r.createdAt > :at OR (r.createdAt = :at AND r.userId > :id))', after);
    const rows = await qb.getRawMany<{ userId: string; name: string; status: Registration['status']; seq: number | null; kecamatanCode: string | null; createdAt: Date }>();
    const line = await this.dataSource.manager.find(Registration, { select: { waitlistSeq: true }, where: { workshopId, status: 'waitlisted' }, order: { waitlistSeq: 'ASC' } });
    const positions = new Map(line.map((r, i) => [r.waitlistSeq, i + 1]));
    return toPage(
      rows,
      limit,
      (r) => ({ userId: r.userId, name: r.name, status: r.status, ...(r.status === 'waitlisted' && { position: positions.get(r.seq) }), kecamatanCode: r.kecamatanCode, createdAt: r.createdAt }),
      (r) => [new Date(r.createdAt).toISOString(), r.userId],
    );
  }

  /** Admins, and speakers of this workshop; anyone else gets 403 (404 when the workshop is not theirs to see). */
  async assertStaff(workshopId: string, caller: Caller): Promise<void> {
    if (!(await this.dataSource.manager.existsBy(Workshop, { id: workshopId }))) throw notFound('Workshop');
    if (caller.roles.includes('admin')) return;
    if (!(await this.dataSource.manager.existsBy(WorkshopSpeaker, { workshopId, speakerId: caller.id }))) throw forbidden('Only admins and this workshop\'s speakers can see this');
  }

  /** Locks a workshop people can register for (or leave): published and not over. */
  private async lockOpen(manager: EntityManager, workshopId: string): Promise<Workshop> {
    const workshop = await lockWorkshop(manager, workshopId);
    if (workshop.status === 'draft') throw notFound('Workshop');
    if (workshop.status === 'cancelled') throw WorkshopErrors.cancelled();
    const sessions = await manager.findBy(WorkshopSession, { workshopId });
    if (effectiveStatus(workshop, sessions, this.clock.now()) === 'completed') throw WorkshopErrors.closed();
    return workshop;
  }
}
