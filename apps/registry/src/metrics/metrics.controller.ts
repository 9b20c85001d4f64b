import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { PublicRead } from '../auth/roles.decorator';
import { MetricsRegistry } from './metrics-registry';

/** Prometheus metrics: requests, the store, how far the read models are, the process. */
@ApiTags('operations')
@PublicRead()
@Controller('metrics')
export class MetricsController {
  constructor(@Inject(MetricsRegistry) private readonly registry: MetricsRegistry) {}

  @Get()
  @ApiOperation({ summary: 'Prometheus metrics' })
  @ApiProduces('text/plain')
  @ApiOkResponse({ description: 'Prometheus text exposition format', schema: { type: 'string' } })
  metrics(@Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    void reply.header('content-type', this.registry.contentType);
    return this.registry.metrics();
  }
}
