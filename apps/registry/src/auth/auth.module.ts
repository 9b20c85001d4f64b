import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AccessRefusals } from './access-refusals';
import { ApiKeysService } from './api-keys.service';
import { AuthFailureThrottle } from './auth-failure-throttle';
import { AuthGuard } from './auth.guard';
import { KeysController } from './keys.http.controller';

/**
 * API keys, the global guard and its throttle of failed authentications, and the count of
 * refusals. Needs EVENT_STORE and REGISTRY_CONFIG from a global module, and MetricsRegistry.
 */
@Module({
  controllers: [KeysController],
  providers: [ApiKeysService, AuthFailureThrottle, AccessRefusals, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [ApiKeysService, AccessRefusals],
})
export class AuthModule {}
