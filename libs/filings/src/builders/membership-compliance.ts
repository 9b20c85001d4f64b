import { regionsOn } from '@baytaq/domain';
import { type FilingDocument, type FilingRow, type FilingSection } from '../filing-document';
import { groupedNumber } from '../render/cell-text';
import { builderText } from './builder-phrases';
import { type FilingMoment, filingDocument, nameIn } from './filing-moment';
import { type BranchRegistrationData, lateBranchRegistrations } from './branch-registration';
import { type LawRuleSet, ruleSetOn } from './law-rule-sets';

export interface ComplianceData extends BranchRegistrationData {
  readonly ruleSets: readonly LawRuleSet[];
  /** Every member of the party on `asOf`, those placed in the party itself included. */
  readonly totalMembers: number;
  /** Members per top-level region of `asOf` by KATO code; a region left out has none. */
  readonly regionCounts: ReadonlyMap<string, number>;
}

const PARTY_COLUMNS = [
  { key: 'organisation', label: 'organisation' },
  { key: 'members', label: 'members' },
  { key: 'minimum', label: 'minimum' },
  { key: 'shortfall', label: 'shortfall' },
] as const;
const REGION_COLUMNS = [
  { key: 'rowNumber', label: 'rowNumber' },
  { key: 'region', label: 'region' },
  { key: 'members', label: 'members' },
  { key: 'minimum', label: 'minimum' },
  { key: 'shortfall', label: 'shortfall' },
] as const;
const BELOW_COLUMNS = [
  { key: 'rowNumber', label: 'rowNumber' },
  { key: 'region', label: 'region' },
  { key: 'shortfall', label: 'shortfall' },
] as const;

type RegionKey = (typeof REGION_COLUMNS)[number]['key'];

/**
 * The party's members and each region's against the minimums in force on `asOf`: the party as a
 * whole, then every top-level region of that day (17 before 2022-06-08, 20 from it; a region
 * without a branch has 0), then the regions below the minimum with their shortfall, then the
 * regions whose branch was not registered within the deadline in force.
 */
export function buildMembershipCompliance(moment: FilingMoment, data: ComplianceData): FilingDocument {
  const lang = moment.lang;
  const rules = ruleSetOn(data.ruleSets, moment.asOf);
  const regions = regionsOn(moment.asOf);
  const known = new Set(regions.map((r) => r.kato));
  const stray = [...data.regionCounts.keys()].find((kato) => !known.has(kato));
  if (stray !== undefined) throw new Error(`membership compliance: ${stray} is not a region on ${moment.asOf}`);

  const shortfall = (members: number, minimum: number) => Math.max(0, minimum - members);
  const regionRows: Array<FilingRow<RegionKey>> = regions.map((region, index) => {
    const members = data.regionCounts.get(region.kato) ?? 0;
    return {
      rowNumber: index + 1,
      region: nameIn(region.name, lang),
      members,
      minimum: rules.regionMinimum,
      shortfall: shortfall(members, rules.regionMinimum),
    };
  });
  const below = regionRows.filter((row) => (row.shortfall as number) > 0);
  const law = builderText(rules.edition === 'before2022' ? 'lawBefore2022' : 'lawAfter2022', lang);
  const sections: FilingSection[] = [
    {
      heading: builderText('partyMinimum', lang, {
        law,
        initiative: groupedNumber(rules.initiativeGroup, lang),
        party: groupedNumber(rules.partyMinimum, lang),
        region: groupedNumber(rules.regionMinimum, lang),
      }),
      columns: PARTY_COLUMNS,
      rows: [
        {
          organisation: nameIn(moment.partyName, lang),
          members: data.totalMembers,
          minimum: rules.partyMinimum,
          shortfall: shortfall(data.totalMembers, rules.partyMinimum),
        },
      ],
    },
    {
      heading: builderText('regions', lang, { count: regions.length }),
      columns: REGION_COLUMNS,
      rows: regionRows,
      summary: [{ label: 'members', value: regionRows.reduce((sum, row) => sum + (row.members as number), 0) }],
    },
    {
      heading: builderText('belowMinimum', lang, { count: below.length }),
      columns: BELOW_COLUMNS,
      rows: below.map((row, index) => ({ rowNumber: index + 1, region: row.region, shortfall: row.shortfall })),
    },
    lateBranchRegistrations(moment.asOf, lang, rules, data),
  ];
  return filingDocument('membership-compliance', moment, sections);
}
