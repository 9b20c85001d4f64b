import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { AccessRefusals, type RefusalReason } from './access-refusals';
import { ApiKeysService } from './api-keys.service';
import { forbidden, tooManyFailures, unauthenticated } from './auth.problems';
import { AuthFailureThrottle } from './auth-failure-throttle';
import { ACCESS_METADATA, type Access } from './roles.decorator';
import { hasAnyRole, type AuthPrincipal } from './roles';

const BEARER = /^Bearer +([^\s]{1,512}) *$/i;

/** The key of an `Authorization: Bearer <key>` header; undefined when it is absent or of another form. */
export function bearerToken(header: string | undefined): string | undefined {
  return header === undefined ? undefined : BEARER.exec(header)?.[1];
}

/**
 * The global guard: identifies the key, then applies the route's access rule (default: any
 * valid key). A credential that fails counts against the address's throttle; a valid key never
 * does, and is never slowed by it.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  // Explicit tokens: the classes are then value imports, which the lint rule and DI both need.
  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(ApiKeysService) private readonly keys: ApiKeysService,
    @Inject(AuthFailureThrottle) private readonly throttle: AuthFailureThrottle,
    @Inject(AccessRefusals) private readonly refusals: AccessRefusals,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const access = this.reflector.getAllAndOverride<Access | undefined>(ACCESS_METADATA, [
      context.getHandler(),
      context.getClass(),
    ]) ?? { kind: 'authenticated' };
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const principal = this.identify(request);
    if (principal) request.principal = principal;
    if (access.kind === 'public') return true;
    if (!principal) {
      this.refusals.count('missing_key');
      throw unauthenticated('this endpoint needs an API key: send Authorization: Bearer <key>');
    }
    if (access.kind === 'roles' && !hasAnyRole(principal, access.roles)) {
      this.refusals.count('role');
      throw forbidden(access.roles);
    }
    return true;
  }

  private identify(request: FastifyRequest): AuthPrincipal | undefined {
    const header = request.headers.authorization;
    if (header === undefined) return undefined;
    const token = bearerToken(header);
    if (token === undefined) {
      const error = unauthenticated('the Authorization header must be "Bearer <api key>"', 'invalid_request');
      return this.failed(request, 'malformed_credentials', error);
    }
    const outcome = this.keys.identify(token);
    if ('principal' in outcome) return outcome.principal;
    const reason = outcome.refused === 'revoked' ? 'revoked_key' : 'unknown_key';
    return this.failed(request, reason, unauthenticated('the API key is unknown or revoked', 'invalid_token'));
  }

  private failed(request: FastifyRequest, reason: RefusalReason, error: Error): never {
    const wait = this.throttle.fail(request.ip);
    if (wait !== undefined) {
      this.refusals.count('throttled');
      throw tooManyFailures(wait);
    }
    this.refusals.count(reason);
    throw error;
  }
}
