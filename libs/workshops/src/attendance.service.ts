import { Inject, Injectable, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import { User } from '@pendamping/identity';
import { Clock, DomainEvents, isDuplicateKey, newId, notFound } from '@pendamping/platform';
import { AttendanceEvent, type PresenceKind } from './entities/attendance-event.entity';
import { Registration } from './entities/registration.entity';
import { WorkshopSession } from './entities/workshop-session.entity';
import { CertificatesService } from './certificates.service';
import { presenceSeconds } from './presence';
import type { AttendanceView } from './workshop.views';

/** Share of a session someone must be present for to count as attended; override with ATTENDANCE_THRESHOLD. */
export const DEFAULT_ATTENDANCE_THRESHOLD = 0.75;
export const ATTENDANCE_THRESHOLD = Symbol('ATTENDANCE_THRESHOLD');

/** What the video service reports (the LiveKit webhook feeds this): a participant joined or left a room. */
export interface ParticipantEvent {
  sessionId: string;
  userId: string;
  kind: PresenceKind;
  /** When it happened, per the video service (not when it reached us). */
  at: Date;
  /** The video service's event id, so a redelivered webhook changes nothing. */
  eventId?: string;
}

/** Attendance from join/leave events: seconds per registrant and session, and whether that counts. */
@Injectable()
export class AttendanceService {
  readonly threshold: number;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: DomainEvents,
    private readonly clock: Clock,
    private readonly certificates: CertificatesService,
    @Optional() @Inject(ATTENDANCE_THRESHOLD) threshold?: number,
  ) {
    this.threshold = threshold ?? DEFAULT_ATTENDANCE_THRESHOLD;
  }

  /** Stores the event; on a "left" that makes the person's attendance count, issues their certificate. */
  async recordParticipantEvent(event: ParticipantEvent): Promise<{ recorded: boolean }> {
    try {
      await this.events.transaction(this.dataSource, async (manager, emit) => {
        const session = await manager.findOneBy(WorkshopSession, { id: event.sessionId });
        if (!session) throw notFound('Session');
        await manager.insert(AttendanceEvent, { id: newId(), ...event, eventId: event.eventId ?? null });
        if (event.kind !== 'left') return;
        const [mine] = await this.compute(manager, session.workshopId, event.userId);
        if (mine?.attended) await this.certificates.issue(manager, session.workshopId, event.userId, emit);
      });
      return { recorded: true };
    } catch (error) {
      if (isDuplicateKey(error) && event.eventId) return { recorded: false };
      throw error;
    }
  }

  /** Every registered person's attendance, by name. */
  forWorkshop(workshopId: string): Promise<AttendanceView[]> {
    return this.compute(this.dataSource.manager, workshopId);
  }

  /** One person's attendance; not attended when they are not registered. */
  async forPerson(workshopId: string, userId: string, manager: EntityManager = this.dataSource.manager): Promise<AttendanceView | null> {
    const [view] = await this.compute(manager, workshopId, userId);
    return view ?? null;
  }

  private async compute(manager: EntityManager, workshopId: string, userId?: string): Promise<AttendanceView[]> {
    const [sessions, people] = await Promise.all([
      manager.find(WorkshopSession, { where: { workshopId }, order: { startsAt: 'ASC' } }),
      manager
        .createQueryBuilder(Registration, 'r')
        .innerJoin(User, 'u', 'u.id = r.userId')
        .select(['r.userId AS userId', 'u.name AS name'])
        .where("r.workshopId = :workshopId AND r.status = 'registered'", { workshopId })
        .andWhere(userId ? 'r.userId = :userId' : '1 = 1', { userId })
        .orderBy('u.name')
        .getRawMany<{ userId: string; name: string }>(),
    ]);
    if (sessions.length === 0 || people.length === 0) return [];
    const events = await manager.find(AttendanceEvent, {
      select: { sessionId: true, userId: true, kind: true, at: true },
      where: { sessionId: In(sessions.map((s) => s.id)), ...(userId && { userId }) },
    });
    const now = this.clock.now();
    const length = (s: WorkshopSession) => (s.endsAt.getTime() - s.startsAt.getTime()) / 1000;
    const total = sessions.reduce((sum, s) => sum + length(s), 0);
    const byPersonSession = new Map<string, AttendanceEvent[]>();
    for (const e of events) byPersonSession.set(`${e.sessionId}/${e.userId}`, [...(byPersonSession.get(`${e.sessionId}/${e.userId}`) ?? []), e]);
    return people.map(({ userId: id, name }) => {
      const perSession = sessions.map((s) => {
        const seconds = presenceSeconds(byPersonSession.get(`${s.id}/${id}`) ?? [], { start: s.startsAt, end: s.endsAt }, now);
        return { sessionId: s.id, seconds, attended: seconds >= this.threshold * length(s) };
      });
      const seconds = perSession.reduce((sum, s) => sum + s.seconds, 0);
      return { userId: id, name, seconds, attended: seconds >= this.threshold * total, sessions: perSession };
    });
  }
}
