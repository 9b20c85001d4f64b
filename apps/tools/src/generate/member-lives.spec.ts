import { ageOn } from '@baytaq/domain';
import { BranchDirectory } from './branch-directory';
import { FOUNDING_DAY, HISTORY_TODAY } from './history-calendar';
import { MemberLives } from './member-lives';
import { planParty } from './party-plan';
import { SyntheticIds } from './synthetic-ids';

describe('MemberLives', () => {
  const plan = planParty(5, new SyntheticIds(5));
  const lives = new MemberLives(5, 100, new BranchDirectory(plan), 18);
  const all = Array.from({ length: 4000 }, (_, i) => lives.life(100 + i));

  it('moves forward in time inside the history, admitting adults only, into units that exist', () => {
    for (const { person, steps } of all) {
      steps.forEach((step, i) => {
        expect(step.date >= FOUNDING_DAY && step.date < HISTORY_TODAY).toBe(true);
        if (i > 0) expect(step.date > steps[i - 1]!.date || step.type === 'end').toBe(true);
        if (step.type === 'admit') expect(ageOn(person.birthDate, step.date)).toBeGreaterThanOrEqual(18);
        if (step.type === 'admit' || step.type === 'transfer') expect(step.org.established <= step.date).toBe(true);
      });
      expect(steps[0]!.type).toBe('admit');
    }
    expect(all.some(({ person, steps }) => ageOn(person.birthDate, steps[0]!.date) === 18)).toBe(true);
  });

  it('has the rare cases in the first showcase members, and each kind of change across many', () => {
    expect(all[3]!.steps.some((s) => s.type === 'transfer' && s.retractedOn)).toBe(true);
    expect(all[5]!.steps.some((s) => s.type === 'suspend')).toBe(true);
    expect(all[7]!.steps.some((s) => s.type === 'end' && s.retractedOn)).toBe(true);
    const types = new Set(all.flatMap((l) => l.steps.map((s) => (s.type === 'end' ? `end:${s.reason}` : s.type))));
    expect([...types].sort()).toEqual(
      [
        'admit',
        'citizenship',
        'end:died',
        'end:expelled',
        'end:ineligible',
        'end:resigned',
        'reinstate',
        'rename',
        'suspend',
        'transfer',
      ].sort(),
    );
  });

  it('places most members in city and district branches, some in regional ones, early ones in the party', () => {
    const first = all.map((l) => l.steps[0]!.type === 'admit' && l.steps[0]!.org.kind);
    const share = (kind: string) => first.filter((k) => k === kind).length / first.length;
    expect(share('city_branch') + share('district_branch')).toBeGreaterThan(0.5);
    expect(share('regional_branch')).toBeGreaterThan(0.05);
    expect(share('party')).toBeGreaterThan(0.01);
  });

  it('is the same for the same seed and index', () => {
    expect(lives.life(123)).toEqual(all[23]);
  });
});
