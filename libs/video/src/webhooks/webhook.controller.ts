import { Controller, HttpCode, Post, Req } from '@nestjs/common';
import { ApiConsumes, ApiOkResponse, ApiOperation, ApiProperty, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { DomainError, Public } from '@pendamping/platform';
import { VideoWebhookService } from './webhook.service';
import { WEBHOOK_CONTENT_TYPE } from './raw-body';

export class WebhookAck {
  @ApiProperty({ type: Boolean, description: 'always true' }) received: true;
  @ApiProperty({ description: 'an event id seen before: nothing changed' }) duplicate: boolean;
}

@ApiTags('video')
@Controller('webhooks/livekit')
export class LiveKitWebhookController {
  constructor(private readonly webhooks: VideoWebhookService) {}

  @Post()
  @Public()
  @HttpCode(200)
  @ApiConsumes(WEBHOOK_CONTENT_TYPE)
  @ApiOperation({ operationId: 'receiveLiveKitWebhook', summary: "LiveKit's webhook: participants joining and leaving, rooms starting and finishing" })
  @ApiOkResponse({ type: WebhookAck, description: 'a redelivered event id changes nothing' })
  @ApiUnauthorizedResponse({ description: 'INVALID_SIGNATURE: bad signature, body hash or expired token' })
  receive(@Req() request: FastifyRequest): Promise<WebhookAck> {
    // The signature covers the exact bytes sent, so only the raw body (kept by our parser) can be checked.
    if (typeof request.body !== 'string') {
      throw new DomainError('UNSUPPORTED_MEDIA_TYPE', `Send the event as ${WEBHOOK_CONTENT_TYPE}, as LiveKit does`);
    }
    return this.webhooks.receive(request.body, request.headers.authorization);
  }
}
