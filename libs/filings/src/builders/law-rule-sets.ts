import { addMonths, type LocalDate } from '@baytaq/domain';

/** The requirements of the Law "On Political Parties" in force from a day (DOMAIN.md, "Law, as verified"). */
export interface LawRuleSet {
  /** The first day the set applies; null for the set in force since before the registry's history. */
  readonly from: LocalDate | null;
  readonly partyMinimum: number;
  readonly regionMinimum: number;
  /** Citizens an initiative group founding a party needs. */
  readonly initiativeGroup: number;
  /** Months the party has, from its registration, to register its regional branches. */
  readonly branchDeadlineMonths: number;
  /** Which wording of the law: chooses the heading the filing cites. */
  readonly edition: 'before2022' | 'after2022';
}

/**
 * The dated rule sets: 20,000 members, 600 per region, an initiative group of 1,000 and six months
 * to register the branches; then 5,000, 200, 700 and a year from the day the 2022 amendment took
 * effect. That day was not verified in the law's text, so the caller passes it from configuration
 * (`REGISTRY_LAW_2022_EFFECTIVE`).
 */
export function lawRuleSets(amendment2022Effective: LocalDate): LawRuleSet[] {
  return [
    {
      from: null,
      partyMinimum: 20_000,
      regionMinimum: 600,
      initiativeGroup: 1_000,
      branchDeadlineMonths: 6,
      edition: 'before2022',
    },
    {
      from: amendment2022Effective,
      partyMinimum: 5_000,
      regionMinimum: 200,
      initiativeGroup: 700,
      branchDeadlineMonths: 12,
      edition: 'after2022',
    },
  ];
}

/** The set in force on `date`: the latest whose first day is on or before it. */
export function ruleSetOn(sets: readonly LawRuleSet[], date: LocalDate): LawRuleSet {
  let found: LawRuleSet | undefined;
  for (const set of sets) {
    if (set.from !== null && set.from > date) continue;
    if (!found || (set.from !== null && (found.from === null || set.from > found.from))) found = set;
  }
  if (!found) throw new Error(`no rule set of the law is in force on ${date}`);
  return found;
}

/** The last day to register the branches: `months` after the party's registration. */
export function branchDeadline(partyRegistered: LocalDate, months: number): LocalDate {
  return addMonths(partyRegistered, months);
}
