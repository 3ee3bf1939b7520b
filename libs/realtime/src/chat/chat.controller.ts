import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { CurrentUser, PageOf, PageQuery, ParseIdPipe, type Caller } from '@pendamping/platform';
import type { MessageView } from '../realtime.events';
import { ChatService } from './chat.service';

export class HistoryQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'A message id: only messages older than it' })
  @IsOptional()
  @IsUUID()
  before?: string;
}

/** A chat message, as in the history and the `consultation:message` socket event. */
export class ChatMessageView implements MessageView {
  @ApiProperty() id: string;
  @ApiProperty() consultationId: string;
  @ApiProperty({ description: "the sender's own id for the message (a resend with it stores nothing new)" }) clientMessageId: string;
  @ApiProperty() senderId: string;
  @ApiProperty({ description: 'plain text, exactly as typed: render it as text, never as HTML' }) body: string;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
}

export class ChatMessagePage extends PageOf(ChatMessageView) {}

@ApiTags('consultations')
@ApiBearerAuth()
@Controller('consultations')
export class ChatController {
  constructor(private readonly chat: ChatService) {}

  @Get(':id/messages')
  @ApiOperation({ operationId: 'listConsultationMessages', summary: 'Chat history of a consultation, newest first (participants and admins)' })
  @ApiOkResponse({ type: ChatMessagePage })
  @ApiNotFoundResponse({ description: 'Unknown consultation, or not yours' })
  async history(@CurrentUser() caller: Caller, @Param('id', ParseIdPipe) id: string, @Query() query: HistoryQuery): Promise<ChatMessagePage> {
    await this.chat.open(caller, id);
    return this.chat.history(id, query);
  }
}
