import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { User } from '@pendamping/identity';
import { Clock, DomainEvents, notFound, type Caller } from '@pendamping/platform';
import { isStaffRole, WorkshopReader, type WorkshopView } from '@pendamping/workshops';
import { floorPermissions } from '../grants';
import { JoinService } from '../join/join.service';
import { LiveKitRooms } from '../livekit/livekit-rooms';
import { roomName } from '../rooms';
import { videoEvent } from '../video.events';
import { VideoErrors } from '../video.errors';
import { RoomRemovals } from './room-removals';

interface Target {
  room: string;
  workshop: WorkshopView;
}

/** What a workshop's speakers and admins may do to people in a session's room, over LiveKit's RoomService. */
@Injectable()
export class ModerationService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly workshops: WorkshopReader,
    private readonly join: JoinService,
    private readonly livekit: LiveKitRooms,
    private readonly clock: Clock,
    private readonly removals: RoomRemovals,
    private readonly events: DomainEvents,
  ) {}

  /** Gives an attendee the floor (microphone only) or takes it back; LiveKit unpublishes their audio then. */
  async setMicrophone(caller: Caller, workshopId: string, sessionId: string, userId: string, allowed: boolean): Promise<void> {
    const { room } = await this.attendeeTarget(caller, workshopId, sessionId, userId);
    await this.livekit.updatePermissions(room, userId, floorPermissions(allowed));
  }

  /** Mutes (or unmutes) one published track of anyone in the room. */
  async muteTrack(caller: Caller, workshopId: string, sessionId: string, userId: string, trackSid: string, muted: boolean): Promise<void> {
    const { room } = await this.moderated(caller, workshopId, sessionId);
    await this.livekit.mutePublishedTrack(room, userId, trackSid, muted);
  }

  /**
   * Removes an attendee: recorded first (no new join token for this room, no live room), the live room told
   * (their sockets leave it), then disconnected from LiveKit with their current tokens revoked. Succeeds also
   * when they are not connected right now (they stay out).
   */
  async remove(caller: Caller, workshopId: string, sessionId: string, userId: string): Promise<void> {
    const { room } = await this.attendeeTarget(caller, workshopId, sessionId, userId);
    await this.removals.add({ kind: 'workshop_session', id: sessionId }, userId, caller.id);
    await this.events.publishCommitted([videoEvent({ type: 'video.participant_removed', workshopId, sessionId, userId, removedBy: caller.id })]);
    await this.livekit.removeParticipant(room, userId, this.clock.now());
  }

  private async moderated(caller: Caller, workshopId: string, sessionId: string): Promise<Target> {
    const workshop = await this.workshops.get(workshopId, caller);
    if (!workshop.sessions.some((s) => s.id === sessionId)) throw notFound('Session');
    const role = await this.join.roleIn(workshop, caller.id, caller.roles);
    if (!isStaffRole(role)) throw VideoErrors.notModerator();
    return { room: roomName({ kind: 'workshop_session', id: sessionId }), workshop };
  }

  /** Floor and removal apply to attendees: a speaker or admin cannot be silenced or removed this way. */
  private async attendeeTarget(caller: Caller, workshopId: string, sessionId: string, userId: string): Promise<Target> {
    const target = await this.moderated(caller, workshopId, sessionId);
    if (userId === caller.id) throw VideoErrors.notYourself();
    const user = await this.db.getRepository(User).findOneBy({ id: userId });
    if (!user) throw notFound('Participant');
    const role = await this.join.roleIn(target.workshop, userId, user.roles);
    if (role === null) throw notFound('Participant');
    if (role !== 'attendee') throw VideoErrors.notAnAttendee();
    return target;
  }
}
