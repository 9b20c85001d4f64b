import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Gauge, Registry } from 'prom-client';

/**
 * The service's one Prometheus registry, holding prom-client's default process metrics. A module that
 * counts something injects it and registers its metric on it:
 * `new Counter({ name: 'baytaq_…', help: '…', registers: [registry] })`. It is the application's own, not
 * prom-client's global registry, so that applications built side by side (tests) count apart.
 */
@Injectable()
export class MetricsRegistry extends Registry {
  constructor() {
    super();
    collectDefaultMetrics({ register: this });
    // Served before prom-client's defaults were (which name them nodejs_heap_size_used_bytes and
    // process_start_time_seconds): kept so that dashboards reading them go on working.
    new Gauge({
      name: 'nodejs_heap_used_bytes',
      help: 'V8 heap in use.',
      registers: [this],
      collect() {
        this.set(process.memoryUsage().heapUsed);
      },
    });
    new Gauge({
      name: 'process_uptime_seconds',
      help: 'Seconds since the process started.',
      registers: [this],
      collect() {
        this.set(Math.round(process.uptime()));
      },
    });
  }
}
