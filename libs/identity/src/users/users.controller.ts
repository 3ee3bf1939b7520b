import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type Caller } from '@pendamping/platform';
import { CreateUserDto, UserView } from './user.dto';
import { UsersService } from './users.service';

@ApiTags('identity')
@ApiBearerAuth()
@Controller()
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get('me')
  @ApiOperation({ summary: 'Who I am: roles, locale, zone, and my business or mentor profile' })
  me(@CurrentUser() caller: Caller): Promise<UserView> {
    return this.users.view(caller.id);
  }

  @Post('users')
  @Roles('admin')
  @ApiOperation({ summary: 'Create a mentor, speaker, admin or entrepreneur account' })
  @ApiConflictResponse({ description: 'EMAIL_TAKEN' })
  create(@Body() dto: CreateUserDto): Promise<UserView> {
    return this.users.create(dto);
  }
}
