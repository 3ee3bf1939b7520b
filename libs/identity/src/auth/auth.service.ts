import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { DomainError, type Caller } from '@pendamping/platform';
import type { AuthResult, RegisterDto } from '../users/user.dto';
import { UsersService } from '../users/users.service';
import { LoginThrottle } from './login-throttle.service';
import { PasswordService } from './password.service';

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersService,
    private readonly passwords: PasswordService,
    private readonly throttle: LoginThrottle,
    private readonly jwt: JwtService,
  ) {}

  /** Self-registration always creates an entrepreneur; other roles are given by admins. */
  async register(dto: RegisterDto, ip: string): Promise<AuthResult> {
    await this.throttle.consumeRegistration(ip);
    const user = await this.users.create({ ...dto, roles: ['entrepreneur'] });
    return { user, accessToken: await this.issue({ id: user.id, roles: user.roles }) };
  }

  async login(email: string, password: string, ip: string): Promise<AuthResult> {
    await this.throttle.consume(email, ip);
    const user = await this.users.findForLogin(email);
    const passwordMatches = await this.passwords.verify(user?.passwordHash, password);
    if (!user || !passwordMatches) throw new DomainError('INVALID_CREDENTIALS', 'Email or password is wrong');
    await this.throttle.succeeded(email, ip);
    const view = await this.users.view(user.id);
    return { user: view, accessToken: await this.issue({ id: user.id, roles: user.roles }) };
  }

  issue(caller: Caller): Promise<string> {
    return this.jwt.signAsync({ sub: caller.id, roles: caller.roles });
  }

  /** Returns the caller a token stands for, or undefined when it is forged, malformed or expired. */
  async verify(token: string): Promise<Caller | undefined> {
    try {
      const payload = await this.jwt.verifyAsync<{ sub?: unknown; roles?: unknown }>(token);
      if (typeof payload.sub !== 'string' || !Array.isArray(payload.roles)) return undefined;
      return { id: payload.sub, roles: payload.roles as Caller['roles'] };
    } catch {
      return undefined;
    }
  }
}
