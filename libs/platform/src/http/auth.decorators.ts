import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';

export const ROLES = ['entrepreneur', 'mentor', 'speaker', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Who is asking, as established by the authentication guard from the access token. */
export interface Caller {
  id: string;
  roles: Role[];
}

export const REQUIRED_ROLES = 'pendamping:roles';

/** Any one of these roles may call the route. */
export const Roles = (...roles: Role[]) => SetMetadata(REQUIRED_ROLES, roles);

export const CurrentUser = createParamDecorator((_data: unknown, context: ExecutionContext): Caller => {
  return context.switchToHttp().getRequest<{ user: Caller }>().user;
});
