import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { DomainError, type Caller } from '@pendamping/platform';
import { IdentityErrors } from '../identity.errors';
import type { AuthResult, RegisterDto } from '../users/user.dto';
import { UsersService } from '../users/users.service';
import { LoginThrottle } from './login-throttle.service';
import { PasswordService } from './password.service';
import { TokenVersions } from './token-versions.service';

/** What a valid access token stands for. */
export interface TokenSession {
  caller: Caller;
  /** The account's token version the token was issued at. */
  tokenVersion: number;
  expiresAt: Date;
}

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersService,
    private readonly passwords: PasswordService,
    private readonly throttle: LoginThrottle,
    private readonly jwt: JwtService,
    private readonly versions: TokenVersions,
  ) {}

  /** Self-registration always creates an entrepreneur; other roles are given by admins. */
  async register(dto: RegisterDto, ip: string): Promise<AuthResult> {
    await this.throttle.consumeRegistration(ip);
    const user = await this.users.create({ ...dto, roles: ['entrepreneur'] });
    return { user, accessToken: await this.issue({ id: user.id, roles: user.roles }, 0) };
  }

  async login(email: string, password: string, ip: string): Promise<AuthResult> {
    await this.throttle.consume(email, ip);
    const user = await this.users.findForLogin(email);
    const passwordMatches = await this.passwords.verify(user?.passwordHash, password);
    if (!user || !passwordMatches) throw new DomainError('INVALID_CREDENTIALS', 'Email or password is wrong');
    await this.throttle.succeeded(email, ip);
    // Said only to someone who knows the password: the refusal does not reveal which accounts exist.
    if (user.disabledAt) throw IdentityErrors.accountDisabled();
    const view = await this.users.view(user.id);
    // The version read with the row: a disable or password change committed meanwhile has already ended it.
    return { user: view, accessToken: await this.issue({ id: user.id, roles: user.roles }, user.tokenVersion) };
  }

  issue(caller: Caller, tokenVersion: number): Promise<string> {
    return this.jwt.signAsync({ sub: caller.id, roles: caller.roles, ver: tokenVersion });
  }

  /** Returns the caller a token stands for, or undefined when it is forged, malformed, expired or revoked. */
  async verify(token: string): Promise<Caller | undefined> {
    return (await this.authenticate(token))?.caller;
  }

  /** Like `verify`, with the token's version and expiry (a socket ends when its token does). */
  async authenticate(token: string): Promise<TokenSession | undefined> {
    const session = await this.decode(token);
    return session && (await this.isCurrent(session)) ? session : undefined;
  }

  /** Checks signature, expiry and shape only; `isCurrent` then asks whether the token was revoked. */
  async decode(token: string): Promise<TokenSession | undefined> {
    let payload: { sub?: unknown; roles?: unknown; ver?: unknown; exp?: unknown };
    try {
      payload = await this.jwt.verifyAsync(token);
    } catch {
      return undefined;
    }
    // Tokens issued before versions existed carry none: version 0, so they end at the first raise.
    const tokenVersion = payload.ver === undefined ? 0 : payload.ver;
    if (typeof payload.sub !== 'string' || !Array.isArray(payload.roles) || !Number.isInteger(tokenVersion) || typeof payload.exp !== 'number') {
      return undefined;
    }
    return { caller: { id: payload.sub, roles: payload.roles as Caller['roles'] }, tokenVersion: tokenVersion as number, expiresAt: new Date(payload.exp * 1000) };
  }

  /**
   * Whether the token's version is still the account's: a password change, a change of roles or a disabled
   * account raises it, so the roles a valid token carries are the account's current ones.
   */
  async isCurrent(session: TokenSession): Promise<boolean> {
    return (await this.versions.current(session.caller.id)) === session.tokenVersion;
  }
}
