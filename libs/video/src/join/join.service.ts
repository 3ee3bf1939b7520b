import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ConsultationAccess } from '@pendamping/consultations';
import { User } from '@pendamping/identity';
import { AppConfig, Clock, notFound, type Caller } from '@pendamping/platform';
import { isJoinOpen, WorkshopParticipants, WorkshopReader, type ParticipantRole, type WorkshopView } from '@pendamping/workshops';
import { permissionsFor, type JoinOptions, type VideoRole } from '../grants';
import { clientUrl } from '../livekit/livekit-url';
import { LiveKitTokens } from '../livekit/livekit-tokens';
import { RoomRemovals } from '../moderation/room-removals';
import { consultationRoomSize, workshopRoomSize, type RoomRef, type TimeRange } from '../rooms';
import { VideoRooms } from '../rooms.service';
import { VideoErrors } from '../video.errors';
import type { JoinView } from './join.view';

/** Who may enter which room, with which rights, and when: the answer is a short-lived LiveKit token. */
@Injectable()
export class JoinService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly consultations: ConsultationAccess,
    private readonly workshops: WorkshopReader,
    private readonly participants: WorkshopParticipants,
    private readonly rooms: VideoRooms,
    private readonly tokens: LiveKitTokens,
    private readonly removals: RoomRemovals,
  ) {}

  /** The two people only: a stranger gets 404, an admin 403; booked and within the window. */
  async joinConsultation(caller: Caller, id: string, options: JoinOptions): Promise<JoinView> {
    const c = await this.consultations.participantView(caller, id);
    if (c.status !== 'booked') throw VideoErrors.notOpen(`This consultation is ${c.status.replace('_', '-')}; its video room is closed`);
    this.assertOpen({ start: c.start, end: c.end });
    const ref: RoomRef = { kind: 'consultation', id };
    await this.removals.assertNotRemoved(ref, caller.id);
    const room = await this.rooms.ensure({ ref, times: c, maxParticipants: consultationRoomSize(), metadata: { topic: c.topic, mentorId: c.mentorId, entrepreneurId: c.entrepreneurId } });
    return this.admit(caller.id, room, 'participant', options);
  }

  /** The role by `participantRole` (speaker, host, attendee); others 403 NOT_REGISTERED. */
  async joinWorkshopSession(caller: Caller, workshopId: string, sessionId: string, options: JoinOptions): Promise<JoinView> {
    const workshop = await this.workshops.get(workshopId, caller);
    const session = workshop.sessions.find((s) => s.id === sessionId);
    if (!session) throw notFound('Session');
    const role = await this.workshopRole(caller, workshop);
    if (workshop.status === 'cancelled') throw VideoErrors.notOpen('This workshop has been cancelled; its video room is closed');
    if (workshop.status === 'draft') throw VideoErrors.notOpen('This workshop is not published yet');
    this.assertOpen(session);
    const ref: RoomRef = { kind: 'workshop_session', id: sessionId };
    await this.removals.assertNotRemoved(ref, caller.id);
    const room = await this.rooms.ensure({
      ref,
      times: session,
      maxParticipants: workshopRoomSize(workshop.capacity, workshop.speakerIds.length),
      metadata: { workshopId, title: workshop.title, speakerIds: workshop.speakerIds },
    });
    return this.admit(caller.id, room, role, role === 'host' ? options : { audioOnly: options.audioOnly });
  }

  /** The caller's role in a workshop's rooms (the workshops lib's one rule), or null for someone who may not enter. */
  async roleIn(workshop: WorkshopView, userId: string, roles: Caller['roles']): Promise<ParticipantRole | null> {
    return this.participants.roleOf(workshop.id, { id: userId, roles });
  }

  private async workshopRole(caller: Caller, workshop: WorkshopView): Promise<VideoRole> {
    const role = await this.roleIn(workshop, caller.id, caller.roles);
    if (!role) throw VideoErrors.notRegistered();
    return role;
  }

  private assertOpen(times: TimeRange): void {
    if (!isJoinOpen(times, this.clock.now())) {
      throw VideoErrors.notOpen('The video room opens 15 minutes before the start and closes at the end');
    }
  }

  private async admit(userId: string, room: string, role: VideoRole, options: JoinOptions): Promise<JoinView> {
    const user = await this.db.getRepository(User).findOneByOrFail({ id: userId });
    const permissions = permissionsFor(role, options);
    const { token, expiresAt } = await this.tokens.issue({ room, identity: userId, name: user.name, role, permissions });
    const audioOnly = options.audioOnly ?? false;
    return {
      url: clientUrl(this.config.livekit.url),
      token,
      room,
      role,
      identity: userId,
      name: user.name,
      expiresAt,
      audioOnly,
      permissions,
      clientOptions: { adaptiveStream: true, dynacast: true, autoSubscribe: !audioOnly },
    };
  }
}
