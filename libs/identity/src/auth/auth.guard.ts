import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError, forbidden, IS_PUBLIC, REQUIRED_ROLES, type Caller, type Role } from '@pendamping/platform';
import { AuthService } from './auth.service';

/**
 * Global: every HTTP route needs a valid bearer token unless marked @Public(), and the caller must
 * hold one of the @Roles() when a route names them.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    const request = context.switchToHttp().getRequest<{ headers: Record<string, string | undefined>; user?: Caller }>();
    const [scheme, token] = (request.headers.authorization ?? '').split(' ');
    const caller = scheme?.toLowerCase() === 'bearer' && token ? await this.auth.verify(token) : undefined;
    // A public route still learns who is asking when a valid token comes along (an admin sees drafts).
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) {
      if (caller) request.user = caller;
      return true;
    }
    if (!caller) throw new DomainError('UNAUTHORIZED', 'Sign in first: a valid, unexpired bearer token is required');
    request.user = caller;

    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, targets);
    if (roles && !roles.some((role) => caller.roles.includes(role))) {
      throw forbidden(`This needs one of these roles: ${roles.join(', ')}`);
    }
    return true;
  }
}
