import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { forbidden, notFound, type Caller } from '@pendamping/platform';
import { Consultation } from './consultation.entity';

/**
 * Who may see and touch a consultation. Someone who is not a participant (nor an admin) gets a 404: they
 * must not learn that it exists.
 */
@Injectable()
export class ConsultationAccess {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async visible(caller: Caller, id: string): Promise<Consultation> {
    const consultation = await this.db.getRepository(Consultation).findOneBy({ id });
    if (!consultation || !(isParticipant(caller, consultation) || caller.roles.includes('admin'))) throw notFound('Consultation');
    return consultation;
  }

  /** The two people in it; an admin who is not one of them may look but not act. */
  async participantView(caller: Caller, id: string): Promise<Consultation> {
    const consultation = await this.visible(caller, id);
    if (!isParticipant(caller, consultation)) throw forbidden('Only the mentor and the entrepreneur of this consultation can do this');
    return consultation;
  }

  async mentorView(caller: Caller, id: string): Promise<Consultation> {
    const consultation = await this.visible(caller, id);
    if (consultation.mentorId !== caller.id) throw forbidden('Only the mentor of this consultation can do this');
    return consultation;
  }
}

export function isParticipant(caller: Caller, c: Consultation): boolean {
  return c.mentorId === caller.id || c.entrepreneurId === caller.id;
}
