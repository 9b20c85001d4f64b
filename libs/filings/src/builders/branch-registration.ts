import { daysBetween, type LocalDate, type MultilingualName, regionsOn } from '@baytaq/domain';
import { type FilingLang, type FilingRow, type FilingSection } from '../filing-document';
import { builderText } from './builder-phrases';
import { nameIn } from './filing-moment';
import { branchDeadline, type LawRuleSet } from './law-rule-sets';

/** A regional branch active on the filing's day, with the first day a justice body registered it, if by then. */
export interface RegionalBranch {
  readonly kato: string;
  readonly name: MultilingualName;
  readonly registered: LocalDate | null;
}

export interface BranchRegistrationData {
  /** The party's first registration by the filing's day; null when it is not registered yet. */
  readonly partyRegistered: LocalDate | null;
  readonly regionalBranches: readonly RegionalBranch[];
}

const COLUMNS = [
  { key: 'rowNumber', label: 'rowNumber' },
  { key: 'region', label: 'region' },
  { key: 'organisation', label: 'organisation' },
  { key: 'registrationDate', label: 'registrationDate' },
  { key: 'deadline', label: 'deadline' },
  { key: 'daysOverdue', label: 'daysOverdue' },
] as const;

type Key = (typeof COLUMNS)[number]['key'];

/**
 * Every region of the day whose branch was not registered by the deadline in force (DOMAIN.md,
 * "Law, as verified"): a region without a branch, a branch still not registered (days overdue up
 * to the filing's day), or one registered late (days overdue up to its registration). Before the
 * deadline nothing is overdue; before the party is registered no deadline runs.
 */
export function lateBranchRegistrations(
  asOf: LocalDate,
  lang: FilingLang,
  rules: LawRuleSet,
  data: BranchRegistrationData,
): FilingSection<Key> {
  if (data.partyRegistered === null) {
    return { heading: builderText('partyNotRegistered', lang, { date: asOf }), columns: COLUMNS, rows: [] };
  }
  const deadline = branchDeadline(data.partyRegistered, rules.branchDeadlineMonths);
  const rows: Array<FilingRow<Key>> = [];
  for (const region of regionsOn(asOf)) {
    const branch = data.regionalBranches.find((b) => b.kato === region.kato);
    // A registration after the day is not one the day knows of.
    const registered = branch?.registered != null && branch.registered <= asOf ? branch.registered : null;
    const until = registered ?? asOf;
    if (until <= deadline) continue;
    rows.push({
      rowNumber: rows.length + 1,
      region: nameIn(region.name, lang),
      organisation: branch ? nameIn(branch.name, lang) : null,
      registrationDate: registered,
      deadline,
      daysOverdue: daysBetween(deadline, until),
    });
  }
  const heading = builderText('lateBranches', lang, {
    months: rules.branchDeadlineMonths,
    registered: data.partyRegistered,
    deadline,
    count: rows.length,
  });
  return { heading, columns: COLUMNS, rows };
}
