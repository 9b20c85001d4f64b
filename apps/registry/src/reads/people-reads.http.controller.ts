import { personStream } from '@baytaq/domain';
import { Controller, Get, Inject, Param, ParseUUIDPipe, Query, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { type MembershipPeriod, type PersonRecord } from '@baytaq/read-models';
import { PublicRead, RequireRoles } from '../auth/roles.decorator';
import { AccessRecord } from '../disclosure/access-record';
import { clearanceOf, PersonView } from '../disclosure/clearance';
import { ApiPageQuery, ApiTemporalQuery, notFound, setEtag } from './read-access';
import { ReadGate } from './read-gate';
import {
  cursorOf,
  KEY_PART,
  pageAfter,
  type Query as QueryString,
  readKeyedPage,
  WHOLE_LIST_PAGE,
} from './read-params';

function membershipOn(periods: MembershipPeriod[], asOf: string) {
  const inForce = (from: string, to: string | null) => from <= asOf && (to === null || asOf < to);
  const current = periods.find((m) => inForce(m.from, m.to));
  if (!current) {
    return { status: periods.some((m) => m.from <= asOf) ? 'former_member' : 'not_member', organisationId: null };
  }
  const placement = current.placements.find((p) => inForce(p.from, p.to));
  const suspended = current.suspensions.some((s) => inForce(s.from, s.to));
  return {
    status: suspended ? 'suspended' : 'member',
    organisationId: placement?.organisationId ?? null,
    since: current.from,
    cardNumber: current.cardNumber,
  };
}

/**
 * People. Membership is personal data (a political opinion): without the compliance role a
 * caller (a registrar too) sees only officers, and of them only their names and tenures
 * (PersonView). An answer with personal fields is in the access record before it is sent.
 */
@ApiTags('reads: people')
@PublicRead()
@Controller('v1/people')
export class PeopleReadsController {
  constructor(
    @Inject(ReadGate) private readonly gate: ReadGate,
    @Inject(AccessRecord) private readonly access: AccessRecord,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Search by name, Cyrillic or Latin, insensitive to case and Kazakh letter variants',
    description:
      'Exact words first. Follow `next` for more: a page may hold fewer than `limit` people and still a `next` ' +
      '(a request walks a bounded part of the name index); `next` is null once every match has been returned',
  })
  @ApiQuery({ name: 'q', required: true })
  @ApiTemporalQuery()
  @ApiPageQuery(20)
  async search(@Query() query: QueryString, @Req() request: FastifyRequest) {
    const q = await this.gate.open(query, (r) => {
      const text = r.text('q');
      if (text === undefined || text.length > 200) r.fail('q', 'isLength', 'q must be a name of 1 to 200 characters');
      const { limit, after } = readKeyedPage(r, [KEY_PART.word, KEY_PART.id], 20);
      return { text: text ?? '', limit, after: after && { token: after[0]!, personId: after[1]! } };
    });
    const view = this.view(request, q.knownAt);
    const found = this.gate.reads.people.search(q.own.text, q.knownAt, q.own.limit, {
      officersOnly: !view.personal,
      after: q.own.after,
    });
    if (view.personal && found.items.length > 0)
      this.access.disclosed(
        request,
        found.items.map((p) => p.id),
      );
    return {
      q: q.own.text,
      knownAt: q.knownAt,
      items: found.items.map((p) => view.show(p)),
      next: found.next && cursorOf(found.next.token, found.next.personId),
    };
  }

  @Get(':id')
  @ApiOperation({ summary: 'The person; with the compliance role, personal data and membership status on asOf' })
  @ApiTemporalQuery()
  async one(
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: QueryString,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const q = await this.gate.open(query);
    const view = this.view(request, q.knownAt);
    const person = this.visible(id, q.knownAt, view);
    if (!view.personal) return view.show(person);
    // The revision to send in If-Match: a person read as known at an earlier moment has none.
    if (this.gate.isNow(q.knownAt)) setEtag(reply, await this.gate.streamRevision(personStream(id)));
    const membership = membershipOn(this.gate.reads.people.membership(id, q.knownAt), q.asOf);
    this.access.disclosed(request, [person.id]);
    return { ...person, asOf: q.asOf, knownAt: q.knownAt, membership };
  }

  @Get(':id/positions')
  @ApiOperation({ summary: 'Every tenure the person held, in any organisation' })
  @ApiTemporalQuery()
  @ApiPageQuery(WHOLE_LIST_PAGE)
  async positions(@Param('id', ParseUUIDPipe) id: string, @Query() query: QueryString, @Req() request: FastifyRequest) {
    const q = await this.gate.open(query, (r) => readKeyedPage(r, [KEY_PART.date, KEY_PART.id], WHOLE_LIST_PAGE));
    this.visible(id, q.knownAt, this.view(request, q.knownAt));
    const all = this.gate.reads.people.positions(id, q.knownAt);
    const { items, next } = pageAfter(
      all,
      q.own.limit,
      q.own.after?.join('\u0000'),
      (p) => `${p.from}\u0000${p.tenureId}`,
    );
    return { personId: id, knownAt: q.knownAt, positions: items, next };
  }

  @Get(':id/membership')
  @RequireRoles('compliance')
  @ApiOperation({ summary: 'The membership timeline: admissions, transfers, suspensions, ends (compliance or admin)' })
  @ApiTemporalQuery()
  async membership(
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: QueryString,
    @Req() request: FastifyRequest,
  ) {
    const q = await this.gate.open(query);
    const person = this.gate.reads.people.person(id, q.knownAt);
    if (!person) throw notFound('person', id);
    const memberships = this.gate.reads.people.membership(id, q.knownAt);
    this.access.disclosed(request, [person.id]);
    return { personId: id, knownAt: q.knownAt, memberships };
  }

  /** How the caller's key sees people as known then. */
  private view(request: FastifyRequest, knownAt: string): PersonView {
    return new PersonView(clearanceOf(request.principal), (id) => this.gate.reads.people.isOfficer(id, knownAt));
  }

  /** The person as known then; to a caller without the clearance, only an officer exists. */
  private visible(id: string, knownAt: string, view: PersonView): PersonRecord {
    const person = this.gate.reads.people.person(id, knownAt);
    if (!view.exists(person)) throw notFound('person', id);
    return person;
  }
}
