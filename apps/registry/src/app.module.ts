import { Module, type DynamicModule } from '@nestjs/common';
import { AuthModule } from './auth/auth.module';
import { WritesModule } from './commands/writes.module';
import { REGISTRY_CONFIG, type RegistryConfig } from './config/registry-config';
import { HealthController } from './health/health.controller';
import { EventStoreLifecycle, eventStoreProvider } from './store/event-store.provider';

@Module({})
export class AppModule {
  static forConfig(config: RegistryConfig): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [AuthModule, WritesModule],
      controllers: [HealthController],
      providers: [{ provide: REGISTRY_CONFIG, useValue: config }, eventStoreProvider, EventStoreLifecycle],
      exports: [REGISTRY_CONFIG, eventStoreProvider],
    };
  }
}
