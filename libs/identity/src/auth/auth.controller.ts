import { Body, Controller, HttpCode, HttpStatus, Ip, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { Public } from '@pendamping/platform';
import { AuthResult, LoginDto, RegisterDto } from '../users/user.dto';
import { AuthService } from './auth.service';

@ApiTags('identity')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('register')
  @ApiOperation({ operationId: 'register', summary: 'Register as an entrepreneur (pelaku usaha) with your business' })
  @ApiCreatedResponse({ type: AuthResult })
  @ApiConflictResponse({ description: 'EMAIL_TAKEN' })
  @ApiTooManyRequestsResponse({ description: 'RATE_LIMITED (REGISTRATIONS_PER_IP_PER_HOUR), with Retry-After' })
  register(@Body() dto: RegisterDto, @Ip() ip: string): Promise<AuthResult> {
    return this.auth.register(dto, ip);
  }

  @Public()
  @Post('login')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ operationId: 'login', summary: 'Sign in; failed attempts are limited per email and per IP' })
  @ApiOkResponse({ type: AuthResult })
  @ApiUnauthorizedResponse({ description: 'INVALID_CREDENTIALS' })
  @ApiTooManyRequestsResponse({ description: 'RATE_LIMITED, with Retry-After' })
  login(@Body() dto: LoginDto, @Ip() ip: string): Promise<AuthResult> {
    return this.auth.login(dto.email, dto.password, ip);
  }
}
