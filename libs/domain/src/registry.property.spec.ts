import { contains } from './shared/interval';
import { addDays, type LocalDate } from './shared/local-date';
import { App, BRANCH, EPOCH, HORIZON, PEOPLE, setup, step } from '../../../test/support/random-registry-history';
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

describe('the registry rules hold on every day, whatever order entries arrive in', () => {
  it('for random histories with backdating, suspensions, terminations and retractions', () => {
    const totals: Record<string, number> = {};
    fc.assert(
      fc.property(setup, fc.array(step, { minLength: 20, maxLength: 60 }), (first, then) => {
        const app = new App();
        for (const s of [...first, ...then]) app.run(s);
        assertRules(app);
        for (const [k, v] of Object.entries({ ...app.accepted, ...app.refused })) totals[k] = (totals[k] ?? 0) + v;
      }),
      { numRuns: Number(process.env.DOMAIN_PROPERTY_RUNS ?? 200) },
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
    ]) {
      expect(totals[type] ?? 0).toBeGreaterThan(20);
    }
  });
});
