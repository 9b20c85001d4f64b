import { Controller, Get, Inject, Param, ParseUUIDPipe, Query, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ORGANISATION_KINDS } from '@baytaq/domain';
import { type OrganisationSummary } from '@baytaq/read-models';
import { PublicRead, RequireRoles } from '../auth/roles.decorator';
import { AccessRecord } from '../disclosure/access-record';
import { ApiPageQuery, ApiTemporalQuery, notFound, setEtag } from './read-access';
import { ReadGate } from './read-gate';
import {
  encodeCursor,
  KEY_PART,
  pageAfter,
  type Query as QueryString,
  readKeyedPage,
  WHOLE_LIST_PAGE,
} from './read-params';

const STATUSES = ['active', 'dissolved'] as const;

@ApiTags('reads: structure')
@PublicRead()
@Controller('v1/organisations')
export class OrganisationReadsController {
  constructor(
    @Inject(ReadGate) private readonly gate: ReadGate,
    @Inject(AccessRecord) private readonly access: AccessRecord,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Every organisation founded by asOf, with its status on that day' })
  @ApiTemporalQuery()
  @ApiPageQuery()
  @ApiQuery({ name: 'kind', required: false, enum: ORGANISATION_KINDS })
  @ApiQuery({ name: 'parentId', required: false })
  @ApiQuery({ name: 'status', required: false, enum: STATUSES })
  async list(@Query() query: QueryString) {
    const q = await this.gate.open(query, (r) => ({
      kind: r.oneOf('kind', ORGANISATION_KINDS),
      parentId: r.text('parentId'),
      status: r.oneOf('status', STATUSES),
      page: readKeyedPage(r, [KEY_PART.id]),
    }));
    const { kind, parentId, status } = q.own;
    const keep = (o: OrganisationSummary) =>
      (!kind || o.kind === kind) && (!parentId || o.parentId === parentId) && (!status || o.status === status);
    const all = this.gate.reads.organisations.list(q).filter(keep);
    const sorted = all.sort((a, b) => (a.id < b.id ? -1 : 1));
    const { items, next } = pageAfter(sorted, q.own.page.limit, q.own.page.after?.[0], (o) => o.id);
    return { asOf: q.asOf, knownAt: q.knownAt, items, next };
  }

  @Get('tree')
  @ApiOperation({ summary: 'The whole structure as a nested tree, each node with its head and member count' })
  @ApiTemporalQuery()
  async tree(@Query() query: QueryString) {
    const q = await this.gate.open(query);
    return { asOf: q.asOf, knownAt: q.knownAt, roots: this.gate.reads.structure.tree(q) };
  }

  @Get(':id')
  @ApiOperation({ summary: 'One organisation: names, parent, children, registration, status, posts and holders' })
  @ApiTemporalQuery()
  async one(
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: QueryString,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const q = await this.gate.open(query);
    const detail = this.gate.reads.organisations.detail(id, q);
    if (!detail) throw notFound('organisation', id);
    setEtag(reply, this.gate.reads.history.organisationRevision(id, q.knownAt));
    return { asOf: q.asOf, knownAt: q.knownAt, ...detail };
  }

  @Get(':id/officers')
  @ApiOperation({ summary: 'Every post of the organisation with its holders on asOf' })
  @ApiTemporalQuery()
  async officers(@Param('id', ParseUUIDPipe) id: string, @Query() query: QueryString) {
    const q = await this.gate.open(query);
    const posts = this.gate.reads.organisations.officersIfKnown(id, q);
    if (!posts) throw notFound('organisation', id);
    return { organisationId: id, asOf: q.asOf, knownAt: q.knownAt, posts };
  }

  @Get(':id/members')
  @RequireRoles('compliance')
  @ApiOperation({
    summary: 'Members placed in the organisation on asOf (personal data: compliance or admin)',
    description:
      'A registrar key is refused (403): the whole list is personal data. Each read is in the access record.',
  })
  @ApiTemporalQuery()
  @ApiPageQuery()
  async members(@Param('id', ParseUUIDPipe) id: string, @Query() query: QueryString, @Req() request: FastifyRequest) {
    const q = await this.gate.open(query, (r) => readKeyedPage(r, [KEY_PART.id]));
    if (!this.gate.reads.organisations.exists(id, q.knownAt)) throw notFound('organisation', id);
    const { limit, after } = q.own;
    const items = this.gate.reads.people.members(id, q, after?.[0] ?? '', limit + 1);
    const more = items.length > limit;
    const shown = items.slice(0, limit);
    this.access.disclosed(
      request,
      shown.map((m) => m.personId),
    );
    return {
      organisationId: id,
      asOf: q.asOf,
      knownAt: q.knownAt,
      items: shown,
      next: more ? encodeCursor(shown[shown.length - 1]!.personId) : null,
    };
  }

  @Get(':id/history')
  @ApiOperation({ summary: "The organisation's events with effective date, recorded-at, actor and basis" })
  @ApiTemporalQuery()
  @ApiPageQuery(WHOLE_LIST_PAGE)
  async history(@Param('id', ParseUUIDPipe) id: string, @Query() query: QueryString) {
    const q = await this.gate.open(query, (r) => readKeyedPage(r, [KEY_PART.revision], WHOLE_LIST_PAGE));
    const history = this.gate.reads.history;
    if (history.organisationRevision(id, q.knownAt) === null) throw notFound('organisation', id);
    const { limit, after } = q.own;
    const entries = history.organisationHistory(id, q.knownAt, { after: Number(after?.[0] ?? -1), limit: limit + 1 });
    const shown = entries.slice(0, limit);
    const next = entries.length > limit ? encodeCursor(String(shown[shown.length - 1]!.revision)) : null;
    return { organisationId: id, knownAt: q.knownAt, entries: shown, next };
  }
}
