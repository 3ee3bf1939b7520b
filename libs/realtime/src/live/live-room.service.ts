import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { User } from '@pendamping/identity';
import { Clock, notFound, type Caller } from '@pendamping/platform';
import { RoomRemovals } from '@pendamping/video';
import { isJoinOpen, isStaffRole, Workshop, WorkshopParticipants, WorkshopSession } from '@pendamping/workshops';
import { RealtimeErrors } from '../realtime.errors';
import type { JoinedSession, WorkshopRole } from '../realtime.events';

/**
 * A socket's admission is checked again when it is older than this, at its next live event: a speaker
 * taken off the workshop leaves the room then. (Giving up a seat and a workshop called off take the
 * sockets out at once.)
 */
export const ADMISSION_RECHECK_MS = 30_000;

/** Who may be in a workshop session's live room, and as what. */
@Injectable()
export class LiveRoomService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly removals: RoomRemovals,
    private readonly participants: WorkshopParticipants,
  ) {}

  /**
   * Whoever `participantRole` lets in (seated registrants, the workshop's speakers, admins), in the role
   * it gives, while the room is open (the video join window, `isJoinOpen`); not
   * someone a moderator removed from the session's video room (REMOVED_FROM_ROOM, as for the video join).
   */
  async admit(caller: Caller, sessionId: string): Promise<JoinedSession> {
    const session = await this.db.getRepository(WorkshopSession).findOneBy({ id: sessionId });
    const workshop = session && (await this.db.getRepository(Workshop).findOneBy({ id: session.workshopId }));
    if (!session || !workshop || workshop.status === 'draft') throw notFound('Workshop session');
    const role = await this.roleOf(caller, workshop.id);
    const now = this.clock.now();
    const open = workshop.status !== 'cancelled' && isJoinOpen({ start: session.startsAt, end: session.endsAt }, now);
    if (!open) throw RealtimeErrors.notOpen();
    await this.removals.assertNotRemoved({ kind: 'workshop_session', id: session.id }, caller.id);
    return { sessionId: session.id, workshopId: workshop.id, role, endsAt: session.endsAt, checkedAt: now.getTime() };
  }

  /** True when the admission should be checked again (`admit`) before it is used. */
  stale(joined: JoinedSession): boolean {
    return this.clock.now().getTime() - joined.checkedAt > ADMISSION_RECHECK_MS;
  }

  /** A joined session that has not ended yet (questions and votes stop with the room). */
  assertOpen(joined: JoinedSession | undefined): JoinedSession {
    if (!joined) throw RealtimeErrors.notJoined();
    if (this.clock.now() > joined.endsAt) throw RealtimeErrors.notOpen();
    return joined;
  }

  assertStaff(joined: JoinedSession | undefined): JoinedSession {
    const open = this.assertOpen(joined);
    if (!isStaffRole(open.role)) throw RealtimeErrors.notStaff();
    return open;
  }

  /** The workshop's session ids: the live rooms to close when it is called off or someone leaves it. */
  async sessionIdsOf(workshopId: string): Promise<string[]> {
    const sessions = await this.db.getRepository(WorkshopSession).find({ select: { id: true }, where: { workshopId } });
    return sessions.map((s) => s.id);
  }

  /** True when someone who just gave up their seat may still be in the workshop's rooms (an admin, a speaker, registered again). */
  async mayStay(userId: string, workshopId: string): Promise<boolean> {
    const user = await this.db.getRepository(User).findOne({ select: { id: true, roles: true }, where: { id: userId } });
    if (!user) return false;
    return this.roleOf({ id: user.id, roles: user.roles }, workshopId).then(
      () => true,
      () => false,
    );
  }

  async nameOf(userId: string): Promise<string> {
    const user = await this.db.getRepository(User).findOne({ select: { name: true }, where: { id: userId } });
    return user?.name ?? '';
  }

  private async roleOf(caller: Caller, workshopId: string): Promise<WorkshopRole> {
    const role = await this.participants.roleOf(workshopId, caller);
    if (!role) throw RealtimeErrors.notRegistered();
    return role;
  }
}
