import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { EVENT_STORE, type EventStore } from '@baytaq/event-store';
import { PublicRead } from '../auth/roles.decorator';
import { HealthDto } from './health.dto';

@ApiTags('operations')
@PublicRead()
@Controller('health')
export class HealthController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  @Get()
  @ApiOperation({ summary: 'Liveness and readiness: the process answers and the event store is reachable' })
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
    return { status: ready ? 'ok' : 'unavailable', live: true, ready, checks: { store } };
  }
}
