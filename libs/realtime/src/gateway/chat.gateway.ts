import { ConnectedSocket, MessageBody, SubscribeMessage, WebSocketGateway } from '@nestjs/websockets';
import type { Caller } from '@pendamping/platform';
import { forbidden } from '@pendamping/platform';
import { ChatService } from '../chat/chat.service';
import type { RealtimeSocket } from '../realtime.events';
import { REALTIME_NAMESPACE, rooms } from '../rooms';
import { ConsultationRef, JoinConsultationDto, ReadDto, SendMessageDto } from './realtime.dto';
import { SocketHandler } from './socket-handler';

/** Consultation chat between its mentor and entrepreneur; admins may join to read. */
@WebSocketGateway({ namespace: REALTIME_NAMESPACE })
export class ChatGateway {
  constructor(
    private readonly chat: ChatService,
    private readonly handler: SocketHandler,
  ) {}

  @SubscribeMessage('consultation:join')
  join(@ConnectedSocket() socket: RealtimeSocket, @MessageBody() payload: unknown) {
    return this.handler.run(socket, payload, JoinConsultationDto, async (caller, dto) => {
      const consultationId = await this.access(socket, caller, dto.consultationId, false);
      await socket.join(rooms.consultation(consultationId));
      return { consultationId, ...(await this.chat.missed(caller, consultationId, dto.since)) };
    });
  }

  @SubscribeMessage('consultation:message')
  message(@ConnectedSocket() socket: RealtimeSocket, @MessageBody() payload: unknown) {
    return this.handler.run(socket, payload, SendMessageDto, async (caller, dto) => {
      const consultationId = await this.access(socket, caller, dto.consultationId, true);
      const { message, fresh } = await this.chat.send(caller, consultationId, dto.clientMessageId, dto.body);
      // Stored before anyone hears of it; a resend answers the stored message and is not delivered again.
      if (fresh) socket.to(rooms.consultation(consultationId)).emit('consultation:message', message);
      return message;
    });
  }

  @SubscribeMessage('consultation:typing')
  typing(@ConnectedSocket() socket: RealtimeSocket, @MessageBody() payload: unknown) {
    return this.handler.run(socket, payload, ConsultationRef, async (caller, dto) => {
      const consultationId = await this.access(socket, caller, dto.consultationId, true);
      socket.to(rooms.consultation(consultationId)).emit('consultation:typing', { consultationId, userId: caller.id });
      return { consultationId };
    });
  }

  @SubscribeMessage('consultation:read')
  read(@ConnectedSocket() socket: RealtimeSocket, @MessageBody() payload: unknown) {
    return this.handler.run(socket, payload, ReadDto, async (caller, dto) => {
      const consultationId = await this.access(socket, caller, dto.consultationId, true);
      await this.chat.markRead(caller, consultationId, dto.messageId);
      socket.to(rooms.consultation(consultationId)).emit('consultation:read', { consultationId, userId: caller.id, messageId: dto.messageId });
      return { consultationId, messageId: dto.messageId };
    });
  }

  /**
   * Checks (once per socket and consultation) that the caller may read, or write when `write`: strangers
   * get NOT_FOUND, an admin who is not a participant FORBIDDEN for writing. Returns the stored id.
   */
  private async access(socket: RealtimeSocket, caller: Caller, consultationId: string, write: boolean): Promise<string> {
    const id = consultationId.toLowerCase();
    let participant = socket.data.consultations.get(id);
    if (participant === undefined) {
      participant = (await this.chat.open(caller, id)).participant;
      socket.data.consultations.set(id, participant);
    }
    if (write && !participant) throw forbidden('Only the mentor and the entrepreneur of this consultation can write here');
    return id;
  }
}
