import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Consultation, ConsultationLifecycle } from '@pendamping/consultations';
import { Clock, DomainError, isDuplicateKey } from '@pendamping/platform';
import { AttendanceService } from '@pendamping/workshops';
import { WebhookReceipt } from '../entities/webhook-receipt.entity';
import { LiveKitWebhooks, type VideoEvent } from '../livekit/livekit-webhooks';
import { ConsultationPresenceService } from '../presence/consultation-presence.service';
import { isUserIdentity, parseRoomName, type RoomRef } from '../rooms';
import { VideoRooms } from '../rooms.service';
import { eventTime } from './event-time';

const PRESENCE = { participant_joined: 'joined', participant_left: 'left' } as const;

/**
 * Turns LiveKit's webhook events into attendance: workshop sessions feed AttendanceService, consultations
 * their presence record; a consultation room that closes after the end with nobody having come is a no-show.
 */
@Injectable()
export class VideoWebhookService {
  private readonly logger = new Logger(VideoWebhookService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly webhooks: LiveKitWebhooks,
    private readonly clock: Clock,
    private readonly rooms: VideoRooms,
    private readonly attendance: AttendanceService,
    private readonly presence: ConsultationPresenceService,
    private readonly lifecycle: ConsultationLifecycle,
  ) {}

  /** Verifies (401 otherwise), then acts once per event id: a redelivery answers the same and changes nothing. */
  async receive(rawBody: string, authorization: string | undefined): Promise<{ received: true; duplicate: boolean }> {
    const receivedAt = this.clock.now();
    const event = await this.webhooks.verify(rawBody, authorization);
    if (!(await this.claim(event))) return { received: true, duplicate: true };
    try {
      await this.apply(event, eventTime(event.at, receivedAt));
    } catch (error) {
      // Not done: forget the claim so LiveKit's retry gets another chance.
      await this.db.getRepository(WebhookReceipt).delete({ eventId: event.id });
      throw error;
    }
    return { received: true, duplicate: false };
  }

  private async claim(event: VideoEvent): Promise<boolean> {
    try {
      await this.db.getRepository(WebhookReceipt).insert({ eventId: event.id, event: event.event, room: event.room ?? null });
      return true;
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  }

  /** `at`: the event's time bounded by when we received it (see eventTime). */
  private async apply(event: VideoEvent, at: Date): Promise<void> {
    const ref = parseRoomName(event.room);
    if (!ref) return;
    switch (event.event) {
      case 'room_started':
        return this.rooms.lifecycle(ref, 'started', at);
      case 'room_finished':
        await this.rooms.lifecycle(ref, 'finished', at);
        if (ref.kind === 'consultation') await this.consultationRoomClosed(ref.id, at);
        return;
      case 'participant_joined':
      case 'participant_left':
        if (isUserIdentity(event.identity)) await this.participant(ref, event.identity, PRESENCE[event.event], at, event.id);
        return;
    }
  }

  private async participant(ref: RoomRef, userId: string, kind: 'joined' | 'left', at: Date, eventId: string): Promise<void> {
    if (ref.kind === 'workshop_session') {
      try {
        await this.attendance.recordParticipantEvent({ sessionId: ref.id, userId, kind, at, eventId });
      } catch (error) {
        // A session deleted by an edit: nothing to count it against.
        if (!(error instanceof DomainError && error.status === 404)) throw error;
      }
      return;
    }
    const c = await this.db.getRepository(Consultation).findOneBy({ id: ref.id });
    if (!c || (userId !== c.mentorId && userId !== c.entrepreneurId)) return;
    if (kind === 'joined') await this.presence.joined(c.id, userId, at);
    else await this.presence.left(c.id, userId, at);
  }

  /**
   * Only once the consultation is over, by the event and by our own clock (an event may be dated up to the
   * clock skew ahead): an empty room before then may still be entered (a new room opens).
   */
  private async consultationRoomClosed(id: string, at: Date): Promise<void> {
    const c = await this.db.getRepository(Consultation).findOneBy({ id });
    if (!c || c.status !== 'booked' || at < c.end || this.clock.now() < c.end) return;
    if (await this.presence.anyoneCame(id)) return;
    if (await this.lifecycle.markNoShow(id)) this.logger.log({ consultationId: id }, 'nobody came to the video room: no-show');
  }
}
