import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import { User } from '@pendamping/identity';
import { Clock, decodeTimeCursor, DEFAULT_PAGE_SIZE, notFound, toPage, validationFailed, type Caller, type Page } from '@pendamping/platform';
import { WorkshopQuota } from './entities/workshop-quota.entity';
import { WorkshopSession } from './entities/workshop-session.entity';
import { WorkshopSpeaker } from './entities/workshop-speaker.entity';
import { Workshop, type WorkshopStatus } from './entities/workshop.entity';
import { quotasHeldUntil, quotasInEffect, SeatMap } from './seats';
import type { WorkshopQuery } from './workshop.dto';
import type { WorkshopView } from './workshop.views';

/** Published and past its last session: completed, without a job having to flip a column. */
export function effectiveStatus(workshop: Workshop, sessions: WorkshopSession[], now: Date): WorkshopStatus {
  const last = sessions.reduce((max, s) => Math.max(max, s.endsAt.getTime()), 0);
  return workshop.status === 'published' && last > 0 && last <= now.getTime() ? 'completed' : workshop.status;
}

/** Reads workshops as clients see them, in batches (one query per part, never per workshop). */
@Injectable()
export class WorkshopReader {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** Published workshops with a session starting in [from, to), soonest first. */
  async list(query: WorkshopQuery): Promise<Page<WorkshopView>> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const from = query.from ? new Date(query.from) : this.clock.now();
    const to = query.to ? new Date(query.to) : null;
    if (to && to <= from) throw validationFailed('to must be after from');
    const after = query.cursor ? decodeTimeCursor(query.cursor) : null;
    const rows: { id: string; first: Date }[] = await this.dataSource.query(
      `SELECT s.workshopId AS id, MIN(s.startsAt) AS first
         FROM workshop_sessions s JOIN workshops w ON w.id = s.workshopId
        WHERE w.status IN ('published', 'completed') AND s.startsAt >= ?
          ${to ? 'AND s.startsAt < ?' : ''} ${query.topic ? 'AND w.topic = ?' : ''}
        GROUP BY s.workshopId
        ${after ? 'HAVING MIN(s.startsAt) > ? OR (MIN(s.startsAt) = ? AND s.workshopId > ?)' : ''}
        ORDER BY first, s.workshopId
        LIMIT ?`,
      [from, ...(to ? [to] : []), ...(query.topic ? [query.topic] : []), ...(after ? [after.at, after.at, after.id] : []), limit + 1],
    );
    const views = new Map((await this.views(rows.map((r) => r.id))).map((v) => [v.id, v]));
    return toPage(rows, limit, (r) => views.get(r.id)!, (r) => [new Date(r.first).toISOString(), r.id]);
  }

  /** One workshop; a draft exists only for admins. */
  async get(id: string, caller?: Caller): Promise<WorkshopView> {
    const view = await this.one(id);
    if (view.status === 'draft' && !caller?.roles.includes('admin')) throw notFound('Workshop');
    return view;
  }

  /** One workshop whatever its status (for admins' own actions). */
  async one(id: string): Promise<WorkshopView> {
    const [view] = await this.views([id]);
    if (!view) throw notFound('Workshop');
    return view;
  }

  async views(ids: string[], manager: EntityManager = this.dataSource.manager): Promise<WorkshopView[]> {
    if (ids.length === 0) return [];
    const [workshops, sessions, speakers, quotas, counts] = await Promise.all([
      manager.find(Workshop, { where: { id: In(ids) } }),
      manager.find(WorkshopSession, { where: { workshopId: In(ids) }, order: { startsAt: 'ASC' } }),
      manager
        .createQueryBuilder(WorkshopSpeaker, 'ws')
        .innerJoin(User, 'u', 'u.id = ws.speakerId')
        .select(['ws.workshopId AS workshopId', 'u.id AS id', 'u.name AS name', 'u.organization AS organization'])
        .where('ws.workshopId IN (:...ids)', { ids })
        .orderBy('u.name')
        .getRawMany<SpeakerRow>(),
      manager.find(WorkshopQuota, { where: { workshopId: In(ids) }, order: { kecamatanCode: 'ASC' } }),
      manager.query(
        `SELECT workshopId, status, kecamatanCode, COUNT(*) AS n FROM workshop_registrations
          WHERE workshopId IN (?) AND status <> 'cancelled' GROUP BY workshopId, status, kecamatanCode`,
        [ids],
      ) as Promise<CountRow[]>,
    ]);
    const now = this.clock.now();
    const byId = new Map(workshops.map((w) => [w.id, w]));
    return ids.flatMap((id) => {
      const w = byId.get(id);
      const own = <T extends { workshopId: string }>(rows: T[]) => rows.filter((r) => r.workshopId === id);
      return w ? [toView(w, own(sessions), own(speakers), own(quotas), own(counts), now)] : [];
    });
  }
}

interface SpeakerRow {
  workshopId: string;
  id: string;
  name: string;
  organization: string | null;
}

interface CountRow {
  workshopId: string;
  status: string;
  kecamatanCode: string | null;
  n: string;
}

function toView(w: Workshop, sessions: WorkshopSession[], speakers: SpeakerRow[], quotas: WorkshopQuota[], counts: CountRow[], now: Date): WorkshopView {
  const registered = counts.filter((c) => c.status === 'registered').flatMap((c) => Array<string | null>(Number(c.n)).fill(c.kecamatanCode));
  const holding = quotasInEffect(sessions[0]?.startsAt, now);
  const seats = SeatMap.of(w.capacity, holding ? quotas : [], registered);
  const people = speakers.map(({ id, name, organization }) => ({ id, name, organization }));
  return {
    id: w.id,
    title: w.title,
    description: w.description,
    topic: w.topic,
    capacity: w.capacity,
    status: effectiveStatus(w, sessions, now),
    cancelReason: w.cancelReason,
    speakerIds: people.map((p) => p.id),
    speakers: people,
    sessions: sessions.map((s) => ({ id: s.id, start: s.startsAt, end: s.endsAt })),
    recurrence: w.rrule && w.durationMinutes ? { rrule: w.rrule, durationMinutes: w.durationMinutes } : null,
    kecamatanQuotas: quotas.map((q) => ({ kecamatanCode: q.kecamatanCode, seats: q.seats, seatsLeft: holding ? seats.heldLeft(q.kecamatanCode) : 0 })),
    quotasHeldUntil: quotas.length ? quotasHeldUntil(sessions[0]?.startsAt) : null,
    seatsLeft: seats.seatsLeft,
    registeredCount: seats.registered,
    waitlistCount: counts.filter((c) => c.status === 'waitlisted').reduce((n, c) => n + Number(c.n), 0),
    publishedAt: w.publishedAt,
    createdAt: w.createdAt,
    updatedAt: w.updatedAt,
  };
}
