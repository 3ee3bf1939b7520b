import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type Caller } from '@pendamping/platform';
import { CreateUserDto, UserView } from './user.dto';
import { UsersService } from './users.service';

@ApiTags('identity')
@ApiBearerAuth()
@Controller()
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get('me')
  @ApiOperation({ operationId: 'getMe', summary: 'Who I am: roles, locale, zone, and my business or mentor profile' })
  @ApiOkResponse({ type: UserView })
  me(@CurrentUser() caller: Caller): Promise<UserView> {
    return this.users.view(caller.id);
  }

  @Post('users')
  @Roles('admin')
  @ApiOperation({ operationId: 'createUser', summary: 'Create a mentor, speaker, admin or entrepreneur account' })
  @ApiCreatedResponse({ type: UserView })
  @ApiConflictResponse({ description: 'EMAIL_TAKEN' })
  create(@Body() dto: CreateUserDto): Promise<UserView> {
    return this.users.create(dto);
  }
}
