import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, ParseIdPipe, type Caller } from '@pendamping/platform';
import { JoinDto } from './join.dto';
import { JoinService } from './join.service';
import { JoinView } from './join.view';

@ApiTags('video')
@ApiBearerAuth()
@Controller()
export class JoinController {
  constructor(private readonly join: JoinService) {}

  @Post('consultations/:id/join')
  @HttpCode(200)
  @ApiOkResponse({ type: JoinView })
  @ApiOperation({ operationId: 'joinConsultation', summary: 'A token for the consultation video room (its two people; from 15 min before the start to the end)' })
  @ApiNotFoundResponse({ description: 'Unknown, or not yours' })
  @ApiForbiddenResponse({ description: 'An admin who is not one of its two people' })
  @ApiConflictResponse({ description: 'NOT_OPEN: outside the window, or cancelled / completed / no-show' })
  consultation(@CurrentUser() caller: Caller, @Param('id', ParseIdPipe) id: string, @Body() dto: JoinDto): Promise<JoinView> {
    return this.join.joinConsultation(caller, id, dto);
  }

  @Post('workshops/:id/sessions/:sessionId/join')
  @HttpCode(200)
  @ApiOkResponse({ type: JoinView })
  @ApiOperation({ operationId: 'joinWorkshopSession', summary: 'A token for a workshop session video room: attendee, speaker or host' })
  @ApiNotFoundResponse({ description: 'Unknown workshop or session, or a draft' })
  @ApiForbiddenResponse({ description: 'NOT_REGISTERED; REMOVED_FROM_ROOM' })
  @ApiConflictResponse({ description: 'NOT_OPEN: outside [start − 15 min, end], or the workshop is cancelled' })
  session(
    @CurrentUser() caller: Caller,
    @Param('id', ParseIdPipe) id: string,
    @Param('sessionId', ParseIdPipe) sessionId: string,
    @Body() dto: JoinDto,
  ): Promise<JoinView> {
    return this.join.joinWorkshopSession(caller, id, sessionId, dto);
  }
}
