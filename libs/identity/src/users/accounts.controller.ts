import { Body, Controller, Get, HttpCode, Param, Patch, Post, Put } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, ParseIdPipe, Roles, type Caller } from '@pendamping/platform';
import { AccountsService } from './accounts.service';
import { UpdateUserDto } from './profile.dto';
import { SetRolesDto, UserView } from './user.dto';
import { UsersService } from './users.service';

@ApiTags('identity')
@ApiBearerAuth()
@Roles('admin')
@Controller('users/:id')
export class AccountsController {
  constructor(
    private readonly accounts: AccountsService,
    private readonly users: UsersService,
  ) {}

  @Get()
  @ApiOperation({ operationId: 'getUser', summary: "One person's account and profile (admins)" })
  @ApiOkResponse({ type: UserView })
  @ApiNotFoundResponse({ description: 'NOT_FOUND' })
  one(@Param('id', ParseIdPipe) id: string): Promise<UserView> {
    return this.users.view(id);
  }

  @Patch()
  @ApiOperation({ operationId: 'updateUser', summary: "Correct a person's name, email, phone, organization, time zone, language or business; absent fields stay" })
  @ApiOkResponse({ type: UserView })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED (also: business for someone without one, an unknown kelurahan)' })
  @ApiNotFoundResponse({ description: 'NOT_FOUND' })
  @ApiConflictResponse({ description: 'EMAIL_TAKEN' })
  update(@CurrentUser() caller: Caller, @Param('id', ParseIdPipe) id: string, @Body() dto: UpdateUserDto): Promise<UserView> {
    return this.accounts.update(caller, id, dto);
  }

  @Post('disable')
  @HttpCode(200)
  @ApiOperation({ operationId: 'disableUser', summary: 'Disable an account: it cannot sign in (403 ACCOUNT_DISABLED) and its tokens and sockets end at once' })
  @ApiOkResponse({ type: UserView })
  @ApiNotFoundResponse({ description: 'NOT_FOUND' })
  @ApiConflictResponse({ description: 'NOT_YOURSELF: an admin cannot disable their own account' })
  disable(@CurrentUser() caller: Caller, @Param('id', ParseIdPipe) id: string): Promise<UserView> {
    return this.accounts.disable(caller, id);
  }

  @Post('enable')
  @HttpCode(200)
  @ApiOperation({ operationId: 'enableUser', summary: 'Enable a disabled account again; the person signs in anew' })
  @ApiOkResponse({ type: UserView })
  @ApiNotFoundResponse({ description: 'NOT_FOUND' })
  enable(@Param('id', ParseIdPipe) id: string): Promise<UserView> {
    return this.accounts.enable(id);
  }

  @Put('roles')
  @ApiOperation({ operationId: 'setUserRoles', summary: "Set a person's roles, and a mentor's kelurahan and topics (mentor given again replaces them); a change of roles ends their tokens and sockets at once" })
  @ApiOkResponse({ type: UserView })
  @ApiNotFoundResponse({ description: 'NOT_FOUND' })
  @ApiConflictResponse({ description: 'NOT_YOURSELF: an admin cannot remove their own admin role' })
  setRoles(@CurrentUser() caller: Caller, @Param('id', ParseIdPipe) id: string, @Body() dto: SetRolesDto): Promise<UserView> {
    return this.accounts.setRoles(caller, id, dto);
  }
}
