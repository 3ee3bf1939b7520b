import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, MoreThan } from 'typeorm';
import type { ConsultationEvent } from '@pendamping/consultations';
import { Clock, DomainEvents } from '@pendamping/platform';
import { WorkshopSession, type WorkshopEvent } from '@pendamping/workshops';
import { VideoRooms } from './rooms.service';

/**
 * Closes rooms when what they are for is called off: a cancelled consultation or workshop, a consultation
 * marked no-show. Ends need no action: the rooms' empty and departure timeouts close them (see rooms.ts).
 */
@Injectable()
export class RoomCloser implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly events: DomainEvents,
    private readonly rooms: VideoRooms,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    for (const type of ['consultation.cancelled', 'consultation.no_show']) {
      this.events.afterCommit(type, (e) => this.rooms.close({ kind: 'consultation', id: (e as ConsultationEvent).consultationId }));
    }
    this.events.afterCommit('workshop.cancelled', (e) => this.closeWorkshop((e as Extract<WorkshopEvent, { type: 'workshop.cancelled' }>).workshopId));
  }

  /** Only sessions not yet over can have an open room. */
  private async closeWorkshop(workshopId: string): Promise<void> {
    const sessions = await this.db.getRepository(WorkshopSession).find({ where: { workshopId, endsAt: MoreThan(this.clock.now()) }, select: { id: true } });
    for (const s of sessions) await this.rooms.close({ kind: 'workshop_session', id: s.id });
  }
}
