import { Controller, Get, Inject, Param, ParseUUIDPipe, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ORGANISATION_KINDS } from '@baytaq/domain';
import { type OrganisationSummary } from '@baytaq/read-models';
import { PublicRead, RequireRoles } from '../auth/roles.decorator';
import { ApiPageQuery, ApiTemporalQuery, notFound, setEtag } from './read-access';
import { ReadGate } from './read-gate';
import { encodeCursor, type Query as QueryString, readPage } from './read-params';

const STATUSES = ['active', 'dissolved'] as const;

function page<T>(items: T[], limit: number, cursor: string | undefined, keyOf: (item: T) => string) {
  const start = cursor === undefined ? 0 : items.findIndex((item) => keyOf(item) > cursor);
  const slice = start < 0 ? [] : items.slice(start, start + limit);
  const more = start >= 0 && start + limit < items.length;
  return { items: slice, next: more ? encodeCursor(keyOf(slice[slice.length - 1]!)) : null };
}

@ApiTags('reads: structure')
@PublicRead()
@Controller('v1/organisations')
export class OrganisationReadsController {
  constructor(@Inject(ReadGate) private readonly gate: ReadGate) {}

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
      page: readPage(r),
    }));
    const { kind, parentId, status } = q.own;
    const keep = (o: OrganisationSummary) =>
      (!kind || o.kind === kind) && (!parentId || o.parentId === parentId) && (!status || o.status === status);
    const all = this.gate.reads.organisations.list(q).filter(keep);
    const sorted = all.sort((a, b) => (a.id < b.id ? -1 : 1));
    const { items, next } = page(sorted, q.own.page.limit, q.own.page.cursor, (o) => o.id);
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
  @ApiOperation({ summary: 'Members placed in the organisation on asOf (personal data: compliance or admin)' })
  @ApiTemporalQuery()
  @ApiPageQuery()
  async members(@Param('id', ParseUUIDPipe) id: string, @Query() query: QueryString) {
    const q = await this.gate.open(query, (r) => readPage(r));
    if (!this.gate.reads.organisations.exists(id, q.knownAt)) throw notFound('organisation', id);
    const { limit, cursor } = q.own;
    const items = this.gate.reads.people.members(id, q, cursor ?? '', limit + 1);
    const more = items.length > limit;
    const shown = items.slice(0, limit);
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
  async history(@Param('id', ParseUUIDPipe) id: string, @Query() query: QueryString) {
    const q = await this.gate.open(query);
    const entries = this.gate.reads.history.organisationHistory(id, q.knownAt);
    if (entries.length === 0) throw notFound('organisation', id);
    return { organisationId: id, knownAt: q.knownAt, entries };
  }
}
