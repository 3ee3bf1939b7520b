import { Body, Controller, Get, HttpCode, Ip, Patch, Post, Put, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import { CurrentUser, Roles, type Caller } from '@pendamping/platform';
import { ChangePasswordDto, PasswordChanged, UpdateMeDto } from './profile.dto';
import { ProfileService } from './profile.service';
import { CreateUserDto, UserView } from './user.dto';
import { UserDirectory, UserPage, UserSearchQuery } from './user-directory';
import { UsersService } from './users.service';

@ApiTags('identity')
@ApiBearerAuth()
@Controller()
export class UsersController {
  constructor(
    private readonly users: UsersService,
    private readonly profile: ProfileService,
    private readonly directory: UserDirectory,
  ) {}

  @Get('me')
  @ApiOperation({ operationId: 'getMe', summary: 'Who I am: roles, locale, zone, and my business or mentor profile' })
  @ApiOkResponse({ type: UserView })
  me(@CurrentUser() caller: Caller): Promise<UserView> {
    return this.users.view(caller.id);
  }

  @Patch('me')
  @ApiOperation({ operationId: 'updateMe', summary: 'Change my name, phone, time zone, language and (entrepreneurs) my business; absent fields stay' })
  @ApiOkResponse({ type: UserView })
  updateMe(@CurrentUser() caller: Caller, @Body() dto: UpdateMeDto): Promise<UserView> {
    return this.profile.update(caller.id, dto);
  }

  @Put('me/password')
  @HttpCode(200)
  @ApiOperation({ operationId: 'changePassword', summary: 'Change my password; every token issued before ends (all devices), this device gets a fresh one' })
  @ApiOkResponse({ type: PasswordChanged })
  @ApiForbiddenResponse({ description: 'WRONG_PASSWORD: currentPassword is not the password' })
  @ApiTooManyRequestsResponse({ description: 'RATE_LIMITED: too many wrong passwords (counted with failed sign-ins), with Retry-After' })
  async changePassword(@CurrentUser() caller: Caller, @Body() dto: ChangePasswordDto, @Ip() ip: string): Promise<PasswordChanged> {
    return { accessToken: await this.profile.changePassword(caller.id, dto, ip) };
  }

  @Get('users')
  @Roles('admin')
  @ApiOperation({ operationId: 'listUsers', summary: 'The people directory (admins): search by name, email, phone or business, role, business type and area; by name' })
  @ApiOkResponse({ type: UserPage })
  list(@Query() query: UserSearchQuery): Promise<UserPage> {
    return this.directory.search(query);
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
