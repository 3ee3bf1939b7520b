import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Caller } from '@pendamping/platform';
import { participantRole, type ParticipantRole, type Standing } from './participant-role';

/** Reads a person's standing in a workshop and answers their role by the one rule (`participantRole`). */
@Injectable()
export class WorkshopParticipants {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async standing(workshopId: string, person: Pick<Caller, 'id' | 'roles'>): Promise<Standing> {
    const [row]: { speaker: number | string; seat: Standing['seat'] }[] = await this.dataSource.query(
      `SELECT EXISTS (SELECT 1 FROM workshop_speakers WHERE workshopId = ? AND speakerId = ?) AS speaker,
              (SELECT status FROM workshop_registrations WHERE workshopId = ? AND userId = ?) AS seat`,
      [workshopId, person.id, workshopId, person.id],
    );
    return { speaker: Number(row.speaker) === 1, admin: person.roles.includes('admin'), seat: row.seat ?? null };
  }

  async roleOf(workshopId: string, person: Pick<Caller, 'id' | 'roles'>): Promise<ParticipantRole | null> {
    return participantRole(await this.standing(workshopId, person));
  }
}
