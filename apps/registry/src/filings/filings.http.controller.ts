import { isUUID } from 'class-validator';
import { Body, Controller, Get, Inject, Param, Post, Req, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { RequireRoles } from '../auth/roles.decorator';
import { RegistryClock } from '../clock/registry-clock';
import { newId } from '../commands/deterministic-id';
import { AccessRecord } from '../disclosure/access-record';
import { WriteAnswers } from '../commands/write-answers';
import { Write, type WriteCall } from '../commands/write-request';
import { ProblemError } from '../http/problem';
import { ApiProblemResponses } from '../shared-dto/problem.dto';
import { WriteResultDto } from '../shared-dto/write-result.dto';
import { FilingRecordDto, IssueFilingRequest } from './filing.dto';
import { isFilingKind, resolveFilingRequest } from './filing-parameters';
import { filingFilename, reprDigest } from './filing-render';
import { ApiIssueFiling } from './filings.openapi';
import { FilingsService, type IssuedFiling, requestOf } from './filings.service';
import { PendingChangesService } from './pending-changes.service';
import { sendFiling } from './send-filing';

/** Issued filings: the compliance desk's record of what was sent to the justice bodies. */
@ApiTags('filings')
@RequireRoles('compliance')
@Controller('v1/filings')
export class FilingsController {
  constructor(
    @Inject(FilingsService) private readonly filings: FilingsService,
    @Inject(PendingChangesService) private readonly pendingChanges: PendingChangesService,
    @Inject(RegistryClock) private readonly clock: RegistryClock,
    @Inject(AccessRecord) private readonly access: AccessRecord,
    @Inject(WriteAnswers) private readonly writes: WriteAnswers,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Issue a filing: records FilingIssued with its parameters (knownAt explicit) and SHA-256' })
  @ApiCreatedResponse({ type: WriteResultDto })
  @ApiIssueFiling()
  async issue(@Body() body: IssueFilingRequest, @Write() call: WriteCall) {
    return this.writes.answer(call, async (write) => {
      const { id, kind, ...parameters } = body;
      const filing = await resolveFilingRequest(kind, parameters, this.clock.today());
      // Lower case, as ids are read back from the path: an upper-case id would name another stream.
      return this.filings.issue(filing, newId(id?.toLowerCase(), write, 'filing'), write);
    });
  }

  @Get('pending')
  @ApiOperation({
    summary: 'Changes of structure and leadership recorded that no issued filing covers yet',
    description:
      'A structure filing (as of D, known at T) covers the structure changes recorded by T and effective by D; a ' +
      'leadership-changes filing (from F to D, known at T) the tenure starts and ends recorded by T and effective ' +
      'from F to D. A retracted entry is pending only when a filing reported it and none covers the retraction.',
  })
  async pending() {
    const { items, filings } = await this.pendingChanges.pending();
    const latest = (kind: string) =>
      filings.filter((f) => f.kind === kind).sort((a, b) => (a.issuedAt < b.issuedAt ? 1 : -1))[0] ?? null;
    const summary = (kind: string) => {
      const f = latest(kind);
      return f && { id: f.filingId, issuedAt: f.issuedAt, parameters: f.parameters };
    };
    return {
      lastFiled: { structure: summary('structure'), 'leadership-changes': summary('leadership-changes') },
      items,
    };
  }

  @Get(':id')
  @ApiOperation({ summary: "An issued filing's record: kind, parameters, format, language, hashes, actor" })
  @ApiOkResponse({ type: FilingRecordDto })
  async record(@Param('id') id: string, @Res({ passthrough: true }) reply: FastifyReply) {
    const filing = await this.issued(id);
    void reply.header('etag', `"${filing.revision}"`);
    const { revision: _revision, ...record } = filing;
    return { ...record, document: `/v1/filings/${filing.filingId}/document` };
  }

  @Get(':id/document')
  @ApiOperation({
    summary: 'The issued filing made again from its parameters, byte for byte; Repr-Digest gives the recorded hash',
  })
  @ApiProduces('application/json', 'text/csv', 'application/pdf')
  async document(@Param('id') id: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const filing = await this.issued(id);
    const { rendered, subjects } = await this.filings.regenerate(filing);
    if (rendered.sha256 !== filing.sha256) {
      // Not the client's doing: the registry can no longer make what it sent, and must not pretend to.
      throw ProblemError.of(500, 'filing.not_reproducible', `Filing ${id} no longer regenerates to its recorded hash`, {
        recorded: filing.sha256,
        regenerated: rendered.sha256,
      });
    }
    // A member list is personal data: in the access record before its bytes leave.
    if (subjects) this.access.disclosed(request, subjects);
    sendFiling(reply, rendered, `attachment; filename="${filingFilename(requestOf(filing), filing.filingId)}"`, {
      'repr-digest': reprDigest(filing.sha256),
      etag: `"${filing.revision}"`,
    });
  }

  @Get(':id/evidence')
  @ApiOperation({
    summary: "The filing's evidence: its log checkpoint and the inclusion proof of every event its rows rest on",
    description:
      "The checkpoint (a C2SP signed note) of the log as known at the filing's knownAt, and every event of the " +
      'organisations, people and meetings the filing names, as hashed, with its RFC 6962 audit path in that tree. ' +
      '`npm run verify:filing -- evidence.json --key <GET /v1/log/key>` checks it without the registry.',
  })
  @ApiOkResponse({ description: 'The evidence file (schema `baytaq.filing-evidence/1`)' })
  @ApiProblemResponses([[404, '`filing.not_found`; `filing.no_evidence`: issued before the log kept checkpoints']])
  async evidence(@Param('id') id: string) {
    const filing = await this.issued(id);
    const evidence = await this.filings.evidence(filing);
    if (evidence) return evidence;
    throw ProblemError.of(404, 'filing.no_evidence', `Filing ${id} was issued before the log kept checkpoints`, { id });
  }

  private async issued(id: string): Promise<IssuedFiling> {
    const filing = isUUID(id) ? await this.filings.record(id.toLowerCase()) : null;
    if (filing) return filing;
    const what = isFilingKind(id) ? 'is a kind of filing: preview it with GET' : 'is no issued filing';
    throw ProblemError.of(404, 'filing.not_found', `${id} ${what}`, { id });
  }
}
