import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { ApiKeysService } from './api-keys.service';
import { forbidden, unauthenticated } from './auth.problems';
import { ACCESS_METADATA, type Access } from './roles.decorator';
import { hasAnyRole, type AuthPrincipal } from './roles';

const BEARER = /^Bearer +([^\s]{1,512}) *$/i;

/** The global guard: identifies the key, then applies the route's access rule (default: any valid key). */
@Injectable()
export class AuthGuard implements CanActivate {
  // Explicit tokens: the classes are then value imports, which the lint rule and DI both need.
  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(ApiKeysService) private readonly keys: ApiKeysService,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const access = this.reflector.getAllAndOverride<Access | undefined>(ACCESS_METADATA, [
      context.getHandler(),
      context.getClass(),
    ]) ?? { kind: 'authenticated' };
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const principal = this.identify(request.headers.authorization);
    if (principal) request.principal = principal;
    if (access.kind === 'public') return true;
    if (!principal) throw unauthenticated('this endpoint needs an API key: send Authorization: Bearer <key>');
    if (access.kind === 'roles' && !hasAnyRole(principal, access.roles)) throw forbidden(access.roles);
    return true;
  }

  private identify(header: string | undefined): AuthPrincipal | undefined {
    if (header === undefined) return undefined;
    const match = BEARER.exec(header);
    if (!match) throw unauthenticated('the Authorization header must be "Bearer <api key>"', 'invalid_request');
    const principal = this.keys.authenticate(match[1]!);
    if (!principal) throw unauthenticated('the API key is unknown or revoked', 'invalid_token');
    return principal;
  }
}
