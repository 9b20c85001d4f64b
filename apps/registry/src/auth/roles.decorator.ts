import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth } from '@nestjs/swagger';
import { ApiProblemResponses } from '../shared-dto/problem.dto';
import type { Role } from './roles';

export const ACCESS_METADATA = 'baytaq:access';

/** Who may call a route. Routes without a decorator are `authenticated` (secure by default). */
export type Access = { kind: 'public' } | { kind: 'authenticated' } | { kind: 'roles'; roles: Role[] };

const UNAUTHORIZED = [401, '`auth.unauthenticated`: no API key, or an unknown or revoked one'] as const;
const unauthorized = ApiProblemResponses([UNAUTHORIZED]);

/** Needs a key holding one of the roles (an admin key always passes). On a class or a method; the method wins. */
export function RequireRoles(...roles: [Role, ...Role[]]): ClassDecorator & MethodDecorator {
  return applyDecorators(
    SetMetadata(ACCESS_METADATA, { kind: 'roles', roles } satisfies Access),
    ApiBearerAuth('apiKey'),
    ApiProblemResponses([UNAUTHORIZED, [403, `\`auth.forbidden\`: needs ${roles.join(' or ')}`]]),
  );
}

/** Needs a valid key of any role. The default already; says so in the OpenAPI document and overrides a class-level @PublicRead. */
export function Authenticated(): ClassDecorator & MethodDecorator {
  return applyDecorators(
    SetMetadata(ACCESS_METADATA, { kind: 'authenticated' } satisfies Access),
    ApiBearerAuth('apiKey'),
    unauthorized,
  );
}

/**
 * No key needed. A key that is sent is still checked: a valid one sets the request's principal
 * (so a handler can show more to it), a bad one is 401.
 */
export function PublicRead(): ClassDecorator & MethodDecorator {
  return SetMetadata(ACCESS_METADATA, { kind: 'public' } satisfies Access);
}
