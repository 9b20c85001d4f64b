import { personStream } from '@baytaq/domain';
import { EVENT_STORE, type EventStore } from '@baytaq/event-store';
import { Controller, Get, Inject, Param, ParseUUIDPipe, Req } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { RequireRoles } from '../auth/roles.decorator';
import { notFound } from '../reads/read-access';
import { ReadGate } from '../reads/read-gate';
import { ApiProblemResponses } from '../shared-dto/problem.dto';
import { AccessRecord } from './access-record';
import { PersonExportDto } from './person-export.dto';

/**
 * `GET /v1/people/{id}/export`: everything the registry holds about a person, for their subject
 * access request. Their stream's events (decrypted, as the store reads them), every version of
 * their read-model rows (current and past), and the membership timeline and tenures as the reads
 * answer them now. The registry's bookkeeping (the IIN reservation is an HMAC; keys, idempotency
 * records) holds nothing that names them in the clear and is not part of it.
 */
@ApiTags('reads: people')
@RequireRoles('compliance')
@Controller('v1/people')
export class PersonExportController {
  constructor(
    @Inject(ReadGate) private readonly gate: ReadGate,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(AccessRecord) private readonly access: AccessRecord,
  ) {}

  @Get(':id/export')
  @ApiOperation({
    summary: "Everything the registry holds about a person, for a subject's access request (compliance or admin)",
    description:
      'Events of their stream, every stored version of their read-model rows, membership timeline and tenures. ' +
      'The read is recorded in the access record (GET /v1/audit/access) before it is answered.',
  })
  @ApiOkResponse({ type: PersonExportDto })
  @ApiProblemResponses([[404, '`person.not_found`: no person of this id is known']])
  async export(@Param('id', ParseUUIDPipe) raw: string, @Req() request: FastifyRequest): Promise<PersonExportDto> {
    const id = raw.toLowerCase();
    await this.gate.reachHead();
    const events = await this.store.readStream(personStream(id));
    if (events.length === 0) throw notFound('person', id);
    const knownAt = new Date().toISOString();
    const reads = this.gate.reads;
    const answer: PersonExportDto = {
      personId: id,
      exportedAt: knownAt,
      person: reads.people.person(id, knownAt),
      memberships: reads.people.membership(id, knownAt),
      positions: reads.people.positions(id, knownAt),
      events: events.map((e) => ({
        position: e.position,
        stream: e.stream,
        revision: e.revision,
        eventId: e.id,
        type: e.type,
        data: e.data,
        metadata: e.metadata,
        recordedAt: e.recordedAt,
      })),
      readModels: reads.personRecord.everyVersion(id),
    };
    this.access.disclosed(request, [id]);
    return answer;
  }
}
