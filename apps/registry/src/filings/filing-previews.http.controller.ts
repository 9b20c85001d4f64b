import { Controller, Get, Inject, Query, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { type FilingKind } from '@baytaq/filings';
import { RequireRoles } from '../auth/roles.decorator';
import { RegistryClock } from '../clock/registry-clock';
import { AccessRecord } from '../disclosure/access-record';
import { type Query as QueryString } from '../reads/read-params';
import { resolveFilingRequest } from './filing-parameters';
import { filingFilename } from './filing-render';
import { ApiFilingPreview } from './filings.openapi';
import { FilingsService } from './filings.service';
import { sendFiling } from './send-filing';

/**
 * `GET /v1/filings/{kind}`: the document as it would be issued now, not recorded. Filings are the
 * compliance staff's work (API.md): every preview needs that role, though only the member list
 * holds personal data; the public reads answer the same questions without documents.
 */
@ApiTags('filings')
@Controller('v1/filings')
export class FilingPreviewsController {
  constructor(
    @Inject(FilingsService) private readonly filings: FilingsService,
    @Inject(RegistryClock) private readonly clock: RegistryClock,
    @Inject(AccessRecord) private readonly access: AccessRecord,
  ) {}

  @Get('structure')
  @RequireRoles('compliance')
  @ApiOperation({ summary: 'Preview: every branch with kind, region, registration, head (since when) and members' })
  @ApiFilingPreview()
  structure(@Query() query: QueryString, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    return this.preview('structure', query, request, reply);
  }

  @Get('leadership-changes')
  @RequireRoles('compliance')
  @ApiOperation({ summary: 'Preview: every change of head or officer from `from` to `to`, with its basis' })
  @ApiFilingPreview(
    ApiQuery({ name: 'from', required: true, description: 'YYYY-MM-DD, included' }),
    ApiQuery({ name: 'to', required: false, description: 'YYYY-MM-DD, included (default: asOf, then today)' }),
  )
  leadershipChanges(@Query() query: QueryString, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    return this.preview('leadership-changes', query, request, reply);
  }

  @Get('membership-compliance')
  @RequireRoles('compliance')
  @ApiOperation({ summary: 'Preview: members in the party and per region against the minimums of the law on asOf' })
  @ApiFilingPreview()
  membershipCompliance(@Query() query: QueryString, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    return this.preview('membership-compliance', query, request, reply);
  }

  @Get('member-list')
  @RequireRoles('compliance')
  @ApiOperation({
    summary: 'Preview: members of a branch and its sub-branches with IIN and card (compliance)',
    description: 'Personal data: each preview is in the access record (GET /v1/audit/access) before it is sent.',
  })
  @ApiFilingPreview(ApiQuery({ name: 'organisationId', required: true, description: 'The branch (UUID)' }))
  memberList(@Query() query: QueryString, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    return this.preview('member-list', query, request, reply);
  }

  private async preview(kind: FilingKind, query: QueryString, http: FastifyRequest, reply: FastifyReply) {
    const request = await resolveFilingRequest(kind, query, this.clock.today());
    const { rendered, subjects } = await this.filings.preview(request);
    if (subjects) this.access.disclosed(http, subjects);
    sendFiling(reply, rendered, `inline; filename="${filingFilename(request)}"`);
  }
}
