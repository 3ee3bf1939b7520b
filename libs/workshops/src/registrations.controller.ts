import { Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, ParseIdPipe, Roles, type Caller } from '@pendamping/platform';
import { RegistrationsService } from './registrations.service';
import { RegistrationQuery } from './workshop.dto';
import { MyRegistrationView, RegistrationPage, RegistrationResult } from './workshop.views';

@ApiTags('workshops')
@ApiBearerAuth()
@Controller('workshops/:id/registrations')
export class RegistrationsController {
  constructor(private readonly registrations: RegistrationsService) {}

  @Post()
  @Roles('entrepreneur')
  @ApiOperation({ operationId: 'registerForWorkshop', summary: 'Take a seat, or a place on the waitlist when the workshop is full' })
  @ApiCreatedResponse({ type: RegistrationResult })
  @ApiConflictResponse({ description: 'ALREADY_REGISTERED, WORKSHOP_CANCELLED, REGISTRATION_CLOSED; TRY_AGAIN with Retry-After (nothing saved)' })
  register(@Param('id', ParseIdPipe) id: string, @CurrentUser() caller: Caller): Promise<RegistrationResult> {
    return this.registrations.register(id, caller);
  }

  @Get('me')
  @ApiOperation({ operationId: 'getMyRegistration', summary: "The caller's registration: status (null when never registered) and, when waitlisted, the current position" })
  @ApiOkResponse({ type: MyRegistrationView })
  mine(@Param('id', ParseIdPipe) id: string, @CurrentUser() caller: Caller): Promise<MyRegistrationView> {
    return this.registrations.mine(id, caller);
  }

  @Delete('me')
  @HttpCode(204)
  @ApiOperation({ operationId: 'cancelMyRegistration', summary: 'Cancel my registration; the first person in line moves up (workshop.promoted)' })
  @ApiNoContentResponse()
  async cancel(@Param('id', ParseIdPipe) id: string, @CurrentUser() caller: Caller): Promise<void> {
    await this.registrations.cancelMine(id, caller);
  }

  @Get()
  @Roles('admin', 'speaker')
  @ApiOperation({ operationId: 'listRegistrations', summary: 'Registrations, in the order people registered (admins and this workshop\'s speakers)' })
  @ApiOkResponse({ type: RegistrationPage })
  list(@Param('id', ParseIdPipe) id: string, @CurrentUser() caller: Caller, @Query() query: RegistrationQuery): Promise<RegistrationPage> {
    return this.registrations.list(id, caller, query);
  }
}
