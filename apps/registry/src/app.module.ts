import { Module, type DynamicModule } from '@nestjs/common';
import { EVENT_STORE } from '@baytaq/event-store';
import { AuthModule } from './auth/auth.module';
import { RegistryClock } from './clock/registry-clock';
import { WritesModule } from './commands/writes.module';
import { REGISTRY_CONFIG, type RegistryConfig } from './config/registry-config';
import { DisclosureModule } from './disclosure/disclosure.module';
import { ErasureModule } from './erasure/erasure.module';
import { RetentionModule } from './retention/retention.module';
import { EventsModule } from './events/events.module';
import { ExportModule } from './export/export.module';
import { FilingsModule } from './filings/filings.module';
import { HealthController } from './health/health.controller';
import { ImportsModule } from './imports/imports.module';
import { IntegrityModule } from './integrity/integrity.module';
import { MetricsModule } from './metrics/metrics.module';
import { PERSON_KEYS } from './personal-data/person-keys';
import { ReadsModule } from './reads/reads.module';
import { EventStoreLifecycle, READ_MODELS, storageProviders } from './store/event-store.provider';

@Module({})
export class AppModule {
  static forConfig(config: RegistryConfig): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [
        AuthModule,
        WritesModule,
        ErasureModule,
        RetentionModule,
        EventsModule,
        ReadsModule,
        MetricsModule,
        ExportModule,
        ImportsModule,
        IntegrityModule,
        FilingsModule,
        DisclosureModule,
      ],
      controllers: [HealthController],
      providers: [
        { provide: REGISTRY_CONFIG, useValue: config },
        RegistryClock,
        ...storageProviders,
        EventStoreLifecycle,
      ],
      exports: [REGISTRY_CONFIG, RegistryClock, EVENT_STORE, READ_MODELS, PERSON_KEYS],
    };
  }
}
