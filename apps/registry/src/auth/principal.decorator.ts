import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { AuthPrincipal } from './roles';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by AuthGuard when the request carried a valid API key. */
    principal?: AuthPrincipal;
  }
}

/**
 * The key the request authenticated with (`{ name, roles }`): put its name into event metadata
 * as `actor`. Undefined only on a @PublicRead route called without a key.
 */
export const Principal = createParamDecorator(
  (_data: unknown, context: ExecutionContext): AuthPrincipal | undefined =>
    context.switchToHttp().getRequest<{ principal?: AuthPrincipal }>().principal,
);
