import { type Basis, type MultilingualName, type PersonName } from '@baytaq/domain';
import { type FilingDocument, type FilingPeriod, type FilingRow, type FilingSection } from '../filing-document';
import { builderText, MEETING_KIND_TEXT, TENURE_END_REASON_TEXT, textOf } from './builder-phrases';
import { type FilingMoment, filingDocument, fullNameOrNull, nameIn } from './filing-moment';
import { compareKeys, nameSortKey } from './name-order';
import { pairSuccessions, type Succession } from './succession';

/** A tenure as known at the filing's moment, with its post's title. */
export interface LeadershipTenure {
  readonly tenureId: string;
  readonly postId: string;
  readonly organisationId: string;
  readonly postTitle: MultilingualName | null;
  readonly name: PersonName | null;
  readonly method: string;
  readonly endReason: string | null;
  readonly from: string;
  readonly to: string | null;
  readonly startBasis: Basis | null;
  readonly endBasis: Basis | null;
}

export interface LeadershipMeeting {
  readonly kind: string;
  readonly date: string;
  readonly place: string;
  readonly attendance: number;
  /** null when the quorum is not known. */
  readonly quorum: number | null;
  readonly protocolNumber: string | null;
}

export interface LeadershipData {
  readonly period: FilingPeriod;
  /** Every tenure of each post that changed hands in the period (earlier holders included). */
  readonly tenures: readonly LeadershipTenure[];
  readonly organisations: ReadonlyMap<string, MultilingualName>;
  /** The meetings the tenures' bases cite, by id. */
  readonly meetings: ReadonlyMap<string, LeadershipMeeting>;
}

const KEYS = [
  'rowNumber',
  'organisation',
  'post',
  'previousHolder',
  'nextHolder',
  'effectiveDate',
  'method',
  'basis',
  'meeting',
  'place',
  'quorum',
  'protocolNumber',
  'votesFor',
  'votesAgainst',
  'votesAbstained',
] as const;
type ChangeKey = (typeof KEYS)[number];
const COLUMNS = KEYS.map((key) =>
  key === 'method' ? { key, label: key, values: 'tenureMethod' as const } : { key, label: key },
);

/** One change of a post's holder: a tenure begun (with its predecessor), or one ended with nobody taking over that day. */
interface Change {
  readonly date: string;
  readonly tenure: LeadershipTenure;
  readonly previous: LeadershipTenure | null;
  readonly next: LeadershipTenure | null;
  readonly basis: Basis | null;
  readonly endReason: string | null;
}

/**
 * Every change of holder of every post from `from` to `to` inclusive. A tenure begun in the
 * period is one row with the holder it succeeded (who may have left before the period); a tenure
 * ended in the period is a row of its own only when nobody took the seat that same day (then the
 * successor's row already says it), with the reason of the ending and its basis.
 */
export function buildLeadershipChanges(moment: FilingMoment, data: LeadershipData): FilingDocument {
  const { from, to } = data.period;
  const within = (date: string | null) => date !== null && date >= from && date <= to;
  const changes: Change[] = [];
  for (const link of pairSuccessions(data.tenures)) {
    if (within(link.tenure.from)) changes.push(started(link));
    if (within(link.tenure.to) && link.successor?.from !== link.tenure.to) changes.push(ended(link.tenure));
  }
  const lang = moment.lang;
  const orgName = (c: Change) => nameIn(data.organisations.get(c.tenure.organisationId) ?? {}, lang);
  const postTitle = (c: Change) => (c.tenure.postTitle ? nameIn(c.tenure.postTitle, lang) : '');
  const sortKey = (c: Change) =>
    [c.date, nameSortKey(orgName(c)), nameSortKey(postTitle(c)), c.tenure.tenureId, c.next ? '1' : '0'].join('\u0000');
  changes.sort((a, b) => compareKeys(sortKey(a), sortKey(b)));
  const rows = changes.map((c, index) => changeRow(c, index + 1, orgName(c), postTitle(c), data, moment));
  const section: FilingSection<ChangeKey> = { columns: COLUMNS, rows };
  return filingDocument('leadership-changes', { ...moment, asOf: to }, [section], { from, to });
}

function started(link: Succession<LeadershipTenure>): Change {
  const { tenure, predecessor } = link;
  return { date: tenure.from, tenure, previous: predecessor, next: tenure, basis: tenure.startBasis, endReason: null };
}

function ended(tenure: LeadershipTenure): Change {
  const common = { tenure, previous: tenure, next: null, basis: tenure.endBasis, endReason: tenure.endReason };
  return { date: tenure.to!, ...common };
}

function changeRow(
  c: Change,
  rowNumber: number,
  organisation: string,
  post: string,
  data: LeadershipData,
  moment: FilingMoment,
): FilingRow<ChangeKey> {
  const lang = moment.lang;
  const meeting = c.basis?.meetingId ? (data.meetings.get(c.basis.meetingId) ?? null) : null;
  const reason = c.endReason === null ? null : textOf(TENURE_END_REASON_TEXT, c.endReason, lang);
  const basisText = [reason, c.basis?.document ?? null].filter((part) => part !== null && part !== '').join('; ');
  const meetingText = meeting
    ? `${textOf(MEETING_KIND_TEXT, meeting.kind, lang)}, ${meeting.date}, ${builderText('present', lang, { count: meeting.attendance })}`
    : null;
  return {
    rowNumber,
    organisation,
    post,
    previousHolder: c.previous ? fullNameOrNull(c.previous.name) : null,
    nextHolder: c.next ? fullNameOrNull(c.next.name) : null,
    effectiveDate: c.date,
    method: c.next ? c.next.method : null,
    basis: basisText === '' ? null : basisText,
    meeting: meetingText,
    place: meeting?.place ?? null,
    quorum: meeting?.quorum ?? null,
    protocolNumber: c.basis?.protocolNumber ?? meeting?.protocolNumber ?? null,
    votesFor: c.basis?.votes?.for ?? null,
    votesAgainst: c.basis?.votes?.against ?? null,
    votesAbstained: c.basis?.votes?.abstained ?? null,
  };
}
