import { Controller, Get, Global, Module } from '@nestjs/common';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { EVENT_STORE, MemoryEventStore } from '@baytaq/event-store';
import { REGISTRY_CONFIG } from '../config/registry-config';
import { ProblemDetailsFilter } from '../http/problem-details.filter';
import { MetricsRegistry } from '../metrics/metrics-registry';
import { ApiKeysService } from './api-keys.service';
import { AuthModule } from './auth.module';
import { Principal } from './principal.decorator';
import { Authenticated, PublicRead, RequireRoles } from './roles.decorator';
import type { AuthPrincipal } from './roles';

const ADMIN = 'bq_guard-test-synthetic-admin-key-00000';

@Controller('probe')
class ProbeController {
  @Get('default')
  byDefault(@Principal() p: AuthPrincipal | undefined) {
    return { principal: p ?? null };
  }

  @PublicRead()
  @Get('public')
  open(@Principal() p: AuthPrincipal | undefined) {
    return { principal: p ?? null };
  }

  @RequireRoles('compliance')
  @Get('compliance')
  compliance(@Principal() p: AuthPrincipal) {
    return { principal: p };
  }
}

@PublicRead()
@Controller('open')
class OpenController {
  @Get()
  index() {
    return { ok: true };
  }

  @Authenticated()
  @Get('private')
  closed() {
    return { ok: true };
  }
}

@Global()
@Module({
  providers: [
    { provide: EVENT_STORE, useValue: new MemoryEventStore() },
    { provide: REGISTRY_CONFIG, useValue: { adminKey: ADMIN, authFailureBurst: 100, authFailuresPerSecond: 1 } },
    MetricsRegistry,
  ],
  exports: [EVENT_STORE, REGISTRY_CONFIG, MetricsRegistry],
})
class StoreModule {}

describe('AuthGuard', () => {
  let app: NestFastifyApplication;
  const keys: Record<string, string> = {};

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [StoreModule, AuthModule],
      controllers: [ProbeController, OpenController],
    }).compile();
    app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter(), { logger: false });
    app.useGlobalFilters(new ProblemDetailsFilter());
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    const service = app.get(ApiKeysService);
    keys['registrar'] = (await service.issue('reg', ['registrar'], 'admin')).key;
    keys['compliance'] = (await service.issue('comp', ['compliance'], 'admin')).key;
  });
  afterAll(() => app.close());

  const get = (url: string, key?: string) =>
    app.inject({ method: 'GET', url, headers: key === undefined ? {} : { authorization: `Bearer ${key}` } });

  it('requires a key of any role where a route says nothing (secure by default)', async () => {
    const none = await get('/probe/default');
    expect(none.statusCode).toBe(401);
    expect(none.headers['www-authenticate']).toBe('Bearer realm="baytaq-registry"');
    expect(none.json()).toMatchObject({ status: 401, code: 'auth.unauthenticated' });
    const ok = await get('/probe/default', keys['registrar']);
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ principal: { name: 'reg', roles: ['registrar'] } });
  });

  it('lets anyone read a public route, tells it the roles of a valid key, and refuses a bad key', async () => {
    expect((await get('/probe/public')).json()).toEqual({ principal: null });
    expect((await get('/probe/public', keys['compliance'])).json()).toEqual({
      principal: { name: 'comp', roles: ['compliance'] },
    });
    const bad = await get('/probe/public', 'bq_not-a-key');
    expect(bad.statusCode).toBe(401);
    expect(bad.headers['www-authenticate']).toContain('error="invalid_token"');
    const malformed = await app.inject({ method: 'GET', url: '/probe/public', headers: { authorization: 'Basic x' } });
    expect(malformed.statusCode).toBe(401);
    expect(malformed.headers['www-authenticate']).toContain('error="invalid_request"');
  });

  it('answers 403 to a key without the role, and lets an admin through', async () => {
    const denied = await get('/probe/compliance', keys['registrar']);
    expect(denied.statusCode).toBe(403);
    expect(denied.headers['content-type']).toContain('application/problem+json');
    expect(denied.json()).toMatchObject({ code: 'auth.forbidden', requiredRoles: ['compliance'] });
    expect((await get('/probe/compliance', keys['compliance'])).statusCode).toBe(200);
    expect((await get('/probe/compliance', ADMIN)).json()).toEqual({ principal: { name: 'admin', roles: ['admin'] } });
  });

  it('lets a method rule override a class-level @PublicRead', async () => {
    expect((await get('/open')).statusCode).toBe(200);
    expect((await get('/open/private')).statusCode).toBe(401);
    expect((await get('/open/private', keys['registrar'])).statusCode).toBe(200);
  });

  it('accepts the scheme case-insensitively and a revoked key no more', async () => {
    const service = app.get(ApiKeysService);
    const { key } = await service.issue('short-lived', ['registrar'], 'admin');
    const lower = await app.inject({
      method: 'GET',
      url: '/probe/default',
      headers: { authorization: `bearer ${key}` },
    });
    expect(lower.statusCode).toBe(200);
    await service.revoke('short-lived', 'admin');
    expect((await get('/probe/default', key)).statusCode).toBe(401);
  });
});
