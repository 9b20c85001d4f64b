import { accept, type Decider, emptyHistory, type StreamHistory } from '@baytaq/domain';
import { type FilingKind, type FilingLang } from '@baytaq/filings';
import { type FilingFormat, type FilingParameters } from './filing-parameters';

export const FILING_STREAM_PREFIX = 'filing-';
export const filingStream = (id: string): string => `${FILING_STREAM_PREFIX}${id}`;

/** What was sent to the regulator: enough to make it again, and the hash to prove it unchanged. */
export interface FilingIssuedData {
  filingId: string;
  kind: FilingKind;
  parameters: FilingParameters;
  format: FilingFormat;
  lang: FilingLang;
  /** Hex SHA-256 of the issued bytes. */
  sha256: string;
  /** Hex SHA-256 of the document's data (canonical JSON), printed in the PDF's footer. */
  dataSha256: string;
  byteLength: number;
  /** The document's own timestamp (the PDF's CreationDate): part of the bytes, so recorded. */
  issuedAt: string;
  actor: string;
}

export interface FilingIssued {
  type: 'FilingIssued';
  data: FilingIssuedData & { schemaVersion: 1 };
}

export interface IssueFiling {
  type: 'IssueFiling';
  filing: FilingIssuedData;
}

export interface FilingState {
  history: StreamHistory<FilingIssued>;
  issued: FilingIssuedData | null;
}

/**
 * The stream `filing-<uuid>` holds one event. A filing cannot be retracted or amended: a wrong
 * one is followed by a new filing, and both stay answerable. Whether the stream is still empty is
 * checked by the caller before deciding, so that a second issue with the same id answers 409.
 */
export const filingDecider: Decider<IssueFiling, FilingIssued, FilingState, Record<string, never>> = {
  initialState: { history: emptyHistory, issued: null },
  evolve: (state, event) => ({ ...state, issued: event.data }),
  decide: (command) => accept([{ type: 'FilingIssued', data: { ...command.filing, schemaVersion: 1 } }]),
  checkInvariants: () => null,
};
