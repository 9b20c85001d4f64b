import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { EVENT_STORE, type EventStore } from '@baytaq/event-store';
import { PublicRead } from '../auth/roles.decorator';
import { READ_MODELS, type ReadModelsHandle } from '../store/event-store.provider';
import { HealthDto } from './health.dto';

@ApiTags('operations')
@PublicRead()
@Controller('health')
export class HealthController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODELS) private readonly models: ReadModelsHandle,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Liveness and readiness: the process answers, the event store is reachable; how far the read models are',
  })
  @ApiOkResponse({ type: HealthDto, description: 'Ready' })
  @ApiServiceUnavailableResponse({ type: HealthDto, description: 'Alive, but the store does not answer' })
  async health(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthDto> {
    const started = process.hrtime.bigint();
    let store: HealthDto['checks']['store'];
    try {
      await this.store.ping();
      store = { status: 'up', latencyMs: Number(process.hrtime.bigint() - started) / 1e6 };
    } catch (error) {
      store = { status: 'down', error: error instanceof Error ? error.message : String(error) };
    }
    const ready = store.status === 'up';
    if (!ready) void reply.status(503);
    return { status: ready ? 'ok' : 'unavailable', live: true, ready, checks: { store, readModels: await this.lag() } };
  }

  /** Behind is not unready: reads still answer, and a client that must see its write passes minPosition. */
  private async lag(): Promise<HealthDto['checks']['readModels']> {
    const position = this.models.position();
    const head = await this.store.headPosition().catch(() => undefined);
    const behind = head !== undefined && (position === undefined || this.store.comparePositions(position, head) < 0);
    let eventsApplied = 0;
    try {
      eventsApplied = this.models.eventsApplied();
    } catch {
      // The embedded read models share the store's file: when it is closed, the store check says so.
    }
    return { status: behind ? 'behind' : 'up', position, head, eventsApplied };
  }
}
