import { type ProvenRecord } from '../log/log-proofs.service';
import { type FilingRecord } from './filing-parameters';

/** Names the evidence file's shape, for `npm run verify:filing` and any other verifier. */
export const FILING_EVIDENCE_SCHEMA = 'baytaq.filing-evidence/1';

/**
 * What GET /v1/filings/{id}/evidence answers: the filing, the log's checkpoint of its knownAt
 * (a C2SP signed note), and the records of the events its rows rest on with their audit paths.
 */
export interface FilingEvidence {
  schema: typeof FILING_EVIDENCE_SCHEMA;
  filing: Pick<
    FilingRecord,
    'filingId' | 'kind' | 'parameters' | 'format' | 'lang' | 'sha256' | 'dataSha256' | 'issuedAt'
  >;
  checkpoint: { treeSize: number; rootHash: string; note: string };
  /** The log's verifier key as the registry serves it: a convenience, never the verifier's trust anchor. */
  verifierKey: string;
  events: ProvenRecord[];
}
