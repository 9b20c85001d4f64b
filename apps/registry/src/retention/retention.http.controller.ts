import { Body, Controller, Get, HttpCode, Inject, Post, Query, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { RequireRoles } from '../auth/roles.decorator';
import { RegistryClock } from '../clock/registry-clock';
import { writeContextOf } from '../commands/write-request';
import { REGISTRY_CONFIG, type RegistryConfig } from '../config/registry-config';
import { AccessRecord } from '../disclosure/access-record';
import { type ErasureResult, PersonErasure } from '../erasure/erasure.handlers';
import { ApiPageQuery, ApiTemporalQuery } from '../reads/read-access';
import { ReadGate } from '../reads/read-gate';
import { encodeCursor, KEY_PART, type Query as QueryString, readKeyedPage } from '../reads/read-params';
import { ApiProblemResponses } from '../shared-dto/problem.dto';
import { WRITE_EXAMPLES } from '../shared-dto/write-examples';
import { yearsBefore } from './retention-period';
import { RETENTION_ERASURES_MAX, RetentionErasureRequest } from './retention.request.dto';

/**
 * The retention report (issue 13 item 4): former members whose last membership ended more than
 * REGISTRY_RETENTION_YEARS before the day asked about and who never held a post, for review; and
 * one request that erases them, each person with an erasure of their own.
 */
@ApiTags('personal data')
@Controller('v1/retention')
export class RetentionController {
  constructor(
    @Inject(ReadGate) private readonly gate: ReadGate,
    @Inject(AccessRecord) private readonly access: AccessRecord,
    @Inject(REGISTRY_CONFIG) private readonly config: RegistryConfig,
    @Inject(RegistryClock) private readonly clock: RegistryClock,
    private readonly bus: CommandBus,
  ) {}

  @Get('people')
  @RequireRoles('compliance')
  @ApiOperation({
    summary: 'Former members due for erasure under the retention period (compliance or admin)',
    description:
      'People not erased whose every membership ended on or before asOf minus REGISTRY_RETENTION_YEARS (default ' +
      '5) and who never held a post, by person id. Names are personal data: each page is in the access record.',
  })
  @ApiTemporalQuery()
  @ApiPageQuery()
  async people(@Query() query: QueryString, @Req() request: FastifyRequest) {
    const q = await this.gate.open(query, (r) => readKeyedPage(r, [KEY_PART.id]));
    const cutoff = yearsBefore(q.asOf, this.config.retentionYears);
    const { limit, after } = q.own;
    const items = this.gate.reads.retention.due({ cutoff, knownAt: q.knownAt }, after?.[0] ?? '', limit + 1);
    const shown = items.slice(0, limit);
    this.access.disclosed(
      request,
      shown.map((p) => p.personId),
    );
    return {
      asOf: q.asOf,
      knownAt: q.knownAt,
      retentionYears: this.config.retentionYears,
      endedOnOrBefore: cutoff,
      items: shown,
      next: items.length > limit ? encodeCursor(shown[shown.length - 1]!.personId) : null,
    };
  }

  @Post('erasures')
  @HttpCode(200)
  @RequireRoles('admin')
  @ApiOperation({
    summary: 'Erase the people the retention report lists (admin)',
    description:
      `Erases up to \`limit\` (at most ${RETENTION_ERASURES_MAX}) of the people GET /v1/retention/people lists for ` +
      'asOf, each with a PersonalDataErased of their own, as POST /v1/people/{id}/erasure does. Repeating it erases ' +
      'the next ones (those erased are no longer listed); `more` tells whether any are left.',
  })
  @ApiBody({
    type: RetentionErasureRequest,
    examples: { example: { summary: 'Example', value: { ...WRITE_EXAMPLES.erase, asOf: '2026-01-01', limit: 50 } } },
  })
  @ApiBearerAuth('apiKey')
  @ApiProblemResponses([
    [400, '`request.validation_failed`: a field is missing or malformed'],
    [401, '`auth.unauthenticated`: no valid API key'],
    [403, '`auth.forbidden`: an admin key is needed'],
    [413, '`request.too_large`: the body is over the limit'],
    [422, '`text.*`: the reason or legal basis is not acceptable text'],
  ])
  async erase(@Body() body: RetentionErasureRequest, @Req() request: FastifyRequest) {
    const today = this.clock.today();
    const asOf = body.asOf ?? today;
    await this.gate.reachHead();
    const cutoff = yearsBefore(asOf, this.config.retentionYears);
    const limit = body.limit ?? RETENTION_ERASURES_MAX;
    const due = this.gate.reads.retention.due({ cutoff, knownAt: new Date().toISOString() }, '', limit + 1);
    const write = writeContextOf(request, request.principal?.name ?? 'anonymous', today);
    const erased: Array<{ personId: string; erasedOn: string; position: string }> = [];
    for (const { personId } of due.slice(0, limit)) {
      const command = { type: 'ErasePersonalData' as const, reason: body.reason, legalBasis: body.legalBasis };
      const result: ErasureResult = await this.bus.execute(new PersonErasure(personId, command, write));
      erased.push({ personId, erasedOn: result.erased.on, position: result.position });
    }
    return { asOf, endedOnOrBefore: cutoff, erased, more: due.length > limit };
  }
}
