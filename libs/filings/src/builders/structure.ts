import { type MultilingualName, type PersonName, topLevelRegion } from '@baytaq/domain';
import { type FilingDocument, type FilingRow, type FilingSection } from '../filing-document';
import { builderText } from './builder-phrases';
import { type FilingMoment, filingDocument, fullNameOrNull, nameIn } from './filing-moment';

export interface StructureRegistration {
  readonly authority: string;
  readonly number: string | null;
  readonly bin: string | null;
  readonly date: string;
}

/** One organisation of the tree on `asOf`, as the read models answer it. */
export interface StructureNode {
  readonly kind: string;
  readonly name: MultilingualName;
  readonly status: 'active' | 'dissolved';
  readonly kato: string | null;
  /** The latest registration made by `asOf`, if any. */
  readonly registration: StructureRegistration | null;
  /** The holder of the chair or head post on `asOf`. */
  readonly head: { readonly name: PersonName | null; readonly since: string; readonly method: string } | null;
  /** Members of the organisation and of everything under it. */
  readonly memberCount: number;
  readonly children: readonly StructureNode[];
}

export interface StructureData {
  readonly roots: readonly StructureNode[];
}

const COLUMNS = [
  { key: 'rowNumber', label: 'rowNumber' },
  { key: 'organisation', label: 'organisation' },
  { key: 'kind', label: 'kind', values: 'organisationKind' },
  { key: 'region', label: 'region' },
  { key: 'registrationAuthority', label: 'registrationAuthority' },
  { key: 'registrationNumber', label: 'registrationNumber' },
  { key: 'bin', label: 'bin' },
  { key: 'registrationDate', label: 'registrationDate' },
  { key: 'head', label: 'head' },
  { key: 'since', label: 'since' },
  { key: 'memberCount', label: 'memberCount' },
] as const;

type StructureKey = (typeof COLUMNS)[number]['key'];

/**
 * The party and every branch active on `asOf`, parents before their sub-branches (the tree read
 * depth first), each with its region, registration, head and members including its sub-branches.
 * Collegial bodies are not branches and are left out; the summary gives the party's members.
 */
export function buildStructure(moment: FilingMoment, data: StructureData): FilingDocument {
  const rows: Array<FilingRow<StructureKey>> = [];
  const visit = (node: StructureNode): void => {
    if (node.kind === 'body' || node.status !== 'active') return;
    rows.push(structureRow(node, moment, rows.length + 1));
    node.children.forEach(visit);
  };
  data.roots.forEach(visit);
  const members = data.roots
    .filter((root) => root.kind !== 'body' && root.status === 'active')
    .reduce((sum, root) => sum + root.memberCount, 0);
  const section: FilingSection<StructureKey> = {
    columns: COLUMNS,
    rows,
    summary: [{ label: 'members', value: members }],
  };
  return filingDocument('structure', moment, [section]);
}

function structureRow(node: StructureNode, moment: FilingMoment, rowNumber: number): FilingRow<StructureKey> {
  const region = node.kato === null ? null : topLevelRegion(node.kato, moment.asOf);
  const holder = node.head ? fullNameOrNull(node.head.name) : null;
  const head =
    holder !== null && node.head?.method === 'acting' ? `${holder} (${builderText('acting', moment.lang)})` : holder;
  return {
    rowNumber,
    organisation: nameIn(node.name, moment.lang),
    kind: node.kind,
    region: region ? nameIn(region.name, moment.lang) : null,
    registrationAuthority: node.registration?.authority ?? null,
    registrationNumber: node.registration?.number ?? null,
    bin: node.registration?.bin ?? null,
    registrationDate: node.registration?.date ?? null,
    head,
    since: node.head?.since ?? null,
    memberCount: node.memberCount,
  };
}
