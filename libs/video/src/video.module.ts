import { Module, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ConsultationsModule } from '@pendamping/consultations';
import { WorkshopsModule } from '@pendamping/workshops';
import { JoinController } from './join/join.controller';
import { JoinService } from './join/join.service';
import { LiveKitRooms } from './livekit/livekit-rooms';
import { LiveKitTokens } from './livekit/livekit-tokens';
import { LiveKitWebhooks } from './livekit/livekit-webhooks';
import { ModerationController } from './moderation/moderation.controller';
import { ModerationService } from './moderation/moderation.service';
import { RoomRemovals } from './moderation/room-removals';
import { ConsultationPresenceController } from './presence/consultation-presence.controller';
import { ConsultationPresenceService } from './presence/consultation-presence.service';
import { RoomCloser } from './room-closer';
import { VideoRooms } from './rooms.service';
import { videoEntities } from './video.entities';
import { acceptRawWebhooks } from './webhooks/raw-body';
import { LiveKitWebhookController } from './webhooks/webhook.controller';
import { VideoWebhookService } from './webhooks/webhook.service';

/** Video rooms on LiveKit: join tokens, moderation, the webhook, closing rooms. The only user of livekit-server-sdk. */
@Module({
  imports: [TypeOrmModule.forFeature(videoEntities), ConsultationsModule, WorkshopsModule],
  controllers: [JoinController, ModerationController, ConsultationPresenceController, LiveKitWebhookController],
  providers: [LiveKitRooms, LiveKitTokens, LiveKitWebhooks, VideoRooms, JoinService, ModerationService, RoomRemovals, ConsultationPresenceService, VideoWebhookService, RoomCloser],
  exports: [JoinService, VideoRooms, ConsultationPresenceService, RoomRemovals],
})
export class VideoModule implements OnModuleInit {
  constructor(private readonly http: HttpAdapterHost) {}

  onModuleInit(): void {
    // Only in an HTTP app (the worker has no server): LiveKit's webhooks need their raw body.
    const fastify = this.http.httpAdapter?.getInstance();
    if (fastify) acceptRawWebhooks(fastify);
  }
}
