import { personStream } from '@baytaq/domain';
import { Controller, Get, Inject, Param, ParseUUIDPipe, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { type MembershipPeriod, type PersonRecord } from '@baytaq/read-models';
import { Principal } from '../auth/principal.decorator';
import { PublicRead, RequireRoles } from '../auth/roles.decorator';
import { type AuthPrincipal } from '../auth/roles';
import { ApiPageQuery, ApiTemporalQuery, notFound, seesPersonalData, setEtag } from './read-access';
import { ReadGate } from './read-gate';
import {
  cursorOf,
  KEY_PART,
  pageAfter,
  type Query as QueryString,
  readKeyedPage,
  WHOLE_LIST_PAGE,
} from './read-params';

/** What anyone may see of an officer: the name. The rest is personal data. */
function publicView(p: PersonRecord) {
  return { id: p.id, name: p.name, latinName: p.latinName };
}

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
 * caller sees only officers, and of them only their names and tenures.
 */
@ApiTags('reads: people')
@PublicRead()
@Controller('v1/people')
export class PeopleReadsController {
  constructor(@Inject(ReadGate) private readonly gate: ReadGate) {}

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
  async search(@Query() query: QueryString, @Principal() principal: AuthPrincipal | undefined) {
    const q = await this.gate.open(query, (r) => {
      const text = r.text('q');
      if (text === undefined || text.length > 200) r.fail('q', 'isLength', 'q must be a name of 1 to 200 characters');
      const { limit, after } = readKeyedPage(r, [KEY_PART.word, KEY_PART.id], 20);
      return { text: text ?? '', limit, after: after && { token: after[0]!, personId: after[1]! } };
    });
    const personal = seesPersonalData(principal);
    const found = this.gate.reads.people.search(q.own.text, q.knownAt, q.own.limit, {
      officersOnly: !personal,
      after: q.own.after,
    });
    return {
      q: q.own.text,
      knownAt: q.knownAt,
      items: found.items.map((p) => (personal ? p : publicView(p))),
      next: found.next && cursorOf(found.next.token, found.next.personId),
    };
  }

  @Get(':id')
  @ApiOperation({ summary: 'The person; with the compliance role, personal data and membership status on asOf' })
  @ApiTemporalQuery()
  async one(
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: QueryString,
    @Principal() principal: AuthPrincipal | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const q = await this.gate.open(query);
    const person = this.visible(id, q.knownAt, principal);
    if (!seesPersonalData(principal)) return publicView(person);
    // The revision to send in If-Match: a person read as known at an earlier moment has none.
    if (this.gate.isNow(q.knownAt)) setEtag(reply, await this.gate.streamRevision(personStream(id)));
    const membership = membershipOn(this.gate.reads.people.membership(id, q.knownAt), q.asOf);
    return { ...person, asOf: q.asOf, knownAt: q.knownAt, membership };
  }

  @Get(':id/positions')
  @ApiOperation({ summary: 'Every tenure the person held, in any organisation' })
  @ApiTemporalQuery()
  @ApiPageQuery(WHOLE_LIST_PAGE)
  async positions(
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: QueryString,
    @Principal() principal: AuthPrincipal | undefined,
  ) {
    const q = await this.gate.open(query, (r) => readKeyedPage(r, [KEY_PART.date, KEY_PART.id], WHOLE_LIST_PAGE));
    this.visible(id, q.knownAt, principal);
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
  async membership(@Param('id', ParseUUIDPipe) id: string, @Query() query: QueryString) {
    const q = await this.gate.open(query);
    if (!this.gate.reads.people.person(id, q.knownAt)) throw notFound('person', id);
    return { personId: id, knownAt: q.knownAt, memberships: this.gate.reads.people.membership(id, q.knownAt) };
  }

  /** The person as known then; to a caller without the role, only an officer exists. */
  private visible(id: string, knownAt: string, principal: AuthPrincipal | undefined): PersonRecord {
    const people = this.gate.reads.people;
    const person = people.person(id, knownAt);
    if (!person || (!seesPersonalData(principal) && !people.isOfficer(id, knownAt))) throw notFound('person', id);
    return person;
  }
}
