import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@baytaq/event-store';
import { type MultilingualName } from '@baytaq/domain';
import { KNOWN_NOW, type OrganisationSummary, type RegistryReads } from '@baytaq/read-models';
import { LogCatchUp } from '../commands/log-catch-up';
import { READ_MODELS, type ReadModelsHandle } from '../store/event-store.provider';
import { STREAM_PREFIX } from '@baytaq/domain';
import { type FilingRecord } from './filing-parameters';

type RecordedChange = ReturnType<RegistryReads['filings']['changesOfTypes']>[number];

export type ChangeCategory = 'structure' | 'leadership';

/** The organisation events each kind of filing reports. */
const TYPES: Readonly<Record<ChangeCategory, readonly string[]>> = {
  structure: ['OrganisationEstablished', 'OrganisationRegistered', 'OrganisationRenamed', 'OrganisationDissolved'],
  leadership: ['TenureStarted', 'TenureEnded'],
};
// The latest name, as known now: the list is about what to file next.
const NOW = { asOf: '9999-12-31', knownAt: KNOWN_NOW };
const CATEGORY_OF = new Map(
  (Object.entries(TYPES) as Array<[ChangeCategory, readonly string[]]>).flatMap(([c, types]) =>
    types.map((t) => [t, c] as const),
  ),
);

export interface PendingChange extends RecordedChange {
  category: ChangeCategory;
  /** As known now: the organisation may have been renamed since. */
  organisationName: MultilingualName | null;
  /** For a retracted entry: the filing that reported it, which the retraction makes wrong. */
  reportedIn: string | null;
}

/**
 * Whether an issued filing reports a change recorded at `recordedAt` and effective on `effectiveDate`:
 * - a `structure` filing (as of D, known at T) covers every change of the structure of branches
 *   recorded by T and effective by D;
 * - a `leadership-changes` filing (from F to D, known at T) covers every start and end of a tenure
 *   recorded by T and effective from F to D.
 */
export function covers(filing: FilingRecord, category: ChangeCategory, recordedAt: string, effective: string) {
  const { knownAt, asOf, from, to } = filing.parameters;
  if (recordedAt > knownAt) return false;
  if (category === 'structure') return filing.kind === 'structure' && effective <= asOf;
  return filing.kind === 'leadership-changes' && from !== undefined && effective >= from && effective <= to!;
}

/**
 * The changes of structure and leadership that no issued filing reports yet: live entries no
 * filing covers, and retracted entries that a filing reported but none has covered since the
 * retraction (the regulator holds a fact the registry now calls a mistake). A retracted entry
 * never reported is nobody's concern. Collegial bodies are not branches: their founding, renaming
 * and dissolution are not structure changes (their officers' tenures are leadership changes).
 */
@Injectable()
export class PendingChangesService {
  private readonly issued = new Map<string, FilingRecord>();
  private readonly catchUp: LogCatchUp;

  constructor(
    @Inject(READ_MODELS) private readonly models: ReadModelsHandle,
    @Inject(EVENT_STORE) store: EventStore,
  ) {
    this.catchUp = new LogCatchUp(store, { streamPrefixes: [STREAM_PREFIX.filing] }, (event) => {
      if (event.type === 'FilingIssued') this.issued.set(event.stream, event.data as unknown as FilingRecord);
    });
  }

  async pending(): Promise<{ items: PendingChange[]; filings: FilingRecord[] }> {
    await this.catchUp.run();
    const filings = [...this.issued.values()];
    const reads = this.models.reads;
    const organisations = new Map<string, OrganisationSummary | null>();
    const organisation = (id: string) => {
      if (!organisations.has(id)) organisations.set(id, reads.organisations.summary(id, NOW));
      return organisations.get(id) ?? null;
    };
    const items: PendingChange[] = [];
    for (const change of reads.filings.changesOfTypes([...TYPES.structure, ...TYPES.leadership])) {
      const category = CATEGORY_OF.get(change.type)!;
      const org = organisation(change.organisationId);
      if (category === 'structure' && org?.kind === 'body') continue;
      const entry = { ...change, category, organisationName: org?.name ?? null };
      const effective = change.effectiveDate ?? change.recordedAt.slice(0, 10);
      const reporter = filings.find((f) => covers(f, category, change.recordedAt, effective));
      if (change.retracted === null) {
        if (!reporter) items.push({ ...entry, reportedIn: null });
      } else if (reporter && !filings.some((f) => covers(f, category, change.retracted!.at, effective))) {
        items.push({ ...entry, reportedIn: reporter.filingId });
      }
    }
    return { items, filings };
  }
}
