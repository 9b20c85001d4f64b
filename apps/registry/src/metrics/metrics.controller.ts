import { Controller, Get, Header, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { EVENT_STORE, type EventStore } from '@baytaq/event-store';
import { PublicRead } from '../auth/roles.decorator';
import { READ_MODELS, type ReadModelsHandle } from '../store/event-store.provider';
import { HttpMetrics } from './http-metrics';

/** Prometheus metrics: requests, the store, how far the read models are, the process. */
@ApiTags('operations')
@PublicRead()
@Controller('metrics')
export class MetricsController {
  constructor(
    @Inject(HttpMetrics) private readonly http: HttpMetrics,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODELS) private readonly models: ReadModelsHandle,
  ) {}

  @Get()
  @Header('content-type', 'text/plain; version=0.0.4; charset=utf-8')
  @ApiOperation({ summary: 'Prometheus metrics' })
  @ApiOkResponse({ description: 'Prometheus text exposition format' })
  async metrics(): Promise<string> {
    let up = 1;
    let head: string | undefined;
    try {
      head = await this.store.headPosition();
    } catch {
      up = 0;
    }
    const position = this.models.position();
    const caughtUp =
      head === undefined || (position !== undefined && this.store.comparePositions(position, head) >= 0) ? 1 : 0;
    const memory = process.memoryUsage();
    const gauge = (name: string, help: string, value: number) => [
      `# HELP ${name} ${help}`,
      `# TYPE ${name} gauge`,
      `${name} ${value}`,
    ];
    return [
      ...this.http.render(),
      ...gauge('baytaq_event_store_up', 'Whether the event store answers.', up),
      ...gauge('baytaq_read_models_caught_up', 'Whether the read models have applied the whole log.', caughtUp),
      ...gauge(
        'baytaq_read_models_events_applied',
        'Events the read models have applied since built.',
        this.models.eventsApplied(),
      ),
      ...gauge('process_resident_memory_bytes', 'Resident set size.', memory.rss),
      ...gauge('nodejs_heap_used_bytes', 'V8 heap in use.', memory.heapUsed),
      ...gauge('process_uptime_seconds', 'Seconds since the process started.', Math.round(process.uptime())),
      '',
    ].join('\n');
  }
}
