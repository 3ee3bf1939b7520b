import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import { Clock, DomainEvents, newId, validationFailed, type Emit } from '@pendamping/platform';
import { WorkshopQuota } from './entities/workshop-quota.entity';
import { WorkshopSession } from './entities/workshop-session.entity';
import { WorkshopSpeaker } from './entities/workshop-speaker.entity';
import { Workshop } from './entities/workshop.entity';
import type { TimeRange } from './recurrence';
import { sessionProblems } from './schedule';
import { activeRegistrantIds, fillSeats, lockWorkshop, seatMapFor } from './seating';
import { planSessions } from './session-plan';
import { assertSpeakersFree, lockSpeakers } from './speaker-schedule';
import type { CancelWorkshopDto, CreateWorkshopDto, QuotaDto, UpdateWorkshopDto } from './workshop.dto';
import { WorkshopErrors } from './workshop.errors';
import { workshopEvent, type WorkshopCancelled, type WorkshopChanged, type WorkshopPublished } from './workshop.events';
import { checkQuotas, requestedSessions } from './workshop-input';
import { effectiveStatus, WorkshopReader } from './workshop-reader.service';
import type { WorkshopView } from './workshop.views';

/**
 * The speaker overlap check runs after the speakers' rows are locked, but create and update read other
 * rows before it: under REPEATABLE READ the check would then read that earlier snapshot and miss a
 * workshop committed while this one waited for the lock (two admins double-booking one speaker).
 */
const SPEAKER_CHECK = { isolation: 'READ COMMITTED' } as const;

/** Creating, editing, publishing and cancelling workshops (admins). */
@Injectable()
export class WorkshopsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: DomainEvents,
    private readonly clock: Clock,
    private readonly reader: WorkshopReader,
  ) {}

  async create(dto: CreateWorkshopDto): Promise<WorkshopView> {
    const ranges = requestedSessions(dto, true)!;
    const problems = sessionProblems(ranges, this.clock.now(), dto.recurrence ? 'recurrence sessions' : 'sessions');
    if (problems.length) throw validationFailed(...problems);
    const id = newId();
    await this.events.transaction(this.dataSource, async (manager) => {
      await checkQuotas(manager, dto.kecamatanQuotas ?? [], dto.capacity);
      const speakers = await lockSpeakers(manager, dto.speakerIds);
      await assertSpeakersFree(manager, speakers, ranges);
      await manager.insert(Workshop, {
        id,
        title: dto.title,
        description: dto.description,
        topic: dto.topic,
        capacity: dto.capacity,
        status: 'draft',
        rrule: dto.recurrence?.rrule.trim() ?? null,
        durationMinutes: dto.recurrence?.durationMinutes ?? null,
      });
      await this.insertSessions(manager, id, ranges);
      await this.replaceSpeakers(manager, id, dto.speakerIds);
      await this.replaceQuotas(manager, id, dto.kecamatanQuotas ?? []);
    }, SPEAKER_CHECK);
    return this.reader.one(id);
  }

  /** Edits any subset; new times are checked like new ones, and registrants hear about moved sessions. */
  async update(id: string, dto: UpdateWorkshopDto): Promise<WorkshopView> {
    await this.events.transaction(this.dataSource, async (manager, emit) => {
      const workshop = await lockWorkshop(manager, id);
      const sessions = await manager.find(WorkshopSession, { where: { workshopId: id }, order: { startsAt: 'ASC' } });
      const now = this.clock.now();
      const status = effectiveStatus(workshop, sessions, now);
      if (status === 'cancelled' || status === 'completed') throw WorkshopErrors.notEditable(status);
      const requested = requestedSessions(dto, false);
      const plan = requested && planSessions(sessions, requested, dto.recurrence ? null : dto.sessions!.map((s) => s.id), now);
      const capacity = dto.capacity ?? workshop.capacity;
      const seats = await seatMapFor(manager, workshop, now);
      if (capacity < seats.registered) throw WorkshopErrors.capacityTooLow(seats.registered);
      if (dto.kecamatanQuotas || dto.capacity !== undefined) await checkQuotas(manager, dto.kecamatanQuotas ?? (await this.quotas(manager, id)), capacity);
      if (plan?.timesChanged || dto.speakerIds) {
        const speakerIds = dto.speakerIds ?? (await manager.findBy(WorkshopSpeaker, { workshopId: id })).map((s) => s.speakerId);
        const ranges = plan?.ranges ?? sessions.map((s) => ({ start: s.startsAt, end: s.endsAt }));
        await assertSpeakersFree(manager, await lockSpeakers(manager, speakerIds), ranges, id);
      }
      Object.assign(workshop, pick(dto, ['title', 'description', 'topic', 'capacity']));
      if (dto.recurrence) Object.assign(workshop, { rrule: dto.recurrence.rrule.trim(), durationMinutes: dto.recurrence.durationMinutes });
      else if (dto.sessions) Object.assign(workshop, { rrule: null, durationMinutes: null });
      // Moved sessions move the moment held seats open; the worker releases them again then.
      if (plan?.timesChanged) workshop.quotasReleasedAt = null;
      await manager.save(workshop);
      if (plan) await this.applyPlan(manager, id, plan);
      if (dto.speakerIds) await this.replaceSpeakers(manager, id, dto.speakerIds);
      if (dto.kecamatanQuotas) await this.replaceQuotas(manager, id, dto.kecamatanQuotas);
      if (workshop.status === 'published') {
        await fillSeats(manager, workshop, emit, now);
        if (plan?.timesChanged) await this.announceChange(manager, workshop, emit);
      }
    }, SPEAKER_CHECK);
    return this.reader.one(id);
  }

  async publish(id: string): Promise<WorkshopView> {
    await this.events.transaction(this.dataSource, async (manager, emit) => {
      const workshop = await lockWorkshop(manager, id);
      if (workshop.status !== 'draft') throw WorkshopErrors.notDraft();
      const sessions = await manager.find(WorkshopSession, { where: { workshopId: id }, order: { startsAt: 'ASC' } });
      if (sessions[0].startsAt <= this.clock.now()) throw WorkshopErrors.alreadyStarted();
      await manager.update(Workshop, { id }, { status: 'published', publishedAt: this.clock.now() });
      await emit(workshopEvent<WorkshopPublished>({ type: 'workshop.published', workshopId: id, title: workshop.title, sessions: sessionList(sessions) }));
    });
    return this.reader.one(id);
  }

  async cancel(id: string, dto: CancelWorkshopDto): Promise<WorkshopView> {
    await this.events.transaction(this.dataSource, async (manager, emit) => {
      const workshop = await lockWorkshop(manager, id);
      const sessions = await manager.findBy(WorkshopSession, { workshopId: id });
      const status = effectiveStatus(workshop, sessions, this.clock.now());
      if (status === 'cancelled') throw WorkshopErrors.cancelled();
      if (status === 'completed') throw WorkshopErrors.notEditable(status);
      await manager.update(Workshop, { id }, { status: 'cancelled', cancelReason: dto.reason });
      const userIds = await activeRegistrantIds(manager, id);
      await emit(workshopEvent<WorkshopCancelled>({ type: 'workshop.cancelled', workshopId: id, title: workshop.title, reason: dto.reason, userIds }));
    });
    return this.reader.one(id);
  }

  private async announceChange(manager: EntityManager, workshop: Workshop, emit: Emit): Promise<void> {
    const sessions = await manager.find(WorkshopSession, { where: { workshopId: workshop.id }, order: { startsAt: 'ASC' } });
    const userIds = await activeRegistrantIds(manager, workshop.id);
    await emit(workshopEvent<WorkshopChanged>({ type: 'workshop.changed', workshopId: workshop.id, title: workshop.title, userIds, sessions: sessionList(sessions) }));
  }

  private async applyPlan(manager: EntityManager, workshopId: string, plan: ReturnType<typeof planSessions>): Promise<void> {
    if (plan.remove.length) await manager.delete(WorkshopSession, { id: In(plan.remove) });
    for (const { id, range } of plan.update) await manager.update(WorkshopSession, { id }, { startsAt: range.start, endsAt: range.end });
    await this.insertSessions(manager, workshopId, plan.add);
  }

  private async insertSessions(manager: EntityManager, workshopId: string, ranges: TimeRange[]): Promise<void> {
    if (ranges.length === 0) return;
    await manager.insert(WorkshopSession, ranges.map((r) => ({ id: newId(), workshopId, startsAt: r.start, endsAt: r.end })));
  }

  private async replaceSpeakers(manager: EntityManager, workshopId: string, speakerIds: string[]): Promise<void> {
    await manager.delete(WorkshopSpeaker, { workshopId });
    if (speakerIds.length) await manager.insert(WorkshopSpeaker, speakerIds.map((speakerId) => ({ workshopId, speakerId })));
  }

  private async replaceQuotas(manager: EntityManager, workshopId: string, quotas: QuotaDto[]): Promise<void> {
    await manager.delete(WorkshopQuota, { workshopId });
    if (quotas.length) await manager.insert(WorkshopQuota, quotas.map((q) => ({ workshopId, kecamatanCode: q.kecamatanCode, seats: q.seats })));
  }

  private async quotas(manager: EntityManager, workshopId: string): Promise<QuotaDto[]> {
    return manager.findBy(WorkshopQuota, { workshopId });
  }
}

const sessionList = (sessions: WorkshopSession[]) => sessions.map((s) => ({ id: s.id, start: s.startsAt, end: s.endsAt }));

function pick<T extends object, K extends keyof T>(source: T, keys: K[]): Partial<Pick<T, K>> {
  return Object.fromEntries(keys.filter((k) => source[k] !== undefined).map((k) => [k, source[k]])) as Partial<Pick<T, K>>;
}
