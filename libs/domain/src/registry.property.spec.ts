import { contains } from './shared/interval';
import { addDays, type LocalDate } from './shared/local-date';
import { App, BRANCH, EPOCH, HORIZON, PEOPLE, setup, step } from '../../../test/support/random-registry-history';
import { type Basis } from './shared/basis';
import fc from 'fast-check';

function* days(from: LocalDate, to: LocalDate = HORIZON): Generator<LocalDate> {
  for (let d = from; d < to; d = addDays(d, 1)) yield d;
}

function check(ok: boolean, message: string): void {
  if (!ok) throw new Error(message);
}

/** Brute force, day by day: no interval arithmetic shared with the code under test. */
function assertRules(app: App): void {
  const org = app.orgState();
  const tenures = Object.values(org.tenures);
  const people = Object.fromEntries(PEOPLE.map((id) => [id, app.personState(id)]));
  for (const id of PEOPLE) check(people[id]?.timelineError === null, `${id}: ${people[id]?.timelineError?.message}`);
  for (const d of days(EPOCH)) {
    const holding = tenures.filter((t) => contains(t.period, d));
    for (const p of Object.values(org.posts)) {
      const holders = holding.filter((t) => t.postId === p.id);
      if (p.seats !== null)
        check(holders.length <= p.seats, `${d}: post ${p.id} has ${holders.length} holders for ${p.seats} seats`);
      check(new Set(holders.map((t) => t.personId)).size === holders.length, `${d}: someone holds post ${p.id} twice`);
      if (holders.length > 0)
        check(
          contains(p.period, d) && org.lifetime !== null && contains(org.lifetime, d),
          `${d}: post ${p.id} held outside its lifetime`,
        );
    }
    for (const id of PEOPLE) {
      const memberships = people[id]?.memberships.filter((m) => contains(m.period, d)) ?? [];
      check(memberships.length <= 1, `${d}: ${id} has ${memberships.length} memberships`);
      const inBranch = memberships.some((m) =>
        m.placements.some((p) => p.organisationId === BRANCH && contains(p.period, d)),
      );
      if (inBranch)
        check(
          org.lifetime !== null && contains(org.lifetime, d),
          `${d}: ${id} is a member of a branch that does not exist`,
        );
      if (holding.some((t) => t.personId === id))
        check(memberships.length === 1, `${d}: ${id} holds a post but is not a member`);
    }
  }
}

/**
 * Every live decision that cites a meeting rests on one recorded and standing, held on or before
 * its day, quorate where the quorum is known, and (for the branch's own decisions) held by the
 * branch or the party: read from the raw events, not through the rules' code.
 */
function assertBases(app: App): void {
  const streams = [app.org, ...PEOPLE.map((id) => app.people[id] ?? [])] as Array<
    Array<{ eventId: string; event: { type: string; data: object } }>
  >;
  for (const envelopes of streams) {
    const retracted = new Set(
      envelopes.flatMap((e) =>
        e.event.type === 'EventRetracted' ? [(e.event.data as { eventId: string }).eventId] : [],
      ),
    );
    for (const { eventId, event } of envelopes) {
      const data = event.data as { basis?: Basis; effectiveDate: string };
      const meetingId = data.basis?.meetingId;
      if (retracted.has(eventId) || meetingId === undefined) continue;
      const meeting = app.meetings[meetingId] ?? [];
      const record = meeting[0]?.event;
      check(record?.type === 'MeetingRecorded', `${eventId} cites ${meetingId}, which is not recorded`);
      if (record?.type !== 'MeetingRecorded') continue;
      const gone = meeting.some((e) => e.event.type === 'EventRetracted');
      check(!gone, `${event.type} ${eventId} rests on ${meetingId}, whose record was retracted`);
      check(
        record.data.date <= data.effectiveDate,
        `${event.type} on ${data.effectiveDate} rests on a meeting of ${record.data.date}`,
      );
      const { quorum, attendance, organisationId } = record.data;
      check(quorum === undefined || attendance >= quorum, `${eventId} rests on an inquorate meeting ${meetingId}`);
      if (envelopes === (app.org as unknown))
        check(organisationId !== 'other-p', `${eventId} of the branch rests on another branch's meeting`);
    }
  }
}

describe('the registry rules hold on every day, whatever order entries arrive in', () => {
  it('for random histories with backdating, suspensions, terminations, retractions and meetings', () => {
    const totals: Record<string, number> = {};
    fc.assert(
      fc.property(setup, fc.array(step, { minLength: 20, maxLength: 60 }), (first, then) => {
        const app = new App();
        for (const s of [...first, ...then]) app.run(s);
        assertRules(app);
        assertBases(app);
        for (const [k, v] of Object.entries({ ...app.accepted, ...app.refused })) totals[k] = (totals[k] ?? 0) + v;
      }),
      {
        numRuns: Number(process.env.DOMAIN_PROPERTY_RUNS ?? 200),
        seed: Number(process.env.DOMAIN_PROPERTY_SEED ?? 20261207),
      },
    );
    // The property is only worth something if the generator gets past the rules often enough.
    for (const type of [
      'CreatePost',
      'StartTenure',
      'EndTenure',
      'AdmitMember',
      'TransferMember',
      'SuspendMembership',
      'TerminateMembership',
      'RetractEvent',
      'RecordMeeting',
      'citingAMeeting',
    ]) {
      check((totals[type] ?? 0) > 20, `only ${totals[type] ?? 0} ${type} accepted`);
    }
    // ...and the generator does cite meetings the rules refuse, for each reason.
    for (const code of ['meeting_after_decision', 'meeting_inquorate', 'meeting_not_competent', 'not_carried']) {
      const refusals = Object.entries(totals).filter(([k]) => k.endsWith(`:basis.${code}`));
      expect(refusals.reduce((sum, [, n]) => sum + n, 0)).toBeGreaterThan(2);
    }
    expect(totals['RetractMeeting:meeting.has_decisions'] ?? 0).toBeGreaterThan(2);
  });
});
