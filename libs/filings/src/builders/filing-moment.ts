import { fullName, type LocalDate, type MultilingualName, type PersonName } from '@baytaq/domain';
import {
  type FilingDocument,
  type FilingKind,
  type FilingLang,
  type FilingLogCheckpoint,
  type FilingPeriod,
  type FilingSection,
} from '../filing-document';
import { kindTitle } from '../labels';

/** What every builder is told besides its data: the party, the language and the two times. */
export interface FilingMoment {
  readonly lang: FilingLang;
  readonly partyName: MultilingualName;
  readonly asOf: LocalDate;
  /** The transaction time the read models were queried at. */
  readonly knownAt: string;
  readonly issuedAt: string;
  readonly logCheckpoint?: FilingLogCheckpoint;
}

export function filingDocument(
  kind: FilingKind,
  moment: FilingMoment,
  sections: FilingSection[],
  period?: FilingPeriod,
): FilingDocument {
  return {
    kind,
    lang: moment.lang,
    partyName: moment.partyName,
    title: kindTitle(kind, moment.lang),
    asOf: moment.asOf,
    knownAt: moment.knownAt,
    ...(period ? { period } : {}),
    issuedAt: moment.issuedAt,
    ...(moment.logCheckpoint ? { logCheckpoint: moment.logCheckpoint } : {}),
    sections,
  };
}

/** An organisation's or region's name in the document's language, falling back as the party name does. */
export function nameIn(name: MultilingualName, lang: FilingLang): string {
  return [name[lang], name.ru, name.kk, name.en].find((form) => form !== undefined && form !== '') ?? '';
}

/** As in the identity document, in every language of the filing: the justice bodies match it against it. */
export function fullNameOrNull(name: PersonName | null): string | null {
  return name === null ? null : fullName(name);
}
