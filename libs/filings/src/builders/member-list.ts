import { fullName, type MultilingualName, type PersonName } from '@baytaq/domain';
import { type FilingColumn, type FilingDocument, type FilingRow } from '../filing-document';
import { builderText } from './builder-phrases';
import { type FilingMoment, filingDocument, nameIn } from './filing-moment';
import { compareKeys, nameSortKey } from './name-order';

export interface MemberListEntry {
  /** Orders two members of the same name and IIN; not printed. */
  readonly personId: string;
  readonly name: PersonName;
  readonly iin: string | null;
  /** The day the membership began (not the day of a later transfer). */
  readonly admissionDate: string;
  readonly cardNumber: string | null;
  /** The branch the member is placed in. */
  readonly organisation: MultilingualName;
}

export interface MemberListData {
  readonly organisation: MultilingualName;
  /** The list covers the organisation's sub-branches too: each row then names the member's branch. */
  readonly includesSubBranches: boolean;
  readonly members: readonly MemberListEntry[];
}

type MemberKey = 'rowNumber' | 'fullName' | 'iin' | 'admissionDate' | 'cardNumber' | 'organisation';

const COLUMNS: ReadonlyArray<FilingColumn<MemberKey>> = [
  { key: 'rowNumber', label: 'rowNumber' },
  { key: 'fullName', label: 'fullName' },
  { key: 'iin', label: 'iin' },
  { key: 'admissionDate', label: 'admissionDate' },
  { key: 'cardNumber', label: 'cardNumber' },
];

/** Members of one branch (or a region's branch and its sub-branches) on `asOf`, in alphabetical order. */
export function buildMemberList(moment: FilingMoment, data: MemberListData): FilingDocument {
  const lang = moment.lang;
  const keyed = data.members.map((member) => {
    const name = fullName(member.name);
    return { member, name, key: [nameSortKey(name), member.iin ?? '', member.personId].join('\u0000') };
  });
  keyed.sort((a, b) => compareKeys(a.key, b.key));
  const rows: FilingRow[] = keyed.map(({ member, name }, index) => ({
    rowNumber: index + 1,
    fullName: name,
    iin: member.iin,
    admissionDate: member.admissionDate,
    cardNumber: member.cardNumber,
    ...(data.includesSubBranches ? { organisation: nameIn(member.organisation, lang) } : {}),
  }));
  const organisation = nameIn(data.organisation, lang);
  const columns = data.includesSubBranches
    ? [...COLUMNS, { key: 'organisation' as const, label: 'organisation' as const }]
    : COLUMNS;
  const section = {
    heading: data.includesSubBranches ? builderText('withSubBranches', lang, { name: organisation }) : organisation,
    columns,
    rows,
    summary: [{ label: 'total' as const, value: rows.length }],
  };
  return filingDocument('member-list', moment, [section]);
}
