import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, ParseIdPipe, Roles, type Caller } from '@pendamping/platform';
import { FailedDeliveriesService } from './failed-deliveries.service';
import { InboxService } from './inbox.service';
import { DeliveryQuery, InboxQuery, PreferencesDto } from './notification.dto';
import { DeliveryPage, DeliveryView, NotificationPage, PreferencesView } from './notification.views';
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
  @ApiOperation({ operationId: 'listNotifications', summary: 'The caller inbox, newest first' })
  @ApiOkResponse({ type: NotificationPage })
  list(@CurrentUser() caller: Caller, @Query() query: InboxQuery): Promise<NotificationPage> {
    return this.inbox.list(caller.id, query);
  }

  @Post('notifications/:id/read')
  @HttpCode(204)
  @ApiOperation({ operationId: 'markNotificationRead', summary: 'Mark one notification read (again is fine)' })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ description: 'Unknown, or not yours' })
  async read(@CurrentUser() caller: Caller, @Param('id', ParseIdPipe) id: string): Promise<void> {
    await this.inbox.markRead(caller.id, id);
  }

  @Get('me/notification-preferences')
  @ApiOperation({ operationId: 'getNotificationPreferences', summary: 'My channels and language for notifications' })
  @ApiOkResponse({ type: PreferencesView })
  getPreferences(@CurrentUser() caller: Caller): Promise<PreferencesView> {
    return this.preferences.get(caller.id);
  }

  @Put('me/notification-preferences')
  @ApiOperation({ operationId: 'updateNotificationPreferences', summary: "Channels and language for notifications (the language is the account's, as in PATCH /api/me); the inbox is always on" })
  @ApiOkResponse({ type: PreferencesView })
  putPreferences(@CurrentUser() caller: Caller, @Body() dto: PreferencesDto): Promise<PreferencesView> {
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
  @ApiOperation({ operationId: 'listDeliveries', summary: 'Deliveries by status (default failed: out of attempts or refused by the provider)' })
  @ApiOkResponse({ type: DeliveryPage })
  list(@Query() query: DeliveryQuery): Promise<DeliveryPage> {
    return this.deliveries.list(query);
  }

  @Post(':id/retry')
  @HttpCode(200)
  @ApiOperation({ operationId: 'retryDelivery', summary: 'Send a failed delivery again' })
  @ApiOkResponse({ type: DeliveryView })
  @ApiConflictResponse({ description: 'NOT_FAILED' })
  retry(@Param('id', ParseIdPipe) id: string): Promise<DeliveryView> {
    return this.deliveries.retry(id);
  }
}
