import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { CurrentUser, PageQuery, ParseIdPipe, type Caller } from '@pendamping/platform';
import { ChatService } from './chat.service';

export class HistoryQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'A message id: only messages older than it' })
  @IsOptional()
  @IsUUID()
  before?: string;
}

@ApiTags('consultations')
@ApiBearerAuth()
@Controller('consultations')
export class ChatController {
  constructor(private readonly chat: ChatService) {}

  @Get(':id/messages')
  @ApiOperation({ summary: 'Chat history of a consultation, newest first (participants and admins)' })
  @ApiNotFoundResponse({ description: 'Unknown consultation, or not yours' })
  async history(@CurrentUser() caller: Caller, @Param('id', ParseIdPipe) id: string, @Query() query: HistoryQuery) {
    await this.chat.open(caller, id);
    return this.chat.history(id, query);
  }
}
