import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, ParseIdPipe, Roles, type Caller } from '@pendamping/platform';
import { FailedDeliveriesService } from './failed-deliveries.service';
import { InboxService } from './inbox.service';
import { DeliveryQuery, InboxQuery, PreferencesDto } from './notification.dto';
import { PreferencesService } from './preferences.service';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller()
export class NotificationsController {
  constructor(
    private readonly inbox: InboxService,
    private readonly preferences: PreferencesService,
  ) {}

  @Get('notifications')
  @ApiOperation({ summary: 'The caller inbox, newest first' })
  list(@CurrentUser() caller: Caller, @Query() query: InboxQuery) {
    return this.inbox.list(caller.id, query);
  }

  @Post('notifications/:id/read')
  @HttpCode(204)
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ description: 'Unknown, or not yours' })
  async read(@CurrentUser() caller: Caller, @Param('id', ParseIdPipe) id: string): Promise<void> {
    await this.inbox.markRead(caller.id, id);
  }

  @Get('me/notification-preferences')
  getPreferences(@CurrentUser() caller: Caller) {
    return this.preferences.get(caller.id);
  }

  @Put('me/notification-preferences')
  @ApiOperation({ summary: 'Channels and language for notifications; the inbox is always on' })
  putPreferences(@CurrentUser() caller: Caller, @Body() dto: PreferencesDto) {
    return this.preferences.put(caller.id, dto);
  }
}

@ApiTags('notifications')
@ApiBearerAuth()
@Roles('admin')
@Controller('admin/notification-deliveries')
export class AdminDeliveriesController {
  constructor(private readonly deliveries: FailedDeliveriesService) {}

  @Get()
  @ApiOperation({ summary: 'Deliveries by status (default failed: out of attempts or refused by the provider)' })
  list(@Query() query: DeliveryQuery) {
    return this.deliveries.list(query);
  }

  @Post(':id/retry')
  @HttpCode(200)
  @ApiOperation({ summary: 'Send a failed delivery again' })
  retry(@Param('id', ParseIdPipe) id: string) {
    return this.deliveries.retry(id);
  }
}
