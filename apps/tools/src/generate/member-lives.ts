import { addDays, addYears, maxDate, type LocalDate, type MembershipEndReason } from '@baytaq/domain';
import type { BranchDirectory } from './branch-directory';
import { FOUNDING_DAY, HISTORY_TODAY } from './history-calendar';
import type { OrgPlan } from './plan-types';
import { SeededRandom } from './seeded-random';
import { syntheticSurname } from './synthetic-names';
import { syntheticPerson, type SyntheticPerson } from './synthetic-person';

/** A step of a member's life; `retractedOn`: entered in error and retracted that day. */
export type MemberStep = { date: LocalDate } & (
  | { type: 'admit'; org: OrgPlan }
  | { type: 'transfer'; org: OrgPlan; retractedOn?: LocalDate }
  | { type: 'suspend'; retractedOn?: LocalDate }
  | { type: 'reinstate' }
  | { type: 'end'; reason: MembershipEndReason; retractedOn?: LocalDate }
  | { type: 'rename'; surname: string }
  | { type: 'citizenship'; value: string }
);

export interface MemberLife {
  person: SyntheticPerson;
  steps: MemberStep[];
}

/** Members with a rare case for sure, by number among ordinary members modulo 1000; they join early to have room. */
const SHOWCASE: Record<number, 'mistaken transfer' | 'suspension' | 'mistaken end'> = {
  3: 'mistaken transfer',
  5: 'suspension',
  7: 'mistaken end',
};
const SHOWCASE_ADMITTED_BEFORE: LocalDate = '2024-01-01';
const CAMPAIGN = { from: '2023-01-15', to: '2023-03-19' }; // the Mazhilis election of 19 March 2023

/**
 * One ordinary member's whole life in the party, from the seed and their index alone: admitted
 * over the four years, mostly to a city or district branch; then perhaps transferred, suspended
 * and reinstated, renamed, gone (resigned, expelled, died, no longer a citizen) and back again.
 * A few entries are mistakes retracted days later. So that even a small party has each rare case,
 * a few showcase members (by their number among the ordinary members) join early and have it. Dates only move forward, so each step is decided after the ones before.
 */
export class MemberLives {
  constructor(
    private readonly seed: number,
    /** The index of the first ordinary member (officers come first). */
    private readonly firstIndex: number,
    private readonly branches: BranchDirectory,
    private readonly minAge: number,
  ) {}

  life(index: number): MemberLife {
    const rng = SeededRandom.for(this.seed, 'member', index);
    const showcase = SHOWCASE[(index - this.firstIndex) % 1000];
    const admitted = showcase ? rng.dateIn(FOUNDING_DAY, SHOWCASE_ADMITTED_BEFORE) : this.admissionDay(rng);
    const onBirthday = rng.chance(0.002);
    const age = onBirthday ? this.minAge : this.minAge + Math.floor(rng.next() ** 1.6 * 60);
    const person = syntheticPerson(rng, admitted, age);
    if (onBirthday) person.birthDate = addYears(admitted, -this.minAge);
    const region = this.branches.pickRegion(rng);
    let current = this.branches.placement(rng, region, admitted);
    const steps: MemberStep[] = [{ type: 'admit', date: admitted, org: current }];
    let day = admitted;
    const later = (least: number, most: number): LocalDate | null => {
      const date = addDays(day, rng.int(least, most));
      return date < HISTORY_TODAY ? date : null;
    };
    const transfer = (date: LocalDate | null, target: OrgPlan | undefined, retracted = false): void => {
      if (!date || !target) return;
      day = date;
      if (!retracted) current = target;
      steps.push({ type: 'transfer', date, org: target, ...(retracted ? { retractedOn: retraction(rng, date) } : {}) });
    };
    const elsewhere = (date: LocalDate | null) =>
      date ? this.branches.another(rng, region, date, current) : undefined;
    if (current.kind === 'party' && rng.chance(0.92)) {
      const date = addDays(maxDate(addDays(day, 1), this.branches.regionalFrom(region)), rng.int(0, 90));
      if (date < HISTORY_TODAY) transfer(date, this.branches.placement(rng, region, date));
    }
    if (rng.chance(0.05)) {
      const date = later(60, 900);
      transfer(date, elsewhere(date));
    }
    if (rng.chance(0.002) || showcase === 'mistaken transfer') {
      const date = later(20, 400);
      transfer(date, elsewhere(date), true);
    }
    let ended = false;
    const suspended = (rng.chance(0.02) || showcase === 'suspension') && later(30, 700);
    if (suspended && rng.chance(0.05)) {
      day = suspended;
      steps.push({ type: 'suspend', date: suspended, retractedOn: retraction(rng, suspended) });
    } else if (suspended) {
      day = suspended;
      steps.push({ type: 'suspend', date: suspended });
      const next = later(14, 200);
      ended = next !== null && !rng.chance(0.75);
      if (next) {
        day = next;
        steps.push(ended ? { type: 'end', date: next, reason: 'expelled' } : { type: 'reinstate', date: next });
      }
    }
    const renamed = person.sex === 'female' && rng.chance(0.012) && later(30, 900);
    if (renamed) {
      day = renamed;
      steps.push({ type: 'rename', date: renamed, surname: syntheticSurname(rng, 'female') });
    }
    const mistakenEnd = !ended && (rng.chance(0.001) || showcase === 'mistaken end') && later(30, 600);
    if (mistakenEnd) {
      day = mistakenEnd;
      steps.push({ type: 'end', date: mistakenEnd, reason: 'resigned', retractedOn: retraction(rng, mistakenEnd) });
    }
    if (!ended) this.ending(rng, steps, later, region);
    return { person, steps };
  }

  /** Most stay; some resign (and a few come back), are expelled, die or lose their citizenship. */
  private ending(
    rng: SeededRandom,
    steps: MemberStep[],
    later: (a: number, b: number) => LocalDate | null,
    region: number,
  ): void {
    const roll = rng.next();
    const reason: MembershipEndReason | null =
      roll < 0.06 ? 'resigned' : roll < 0.07 ? 'expelled' : roll < 0.082 ? 'died' : roll < 0.085 ? 'ineligible' : null;
    const date = reason && later(60, 1200);
    if (!reason || !date) return;
    if (reason === 'ineligible') steps.push({ type: 'citizenship', date, value: rng.pick(['RU', 'DE', 'KG']) });
    steps.push({ type: 'end', date, reason });
    const back = reason === 'resigned' && rng.chance(0.15) && addDays(date, rng.int(90, 700));
    if (back && back < HISTORY_TODAY)
      steps.push({ type: 'admit', date: back, org: this.branches.placement(rng, region, back) });
  }

  /** Founding drive, the 2023 election campaign, and a steady trickle over the four years. */
  private admissionDay(rng: SeededRandom): LocalDate {
    const roll = rng.next();
    if (roll < 0.12) return rng.dateIn(FOUNDING_DAY, addDays(FOUNDING_DAY, 70));
    if (roll < 0.27) return rng.dateIn(CAMPAIGN.from, CAMPAIGN.to);
    return rng.dateIn(FOUNDING_DAY, HISTORY_TODAY);
  }
}

/** Noticed days later, never after the history's today. */
function retraction(rng: SeededRandom, date: LocalDate): LocalDate {
  const noticed = addDays(date, rng.int(2, 20));
  return noticed < HISTORY_TODAY ? noticed : HISTORY_TODAY;
}
