import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, ParseIdPipe, type Caller } from '@pendamping/platform';
import { ConsultationPresenceService, type PresenceView } from './consultation-presence.service';

@ApiTags('video')
@ApiBearerAuth()
@Controller('consultations/:id/video-presence')
export class ConsultationPresenceController {
  constructor(private readonly presence: ConsultationPresenceService) {}

  @Get()
  @ApiOperation({ summary: 'Who came into the video room; bothPresent backs a completed outcome' })
  @ApiNotFoundResponse({ description: 'Unknown, or not yours' })
  get(@CurrentUser() caller: Caller, @Param('id', ParseIdPipe) id: string): Promise<PresenceView> {
    return this.presence.view(caller, id);
  }
}
