import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { WorkshopStatus } from './entities/workshop.entity';
import type { Topic } from '@pendamping/identity';

export interface WorkshopRow {
  id: string;
  title: string;
  description: string;
  topic: Topic;
  capacity: number;
  status: WorkshopStatus;
  cancelReason: string | null;
  rrule: string | null;
  durationMinutes: number | null;
  publishedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}
export interface SessionRow {
  id: string;
  workshopId: string;
  startsAt: Date;
  endsAt: Date;
}
export interface SpeakerRow {
  workshopId: string;
  id: string;
  name: string;
  organization: string | null;
}
export interface QuotaRow {
  workshopId: string;
  kecamatanCode: string;
  seats: number;
}
export interface CountRow {
  workshopId: string;
  status: string;
  kecamatanCode: string | null;
  n: string;
}

/** Everything a workshop's public view is made of, for a batch of workshops. */
export interface ViewParts {
  workshops: WorkshopRow[];
  sessions: SessionRow[];
  speakers: SpeakerRow[];
  quotas: QuotaRow[];
  counts: CountRow[];
}

export interface ListFilter {
  from: Date;
  to: Date | null;
  topic?: string;
  after: { at: Date; id: string } | null;
  limit: number;
}

/**
 * The workshop reads on the public hot path (every list and detail), in plain SQL: TypeORM's builder and
 * entity hydration cost more CPU than these queries take in MySQL. `manager` joins a caller's transaction.
 */
@Injectable()
export class WorkshopRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Published workshops with a session starting in [from, to), by their first such session, then id. */
  listPage(filter: ListFilter): Promise<{ id: string; first: Date }[]> {
    const { from, to, topic, after, limit } = filter;
    return this.dataSource.query(
      `SELECT s.workshopId AS id, MIN(s.startsAt) AS first
         FROM workshop_sessions s JOIN workshops w ON w.id = s.workshopId
        WHERE w.status IN ('published', 'completed') AND s.startsAt >= ?
          ${to ? 'AND s.startsAt < ?' : ''} ${topic ? 'AND w.topic = ?' : ''}
        GROUP BY s.workshopId
        ${after ? 'HAVING MIN(s.startsAt) > ? OR (MIN(s.startsAt) = ? AND s.workshopId > ?)' : ''}
        ORDER BY first, s.workshopId
        LIMIT ?`,
      [from, ...(to ? [to] : []), ...(topic ? [topic] : []), ...(after ? [after.at, after.at, after.id] : []), limit + 1],
    );
  }

  /** One query per part, never per workshop. */
  async viewParts(ids: string[], manager: EntityManager = this.dataSource.manager): Promise<ViewParts> {
    const [workshops, sessions, speakers, quotas, counts] = await Promise.all([
      manager.query(
        `SELECT id, title, description, topic, capacity, status, cancelReason, rrule, durationMinutes, publishedAt, createdAt, updatedAt
           FROM workshops WHERE id IN (?)`,
        [ids],
      ) as Promise<WorkshopRow[]>,
      manager.query('SELECT id, workshopId, startsAt, endsAt FROM workshop_sessions WHERE workshopId IN (?) ORDER BY startsAt', [ids]) as Promise<SessionRow[]>,
      manager.query(
        `SELECT ws.workshopId, u.id, u.name, u.organization FROM workshop_speakers ws JOIN users u ON u.id = ws.speakerId
          WHERE ws.workshopId IN (?) ORDER BY u.name`,
        [ids],
      ) as Promise<SpeakerRow[]>,
      manager.query('SELECT workshopId, kecamatanCode, seats FROM workshop_quotas WHERE workshopId IN (?) ORDER BY kecamatanCode', [ids]) as Promise<QuotaRow[]>,
      manager.query(
        `SELECT workshopId, status, kecamatanCode, COUNT(*) AS n FROM workshop_registrations
          WHERE workshopId IN (?) AND status <> 'cancelled' GROUP BY workshopId, status, kecamatanCode`,
        [ids],
      ) as Promise<CountRow[]>,
    ]);
    return { workshops, sessions, speakers, quotas, counts };
  }
}
