import { ConnectedSocket, MessageBody, SubscribeMessage, WebSocketGateway, WebSocketServer } from '@nestjs/websockets';
import { HandsService } from '../live/hands.service';
import { LiveRoomService } from '../live/live-room.service';
import { PollsService } from '../live/polls.service';
import { QuestionsService } from '../live/questions.service';
import type { RealtimeServer, RealtimeSocket } from '../realtime.events';
import { REALTIME_NAMESPACE, rooms } from '../rooms';
import { AnsweredDto, AskDto, HandDto, OpenPollDto, PollRef, PollVoteDto, QuestionRef, SessionRef } from './realtime.dto';
import { SocketHandler } from './socket-handler';

/** A workshop session's live room: questions and votes, raised hands, polls. */
@WebSocketGateway({ namespace: REALTIME_NAMESPACE })
export class WorkshopGateway {
  @WebSocketServer()
  private readonly server: RealtimeServer;

  constructor(
    private readonly room: LiveRoomService,
    private readonly questions: QuestionsService,
    private readonly polls: PollsService,
    private readonly hands: HandsService,
    private readonly handler: SocketHandler,
  ) {}

  @SubscribeMessage('workshop:join')
  join(@ConnectedSocket() socket: RealtimeSocket, @MessageBody() payload: unknown) {
    return this.handler.run(socket, payload, SessionRef, async (caller, dto) => {
      const joined = await this.room.admit(caller, dto.sessionId);
      const { sessionId, role } = joined;
      socket.data.sessions.set(sessionId, joined);
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
      const { sessionId } = this.room.assertOpen(socket.data.sessions.get(dto.sessionId.toLowerCase()));
      const question = await this.questions.ask(caller, await this.nameOf(socket), sessionId, dto.body);
      this.server.to(rooms.workshopSession(sessionId)).emit('workshop:question', { ...question, sessionId });
      return question;
    });
  }

  @SubscribeMessage('workshop:question:vote')
  vote(@ConnectedSocket() socket: RealtimeSocket, @MessageBody() payload: unknown) {
    return this.handler.run(socket, payload, QuestionRef, async (caller, dto) => {
      const sessionId = await this.questions.sessionOf(dto.questionId);
      this.room.assertOpen(socket.data.sessions.get(sessionId));
      const { votes, counted } = await this.questions.vote(caller, dto.questionId);
      if (counted) this.server.to(rooms.workshopSession(sessionId)).emit('workshop:question:votes', { questionId: dto.questionId, votes });
      return { questionId: dto.questionId, votes };
    });
  }

  @SubscribeMessage('workshop:question:answered')
  answered(@ConnectedSocket() socket: RealtimeSocket, @MessageBody() payload: unknown) {
    return this.handler.run(socket, payload, AnsweredDto, async (_caller, dto) => {
      const sessionId = await this.questions.sessionOf(dto.questionId);
      this.room.assertStaff(socket.data.sessions.get(sessionId));
      const answered = dto.answered ?? true;
      await this.questions.markAnswered(dto.questionId, answered);
      this.server.to(rooms.workshopSession(sessionId)).emit('workshop:question:answered', { questionId: dto.questionId, answered });
      return { questionId: dto.questionId, answered };
    });
  }

  @SubscribeMessage('workshop:hand')
  hand(@ConnectedSocket() socket: RealtimeSocket, @MessageBody() payload: unknown) {
    return this.handler.run(socket, payload, HandDto, async (caller, dto) => {
      const { sessionId, endsAt } = this.room.assertOpen(socket.data.sessions.get(dto.sessionId.toLowerCase()));
      const name = await this.nameOf(socket);
      await this.hands.set(sessionId, { userId: caller.id, name }, dto.raised, endsAt);
      this.server.to(rooms.workshopStaff(sessionId)).emit('workshop:hand', { sessionId, userId: caller.id, name, raised: dto.raised });
      return { sessionId, raised: dto.raised };
    });
  }

  @SubscribeMessage('workshop:poll:open')
  openPoll(@ConnectedSocket() socket: RealtimeSocket, @MessageBody() payload: unknown) {
    return this.handler.run(socket, payload, OpenPollDto, async (caller, dto) => {
      const { sessionId } = this.room.assertStaff(socket.data.sessions.get(dto.sessionId.toLowerCase()));
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
      this.room.assertOpen(socket.data.sessions.get(poll.sessionId));
      const { counted, ...results } = await this.polls.vote(caller, poll, dto.option);
      if (counted) this.server.to(rooms.workshopSession(poll.sessionId)).emit('workshop:poll:results', results);
      return results;
    });
  }

  @SubscribeMessage('workshop:poll:close')
  closePoll(@ConnectedSocket() socket: RealtimeSocket, @MessageBody() payload: unknown) {
    return this.handler.run(socket, payload, PollRef, async (_caller, dto) => {
      const poll = await this.polls.find(dto.pollId);
      this.room.assertStaff(socket.data.sessions.get(poll.sessionId));
      const results = await this.polls.close(poll);
      this.server.to(rooms.workshopSession(poll.sessionId)).emit('workshop:poll:closed', results);
      return results;
    });
  }

  /** The caller's display name, read once per socket. */
  private async nameOf(socket: RealtimeSocket): Promise<string> {
    socket.data.name ??= await this.room.nameOf(socket.data.caller.id);
    return socket.data.name;
  }
}
