import { type Decider, emptyHistory, type StreamHistory } from '../shared/decider';
import { NO_NEEDS } from '../shared/cross-stream';
import { accept, reject } from '../shared/domain-error';

/**
 * What was sent to the regulator: enough to make it again, and the hash to prove it unchanged.
 * The kinds, parameters, formats and languages are the filings library's and the app's; the
 * domain keeps them as recorded.
 */
export interface FilingIssuedData<K extends string = string, P extends object = object, F extends string = string> {
  filingId: string;
  kind: K;
  parameters: P;
  format: F;
  lang: string;
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
 * one is followed by a new filing, and both stay answerable; a second issue with the same id is 409.
 */
export const filingDecider: Decider<IssueFiling, FilingIssued, FilingState, object> = {
  initialState: { history: emptyHistory, issued: null },
  evolve: (state, event) => ({ ...state, issued: event.data }),
  decide: (command, state) =>
    state.issued
      ? reject('filing.already_issued', `Filing ${command.filing.filingId} was issued already`, {
          filingId: command.filing.filingId,
        })
      : accept([{ type: 'FilingIssued', data: { ...command.filing, schemaVersion: 1 } }]),
  needs: () => NO_NEEDS,
  checkInvariants: () => null,
};
