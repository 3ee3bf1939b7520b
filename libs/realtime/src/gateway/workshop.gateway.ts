import { OnModuleInit } from '@nestjs/common';
import { ConnectedSocket, MessageBody, OnGatewayDisconnect, SubscribeMessage, WebSocketGateway, WebSocketServer } from '@nestjs/websockets';
import { DomainEvents, type Caller } from '@pendamping/platform';
import type { ParticipantRemoved } from '@pendamping/video';
import type { WorkshopCancelled, WorkshopRegistrationCancelled } from '@pendamping/workshops';
import { HandsService } from '../live/hands.service';
import { LiveRoomService } from '../live/live-room.service';
import { PollsService } from '../live/polls.service';
import { QuestionsService } from '../live/questions.service';
import { RoomSocketCounts } from '../live/room-socket-counts.service';
import { RealtimeErrors } from '../realtime.errors';
import type { JoinedSession, RealtimeServer, RealtimeSocket } from '../realtime.events';
import { REALTIME_NAMESPACE, rooms } from '../rooms';
import { AnsweredDto, AskDto, HandDto, OpenPollDto, PollRef, PollVoteDto, QuestionRef, SessionRef } from './realtime.dto';
import { SocketHandler } from './socket-handler';

/** A session's room and its staff room, for each session. */
const sessionRooms = (sessionIds: string[]) => sessionIds.flatMap((id) => [rooms.workshopSession(id), rooms.workshopStaff(id)]);

/** A workshop session's live room: questions and votes, raised hands, polls. */
@WebSocketGateway({ namespace: REALTIME_NAMESPACE })
export class WorkshopGateway implements OnGatewayDisconnect, OnModuleInit {
  @WebSocketServer()
  private readonly server: RealtimeServer;

  constructor(
    private readonly room: LiveRoomService,
    private readonly questions: QuestionsService,
    private readonly polls: PollsService,
    private readonly hands: HandsService,
    private readonly counts: RoomSocketCounts,
    private readonly handler: SocketHandler,
    private readonly events: DomainEvents,
  ) {}

  onModuleInit(): void {
    this.events.afterCommit('video.participant_removed', (e) => this.removed(e as ParticipantRemoved));
    this.events.afterCommit('workshop.registration_cancelled', (e) => this.gaveUpSeat(e as WorkshopRegistrationCancelled));
    this.events.afterCommit('workshop.cancelled', (e) => this.calledOff(e as WorkshopCancelled));
  }

  /**
   * A moderator removed someone: every socket of theirs, on every node (the Redis adapter carries
   * socketsLeave), leaves the session's rooms at once and is told; their hand goes down.
   */
  private async removed({ sessionId, userId }: ParticipantRemoved): Promise<void> {
    this.server.in(rooms.user(userId)).socketsLeave(sessionRooms([sessionId]));
    this.server.to(rooms.user(userId)).emit('workshop:removed', { sessionId, code: 'REMOVED_FROM_ROOM' });
    await this.lowerHand(sessionId, userId);
  }

  /**
   * Someone gave up their seat: their sockets leave the workshop's rooms on every node at once (also one
   * that sends nothing, and so is never checked again) and are told; the next live event answers NOT_REGISTERED.
   */
  private async gaveUpSeat({ workshopId, userId, previousStatus }: WorkshopRegistrationCancelled): Promise<void> {
    if (previousStatus !== 'registered' || (await this.room.mayStay(userId, workshopId))) return;
    const sessionIds = await this.room.sessionIdsOf(workshopId);
    this.server.in(rooms.user(userId)).socketsLeave(sessionRooms(sessionIds));
    for (const sessionId of sessionIds) this.server.to(rooms.user(userId)).emit('workshop:removed', { sessionId, code: 'NOT_REGISTERED' });
    await Promise.all(sessionIds.map((sessionId) => this.lowerHand(sessionId, userId)));
  }

  /** A workshop called off: everyone in its rooms is told, the rooms empty on every node at once; the next live event answers NOT_OPEN. */
  private async calledOff({ workshopId }: WorkshopCancelled): Promise<void> {
    const sessionIds = await this.room.sessionIdsOf(workshopId);
    if (sessionIds.length === 0) return;
    for (const sessionId of sessionIds) this.server.to(rooms.workshopSession(sessionId)).emit('workshop:removed', { sessionId, code: 'NOT_OPEN' });
    this.server.in(sessionIds.map(rooms.workshopSession)).socketsLeave(sessionRooms(sessionIds));
    await Promise.all(sessionIds.map((sessionId) => this.hands.clear(sessionId)));
  }

  /** A person who left the room (their last socket in it) has their hand lowered, as in a video call. */
  async handleDisconnect(socket: RealtimeSocket): Promise<void> {
    const sessions = [...(socket.data.sessions?.keys() ?? [])];
    if (sessions.length === 0) return;
    await Promise.all(sessions.map((sessionId) => this.leftRoom(socket.data.caller.id, sessionId))).catch(() => undefined);
  }

  @SubscribeMessage('workshop:join')
  join(@ConnectedSocket() socket: RealtimeSocket, @MessageBody() payload: unknown) {
    return this.handler.run(socket, payload, SessionRef, async (caller, dto) => {
      const joined = await this.room.admit(caller, dto.sessionId);
      const { sessionId, role } = joined;
      if (!socket.connected) throw RealtimeErrors.notJoined(); // gone meanwhile: nothing to count
      const counted = socket.data.sessions.has(sessionId);
      socket.data.sessions.set(sessionId, joined);
      // Counted once per socket, from when the session is on it until it is forgotten or disconnects.
      if (!counted) await this.counts.joined(sessionId, caller.id, joined.endsAt);
      await socket.join(role === 'attendee' ? [rooms.workshopSession(sessionId)] : [rooms.workshopSession(sessionId), rooms.workshopStaff(sessionId)]);
      const [questions, openPoll, hands] = await Promise.all([
        this.questions.list(sessionId),
        this.polls.openPoll(caller, sessionId),
        role === 'attendee' ? undefined : this.hands.list(sessionId),
      ]);
      return { sessionId, role, questions, openPoll, ...(hands && { hands }) };
    });
  }

  @SubscribeMessage('workshop:question')
  ask(@ConnectedSocket() socket: RealtimeSocket, @MessageBody() payload: unknown) {
    return this.handler.run(socket, payload, AskDto, async (caller, dto) => {
      const { sessionId } = await this.admitted(socket, caller, dto.sessionId);
      const question = await this.questions.ask(caller, await this.nameOf(socket), sessionId, dto.body);
      this.server.to(rooms.workshopSession(sessionId)).emit('workshop:question', { ...question, sessionId });
      return question;
    });
  }

  @SubscribeMessage('workshop:question:vote')
  vote(@ConnectedSocket() socket: RealtimeSocket, @MessageBody() payload: unknown) {
    return this.handler.run(socket, payload, QuestionRef, async (caller, dto) => {
      const sessionId = await this.questions.sessionOf(dto.questionId);
      await this.admitted(socket, caller, sessionId);
      const { votes, counted } = await this.questions.vote(caller, dto.questionId);
      if (counted) this.server.to(rooms.workshopSession(sessionId)).emit('workshop:question:votes', { questionId: dto.questionId, votes });
      return { questionId: dto.questionId, votes };
    });
  }

  @SubscribeMessage('workshop:question:answered')
  answered(@ConnectedSocket() socket: RealtimeSocket, @MessageBody() payload: unknown) {
    return this.handler.run(socket, payload, AnsweredDto, async (caller, dto) => {
      const sessionId = await this.questions.sessionOf(dto.questionId);
      await this.admitted(socket, caller, sessionId, true);
      const answered = dto.answered ?? true;
      await this.questions.markAnswered(dto.questionId, answered);
      this.server.to(rooms.workshopSession(sessionId)).emit('workshop:question:answered', { questionId: dto.questionId, answered });
      return { questionId: dto.questionId, answered };
    });
  }

  @SubscribeMessage('workshop:hand')
  hand(@ConnectedSocket() socket: RealtimeSocket, @MessageBody() payload: unknown) {
    return this.handler.run(socket, payload, HandDto, async (caller, dto) => {
      const { sessionId, endsAt } = await this.admitted(socket, caller, dto.sessionId);
      const name = await this.nameOf(socket);
      await this.hands.set(sessionId, { userId: caller.id, name }, dto.raised, endsAt);
      this.server.to(rooms.workshopStaff(sessionId)).emit('workshop:hand', { sessionId, userId: caller.id, name, raised: dto.raised });
      return { sessionId, raised: dto.raised };
    });
  }

  @SubscribeMessage('workshop:poll:open')
  openPoll(@ConnectedSocket() socket: RealtimeSocket, @MessageBody() payload: unknown) {
    return this.handler.run(socket, payload, OpenPollDto, async (caller, dto) => {
      const { sessionId } = await this.admitted(socket, caller, dto.sessionId, true);
      const { closedPollId, ...poll } = await this.polls.open(caller, sessionId, dto.question, dto.options);
      if (closedPollId) {
        const results = await this.polls.results(await this.polls.find(closedPollId));
        this.server.to(rooms.workshopSession(sessionId)).emit('workshop:poll:closed', results);
      }
      this.server.to(rooms.workshopSession(sessionId)).emit('workshop:poll', { ...poll, sessionId });
      return poll;
    });
  }

  @SubscribeMessage('workshop:poll:vote')
  pollVote(@ConnectedSocket() socket: RealtimeSocket, @MessageBody() payload: unknown) {
    return this.handler.run(socket, payload, PollVoteDto, async (caller, dto) => {
      const poll = await this.polls.find(dto.pollId);
      await this.admitted(socket, caller, poll.sessionId);
      const { counted, ...results } = await this.polls.vote(caller, poll, dto.option);
      if (counted) this.server.to(rooms.workshopSession(poll.sessionId)).emit('workshop:poll:results', results);
      return results;
    });
  }

  @SubscribeMessage('workshop:poll:close')
  closePoll(@ConnectedSocket() socket: RealtimeSocket, @MessageBody() payload: unknown) {
    return this.handler.run(socket, payload, PollRef, async (caller, dto) => {
      const poll = await this.polls.find(dto.pollId);
      await this.admitted(socket, caller, poll.sessionId, true);
      const results = await this.polls.close(poll);
      this.server.to(rooms.workshopSession(poll.sessionId)).emit('workshop:poll:closed', results);
      return results;
    });
  }

  /**
   * The socket's admission to a session's live room: checked again when it is old, so someone who gave
   * up their seat, or a workshop called off, is taken out of the room (and gets the reason on the ack).
   */
  private async admitted(socket: RealtimeSocket, caller: Caller, sessionId: string, staff = false): Promise<JoinedSession> {
    const id = sessionId.toLowerCase();
    const joined = socket.data.sessions.get(id);
    if (joined && !socket.rooms.has(rooms.workshopSession(id))) {
      // Taken out of the room from outside (a removal, a seat given up, a workshop called off; possibly
      // decided on another node): the reason from admit.
      await this.forget(socket, id);
      await this.room.admit(caller, id);
      throw RealtimeErrors.notJoined();
    }
    if (joined && this.room.stale(joined)) {
      try {
        Object.assign(joined, await this.room.admit(caller, id));
      } catch (error) {
        await this.forget(socket, id);
        throw error;
      }
      if (joined.role === 'attendee') await socket.leave(rooms.workshopStaff(id));
    }
    return staff ? this.room.assertStaff(joined) : this.room.assertOpen(joined);
  }

  /** The socket is out of the session's room for good (until it joins again); its count goes down once. */
  private async forget(socket: RealtimeSocket, sessionId: string): Promise<void> {
    if (!socket.data.sessions.delete(sessionId)) return;
    await socket.leave(rooms.workshopSession(sessionId));
    await socket.leave(rooms.workshopStaff(sessionId));
    await this.leftRoom(socket.data.caller.id, sessionId);
  }

  /**
   * After a socket left a session's room: lowers the person's hand unless another of their sockets is
   * still there, on any node (counted in Redis, so no node has to ask the others).
   */
  private async leftRoom(userId: string, sessionId: string): Promise<void> {
    if ((await this.counts.left(sessionId, userId)) > 0) return;
    await this.lowerHand(sessionId, userId);
  }

  private async lowerHand(sessionId: string, userId: string): Promise<void> {
    const hand = await this.hands.lower(sessionId, userId);
    if (hand) this.server.to(rooms.workshopStaff(sessionId)).emit('workshop:hand', { sessionId, ...hand, raised: false });
  }

  /** The caller's display name, read once per socket. */
  private async nameOf(socket: RealtimeSocket): Promise<string> {
    socket.data.name ??= await this.room.nameOf(socket.data.caller.id);
    return socket.data.name;
  }
}
