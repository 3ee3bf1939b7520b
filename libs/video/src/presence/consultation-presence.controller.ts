import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, ParseIdPipe, type Caller } from '@pendamping/platform';
import { ConsultationPresenceService } from './consultation-presence.service';
import { PresenceView } from './presence.views';

@ApiTags('video')
@ApiBearerAuth()
@Controller('consultations/:id/video-presence')
export class ConsultationPresenceController {
  constructor(private readonly presence: ConsultationPresenceService) {}

  @Get()
  @ApiOperation({ operationId: 'getConsultationVideoPresence', summary: 'Who came into the video room; bothPresent backs a completed outcome' })
  @ApiOkResponse({ type: PresenceView })
  @ApiNotFoundResponse({ description: 'Unknown, or not yours' })
  get(@CurrentUser() caller: Caller, @Param('id', ParseIdPipe) id: string): Promise<PresenceView> {
    return this.presence.view(caller, id);
  }
}
