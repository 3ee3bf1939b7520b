import { Body, Controller, Delete, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiForbiddenResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, ParseIdPipe, type Caller } from '@pendamping/platform';
import { MicrophoneDto, MicrophoneView, MuteDto, MuteView } from './moderation.dto';
import { ModerationService } from './moderation.service';

@ApiTags('video')
@ApiBearerAuth()
@ApiForbiddenResponse({ description: "Not one of this workshop's speakers nor an admin" })
@ApiNotFoundResponse({ description: 'Unknown workshop, session or participant; NOT_IN_ROOM when they are not connected' })
@Controller('workshops/:id/sessions/:sessionId/participants/:userId')
export class ModerationController {
  constructor(private readonly moderation: ModerationService) {}

  @Post('microphone')
  @HttpCode(200)
  @ApiOperation({ operationId: 'setParticipantMicrophone', summary: 'Give an attendee the floor (microphone) or take it back' })
  @ApiOkResponse({ type: MicrophoneView })
  @ApiConflictResponse({ description: 'NOT_AN_ATTENDEE, NOT_YOURSELF' })
  async microphone(
    @CurrentUser() caller: Caller,
    @Param('id', ParseIdPipe) id: string,
    @Param('sessionId', ParseIdPipe) sessionId: string,
    @Param('userId', ParseIdPipe) userId: string,
    @Body() dto: MicrophoneDto,
  ): Promise<MicrophoneView> {
    await this.moderation.setMicrophone(caller, id, sessionId, userId, dto.allowed);
    return { userId, microphone: dto.allowed };
  }

  @Post('mute')
  @HttpCode(200)
  @ApiOperation({ operationId: 'muteParticipantTrack', summary: "Mute (or unmute) one of a participant's published tracks" })
  @ApiOkResponse({ type: MuteView })
  async mute(
    @CurrentUser() caller: Caller,
    @Param('id', ParseIdPipe) id: string,
    @Param('sessionId', ParseIdPipe) sessionId: string,
    @Param('userId', ParseIdPipe) userId: string,
    @Body() dto: MuteDto,
  ): Promise<MuteView> {
    const muted = dto.muted ?? true;
    await this.moderation.muteTrack(caller, id, sessionId, userId, dto.trackSid, muted);
    return { userId, trackSid: dto.trackSid, muted };
  }

  @Delete()
  @HttpCode(204)
  @ApiOperation({ operationId: 'removeParticipant', summary: 'Remove an attendee from the room; they cannot get a new join token for it' })
  @ApiNoContentResponse()
  @ApiConflictResponse({ description: 'NOT_AN_ATTENDEE, NOT_YOURSELF' })
  async remove(
    @CurrentUser() caller: Caller,
    @Param('id', ParseIdPipe) id: string,
    @Param('sessionId', ParseIdPipe) sessionId: string,
    @Param('userId', ParseIdPipe) userId: string,
  ): Promise<void> {
    await this.moderation.remove(caller, id, sessionId, userId);
  }
}
