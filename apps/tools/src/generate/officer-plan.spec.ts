import { HISTORY_TODAY } from './history-calendar';
import type { SegmentPlan } from './plan-types';
import { planStory } from './story-plan';
import { SyntheticIds } from './synthetic-ids';

const officerPlan = (seed: number, cap: number) => {
  const { plan, segments, officers, meetings } = planStory(seed, new SyntheticIds(seed), cap);
  return { plan, segments, cadre: officers, meetings };
};

describe('officer churn and assignment', () => {
  const { plan, segments, cadre, meetings } = officerPlan(11, 5000);

  it('chains each seat without overlap, inside the post and before the end, with ends after starts', () => {
    const seats = new Map<string, SegmentPlan[]>();
    for (const s of segments) seats.set(`${s.post.id}/${s.seat}`, [...(seats.get(`${s.post.id}/${s.seat}`) ?? []), s]);
    for (const chain of seats.values()) {
      chain.forEach((s, i) => {
        expect(s.from >= s.post.created && s.from < HISTORY_TODAY).toBe(true);
        if (s.to) expect(s.to > s.from && s.to < HISTORY_TODAY).toBe(true);
        const next = chain[i + 1];
        if (next) expect(s.to !== undefined && s.to <= next.from).toBe(true);
      });
    }
  });

  it('has every kind of change: re-election, early ends, acting holders, vacancies, successors on the day', () => {
    const reasons = new Set(segments.map((s) => s.endReason));
    expect([...reasons]).toEqual(
      expect.arrayContaining(['term_expired', 'resigned', 'dismissed', 'membership_ended', 'other']),
    );
    expect(new Set(segments.map((s) => s.method))).toEqual(new Set(['elected', 'co_opted', 'acting', 'appointed']));
    expect(segments.some((s) => s.sameHolderAs)).toBe(true);
  });

  it('gives a person one post at a time, inside a membership planned around the posts', () => {
    for (const person of cadre) {
      const held = person.segments;
      expect(person.admitted <= held[0]!.from && person.admitted >= person.home.established).toBe(true);
      held.slice(1).forEach((s, i) => expect(held[i]!.to !== undefined && held[i]!.to! <= s.from).toBe(true));
      const last = held[held.length - 1]!;
      if (person.leaves) expect(last.to !== undefined && person.leaves.date >= last.to).toBe(true);
      if (person.suspension) {
        const within = held.find(
          (s) => s.from < person.suspension!.from && person.suspension!.to < (s.to ?? HISTORY_TODAY),
        );
        expect(within).toBeDefined();
      }
      if (person.transfer) expect(person.transfer.date > person.admitted).toBe(true);
    }
    expect(segments.every((s) => s.holder)).toBe(true);
  });

  it('leaves posts vacant rather than exceed the share of people who may hold them', () => {
    const small = officerPlan(11, 40);
    expect(small.cadre).toHaveLength(40);
    expect(small.segments.some((s) => !s.holder)).toBe(true);
    const chair = small.segments.find((s) => s.post.org === small.plan.party && s.post.role === 'chair');
    expect(chair?.holder).toBeDefined();
  });

  it('cites meetings held by existing organisations, numbered in date order', () => {
    for (const meeting of meetings) {
      expect(meeting.date >= meeting.org.established && meeting.date < HISTORY_TODAY).toBe(true);
      expect(meeting.quorum).toBeLessThanOrEqual(meeting.attendance);
      expect(meeting.agenda.length).toBeGreaterThan(0);
    }
    for (const org of plan.all) {
      const numbers = meetings
        .filter((m) => m.org === org && m.protocolNumber)
        .map((m) => Number(m.protocolNumber!.slice(1)));
      expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
      expect(new Set(numbers).size).toBe(numbers.length);
    }
  });
});
