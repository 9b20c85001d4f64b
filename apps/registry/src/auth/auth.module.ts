import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ApiKeysService } from './api-keys.service';
import { AuthGuard } from './auth.guard';
import { KeysController } from './keys.http.controller';

/** API keys and the global guard. Needs EVENT_STORE and REGISTRY_CONFIG from a global module. */
@Module({
  controllers: [KeysController],
  providers: [ApiKeysService, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [ApiKeysService],
})
export class AuthModule {}
