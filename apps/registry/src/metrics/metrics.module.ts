import { Global, Module } from '@nestjs/common';
import { HttpMetrics } from './http-metrics';
import { MetricsController } from './metrics.controller';
import { MetricsRegistry } from './metrics-registry';
import { StoreGauges } from './store-gauges';

/** Global: any module may inject MetricsRegistry to register a metric of its own. */
@Global()
@Module({
  controllers: [MetricsController],
  providers: [MetricsRegistry, HttpMetrics, StoreGauges],
  exports: [MetricsRegistry, HttpMetrics],
})
export class MetricsModule {}
