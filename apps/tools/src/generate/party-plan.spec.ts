import { parseKato, REGION_SPLIT_DATE, topLevelRegion } from '@baytaq/domain';
import { BRANCH_REGISTRATION_DEADLINE, FOUNDING_DAY, HISTORY_TODAY } from './history-calendar';
import { generatedPartyId, planParty } from './party-plan';
import { SyntheticIds } from './synthetic-ids';

describe('planParty', () => {
  const plan = planParty(7, new SyntheticIds(7));

  it('plans one party, 20 regional branches, about 200 city and district branches, and bodies', () => {
    expect(plan.party.established).toBe(FOUNDING_DAY);
    expect(plan.regions).toHaveLength(20);
    expect(plan.branches.length).toBeGreaterThanOrEqual(195);
    expect(plan.branches.length).toBeLessThanOrEqual(205);
    expect(plan.bodies.filter((b) => b.parent === plan.party).map((b) => b.bodyType)).toEqual([
      'political_council',
      'counting_commission',
    ]);
    expect(new Set(plan.all.map((o) => o.id)).size).toBe(plan.all.length);
    expect(plan.party.id).toBe(generatedPartyId(7));
  });

  it('founds every unit after the 2022 regions existed and after its parent, and before the end', () => {
    for (const org of plan.all) {
      expect(org.established >= REGION_SPLIT_DATE && org.established < HISTORY_TODAY).toBe(true);
      if (org.parent) expect(org.established >= org.parent.established).toBe(true);
      expect(org.elections[0]).toBe(org.established);
      if (org.renaming) expect(org.renaming.date > org.established && org.renaming.date < HISTORY_TODAY).toBe(true);
    }
    for (const region of plan.regions) {
      expect(region.registration!.date <= BRANCH_REGISTRATION_DEADLINE).toBe(true);
    }
  });

  it('gives each branch a distinct KATO code inside its region', () => {
    const codes = plan.branches.map((b) => b.kato!);
    expect(new Set(codes).size).toBe(codes.length);
    for (const branch of plan.branches) {
      expect(parseKato(branch.kato!).ok).toBe(true);
      expect(topLevelRegion(branch.kato!)?.kato).toBe(branch.parent!.kato);
    }
  });

  it('gives every unit a chair of one seat, and councils several seats', () => {
    for (const org of plan.all.filter((o) => o.kind !== 'body')) {
      expect(plan.posts.filter((p) => p.org === org && p.role === 'chair').map((p) => p.seats)).toEqual([1]);
    }
    const council = plan.posts.find((p) => p.org.bodyType === 'political_council' && p.org.parent === plan.party);
    expect(council?.seats).toBeGreaterThan(10);
  });

  it('is the same for the same seed', () => {
    const again = planParty(7, new SyntheticIds(7));
    expect(again.all.map((o) => [o.id, o.kato, o.established])).toEqual(
      plan.all.map((o) => [o.id, o.kato, o.established]),
    );
  });
});
