import { Controller, Delete, Get, Header, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentUser, notFound, ParseIdPipe, Public, type Caller } from '@pendamping/platform';
import { CalendarFeedService, type CurrentFeed, type FeedAddress } from './calendar-feed.service';

class FeedAddressView implements FeedAddress {
  @ApiProperty({ example: 'https://pendamping.example/api/calendar/3q2-….ics' }) url: string;
  @ApiProperty({ example: 'webcal://pendamping.example/api/calendar/3q2-….ics' }) webcal: string;
}

/** The current address; both fields null while there is none (none made yet, or stopped). */
class CurrentFeedView {
  @ApiProperty({ type: String, nullable: true, example: 'https://pendamping.example/api/calendar/3q2-….ics', description: 'null: no address' }) url: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'webcal://pendamping.example/api/calendar/3q2-….ics', description: 'null: no address' }) webcal: string | null;
}

@ApiTags('calendar')
@Controller()
export class CalendarFeedController {
  constructor(private readonly feeds: CalendarFeedService) {}

  @Post('me/calendar-feed')
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOperation({ operationId: 'rotateCalendarFeed', summary: 'A secret calendar address (iCalendar) with my consultations and workshop sessions; a new one replaces the old' })
  @ApiOkResponse({ type: FeedAddressView })
  rotate(@CurrentUser() caller: Caller): Promise<FeedAddress> {
    return this.feeds.rotate(caller.id);
  }

  @Get('me/calendar-feed')
  @ApiBearerAuth()
  @ApiOperation({ operationId: 'getCalendarFeed', summary: 'My current calendar address; url and webcal are null when there is none (none made yet, or stopped)' })
  @ApiOkResponse({ type: CurrentFeedView })
  current(@CurrentUser() caller: Caller): Promise<CurrentFeed> {
    return this.feeds.current(caller.id);
  }

  @Delete('me/calendar-feed')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiOperation({ operationId: 'revokeCalendarFeed', summary: 'Stop my calendar address from working' })
  @ApiNoContentResponse()
  async revoke(@CurrentUser() caller: Caller): Promise<void> {
    await this.feeds.revoke(caller.id);
  }

  @Get('consultations/:id/calendar.ics')
  @ApiBearerAuth()
  @ApiOperation({ operationId: 'getConsultationIcs', summary: "One consultation's calendar entry (text/calendar) for the people in it: add it to a calendar app" })
  @ApiOkResponse({ description: 'An iCalendar (RFC 5545) file with one event; CANCELLED once the consultation is', content: { 'text/calendar': { schema: { type: 'string' } } } })
  @ApiNotFoundResponse({ description: 'No such consultation, or not yours' })
  @ApiForbiddenResponse({ description: 'An admin: it is not their appointment' })
  async consultationIcs(@CurrentUser() caller: Caller, @Param('id', ParseIdPipe) id: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const body = await this.feeds.consultationIcs(caller, id);
    void reply.header('content-type', 'text/calendar; charset=utf-8').header('content-disposition', `attachment; filename="konsultasi-${id}.ics"`);
    return body;
  }

  @Public()
  @Get('calendar/:file')
  @Header('cache-control', 'private, max-age=300')
  @ApiOperation({ operationId: 'getCalendarFeedIcs', summary: 'The calendar itself (text/calendar), for calendar apps; the address is the key' })
  @ApiOkResponse({ description: 'An iCalendar (RFC 5545) file', content: { 'text/calendar': { schema: { type: 'string' } } } })
  @ApiNotFoundResponse({ description: 'Unknown or revoked address' })
  async ics(@Param('file') file: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    if (!file.endsWith('.ics')) throw notFound('Calendar feed');
    const body = await this.feeds.ics(file.slice(0, -'.ics'.length));
    void reply.header('content-type', 'text/calendar; charset=utf-8');
    return body;
  }
}
