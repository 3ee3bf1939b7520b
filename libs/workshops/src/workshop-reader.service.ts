import { Injectable } from '@nestjs/common';
import { type EntityManager } from 'typeorm';
import { Clock, decodeTimeCursor, DEFAULT_PAGE_SIZE, notFound, toPage, validationFailed, type Caller, type Page } from '@pendamping/platform';
import type { WorkshopStatus } from './entities/workshop.entity';
import { quotasHeldUntil, quotasInEffect, SeatMap } from './seats';
import type { WorkshopQuery } from './workshop.dto';
import { WorkshopRepository, type CountRow, type QuotaRow, type SessionRow, type SpeakerRow, type WorkshopRow } from './workshop.repository';
import type { WorkshopView } from './workshop.views';

/** Published and past its last session: completed, without a job having to flip a column. */
export function effectiveStatus(workshop: { status: WorkshopStatus }, sessions: { endsAt: Date }[], now: Date): WorkshopStatus {
  const last = sessions.reduce((max, s) => Math.max(max, s.endsAt.getTime()), 0);
  return workshop.status === 'published' && last > 0 && last <= now.getTime() ? 'completed' : workshop.status;
}

/** Reads workshops as clients see them, in batches (one query per part, never per workshop). */
@Injectable()
export class WorkshopReader {
  constructor(
    private readonly repository: WorkshopRepository,
    private readonly clock: Clock,
  ) {}

  /** Published workshops with a session starting in [from, to), soonest first. */
  async list(query: WorkshopQuery): Promise<Page<WorkshopView>> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const from = query.from ? new Date(query.from) : this.clock.now();
    const to = query.to ? new Date(query.to) : null;
    if (to && to <= from) throw validationFailed('to must be after from');
    const after = query.cursor ? decodeTimeCursor(query.cursor) : null;
    const rows = await this.repository.listPage({ from, to, topic: query.topic, after, limit });
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

  async views(ids: string[], manager?: EntityManager): Promise<WorkshopView[]> {
    if (ids.length === 0) return [];
    const { workshops, sessions, speakers, quotas, counts } = await this.repository.viewParts(ids, manager);
    const now = this.clock.now();
    const byId = new Map(workshops.map((w) => [w.id, w]));
    return ids.flatMap((id) => {
      const w = byId.get(id);
      const own = <T extends { workshopId: string }>(rows: T[]) => rows.filter((r) => r.workshopId === id);
      return w ? [toView(w, own(sessions), own(speakers), own(quotas), own(counts), now)] : [];
    });
  }
}

function toView(w: WorkshopRow, sessions: SessionRow[], speakers: SpeakerRow[], quotas: QuotaRow[], counts: CountRow[], now: Date): WorkshopView {
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
