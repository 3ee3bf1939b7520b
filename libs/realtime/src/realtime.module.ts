import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ConsultationsModule } from '@pendamping/consultations';
import { IdentityModule } from '@pendamping/identity';
import { VideoModule } from '@pendamping/video';
import { WorkshopsModule } from '@pendamping/workshops';
import { ChatController } from './chat/chat.controller';
import { ChatRepository } from './chat/chat.repository';
import { ChatService } from './chat/chat.service';
import { ChatGateway } from './gateway/chat.gateway';
import { ConnectionGateway } from './gateway/connection.gateway';
import { SocketHandler } from './gateway/socket-handler';
import { WorkshopGateway } from './gateway/workshop.gateway';
import { HandsService } from './live/hands.service';
import { LiveRoomService } from './live/live-room.service';
import { PollsService } from './live/polls.service';
import { QuestionsService } from './live/questions.service';
import { RoomSocketCounts } from './live/room-socket-counts.service';
import { realtimeEntities } from './realtime.entities';
import { LiveReportController } from './report/live-report.controller';
import { LiveReportService } from './report/live-report.service';

/** The socket.io gateway (namespace /realtime), the chat history and the live-room report endpoints. The api imports it; the worker does not. */
@Module({
  imports: [TypeOrmModule.forFeature(realtimeEntities), IdentityModule, ConsultationsModule, WorkshopsModule, VideoModule],
  controllers: [ChatController, LiveReportController],
  providers: [ConnectionGateway, ChatGateway, WorkshopGateway, SocketHandler, ChatRepository, ChatService, LiveRoomService, QuestionsService, PollsService, HandsService, RoomSocketCounts, LiveReportService],
  exports: [ChatService],
})
export class RealtimeModule {}
