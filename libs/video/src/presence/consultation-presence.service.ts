import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ConsultationAccess, type Consultation } from '@pendamping/consultations';
import type { Caller } from '@pendamping/platform';
import { ConsultationPresence } from '../entities/consultation-presence.entity';
import { roomName } from '../rooms';
import type { PresenceView } from './presence.views';

/** Who of a consultation's two people came into its video room, from the webhook's join/leave events. */
@Injectable()
export class ConsultationPresenceService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: ConsultationAccess,
  ) {}

  async joined(consultationId: string, userId: string, at: Date): Promise<void> {
    await this.db.query(
      `INSERT INTO video_consultation_presence (consultationId, userId, firstJoinedAt, joins) VALUES (?, ?, ?, 1)
       ON DUPLICATE KEY UPDATE joins = joins + 1, firstJoinedAt = LEAST(firstJoinedAt, VALUES(firstJoinedAt))`,
      [consultationId, userId, at],
    );
  }

  async left(consultationId: string, userId: string, at: Date): Promise<void> {
    await this.db.query('UPDATE video_consultation_presence SET lastLeftAt = GREATEST(COALESCE(lastLeftAt, ?), ?) WHERE consultationId = ? AND userId = ?', [
      at,
      at,
      consultationId,
      userId,
    ]);
  }

  async anyoneCame(consultationId: string): Promise<boolean> {
    return this.db.getRepository(ConsultationPresence).existsBy({ consultationId });
  }

  /** For the two people and admins (strangers 404). */
  async view(caller: Caller, consultationId: string): Promise<PresenceView> {
    const c = await this.access.visible(caller, consultationId);
    return this.of(c);
  }

  async of(c: Consultation): Promise<PresenceView> {
    const rows = await this.db.getRepository(ConsultationPresence).find({ where: { consultationId: c.id }, order: { firstJoinedAt: 'ASC' } });
    const people = rows.filter((r) => r.userId === c.mentorId || r.userId === c.entrepreneurId);
    return {
      consultationId: c.id,
      room: roomName({ kind: 'consultation', id: c.id }),
      participants: people.map((r) => ({
        userId: r.userId,
        role: r.userId === c.mentorId ? 'mentor' : 'entrepreneur',
        firstJoinedAt: r.firstJoinedAt,
        lastLeftAt: r.lastLeftAt,
        joins: r.joins,
      })),
      bothPresent: people.length === 2,
    };
  }
}
