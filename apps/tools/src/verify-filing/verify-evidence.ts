import { createHash } from 'node:crypto';
import { recordLeafHash, verifyInclusion, type LogRecord } from '@baytaq/integrity';
import { parseCheckpointText } from '../../../registry/src/log/checkpoint-text';
import { formatVerifierKey, openNote, parseVerifierKey } from '../../../registry/src/log/signed-note';

export const EVIDENCE_SCHEMA = 'baytaq.filing-evidence/1';

export interface Verdict {
  ok: boolean;
  /** What was checked, line by line; the first failure last when not ok. */
  lines: string[];
}

interface EvidenceEvent {
  leafIndex: number;
  record: LogRecord;
  auditPath: string[];
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Checks a filing's evidence with nothing but the file and the log's verifier key, which must come
 * from outside the file (the key the registry publishes, saved earlier): a key read from the file
 * would only show that whoever wrote the file signed it.
 */
export function verifyEvidence(evidence: unknown, verifierKey: string, document?: Buffer): Verdict {
  const lines: string[] = [];
  const fail = (line: string): Verdict => ({ ok: false, lines: [...lines, `FAILED: ${line}`] });
  if (!isObject(evidence) || evidence['schema'] !== EVIDENCE_SCHEMA) return fail(`not a ${EVIDENCE_SCHEMA} file`);
  const filing = evidence['filing'];
  const checkpoint = evidence['checkpoint'];
  const events = evidence['events'];
  if (!isObject(filing) || !isObject(checkpoint) || !Array.isArray(events))
    return fail('filing, checkpoint or events missing');

  let verifier;
  try {
    verifier = parseVerifierKey(verifierKey.trim());
  } catch (error) {
    return fail((error as Error).message);
  }
  if (typeof evidence['verifierKey'] === 'string' && evidence['verifierKey'] !== formatVerifierKey(verifier)) {
    lines.push(`note: the file names another key (${evidence['verifierKey']}); only the given key is trusted`);
  }
  let head;
  try {
    head = parseCheckpointText(openNote(String(checkpoint['note']), verifier));
  } catch (error) {
    return fail(`checkpoint: ${(error as Error).message}`);
  }
  if (head.origin !== verifier.name)
    return fail(`checkpoint: origin ${head.origin} is not the key's log ${verifier.name}`);
  if (head.size !== checkpoint['treeSize'] || head.root.toString('base64') !== checkpoint['rootHash']) {
    return fail('checkpoint: treeSize or rootHash differ from the signed note');
  }
  lines.push(
    `checkpoint: ${head.origin}, tree size ${head.size}, root ${head.root.toString('base64')}: signature verified`,
  );

  const seen = new Set<number>();
  for (const [i, event] of (events as EvidenceEvent[]).entries()) {
    const where = `event ${i} (${isObject(event) && isObject(event.record) ? String(event.record.eventId) : '?'})`;
    if (!isObject(event) || !isObject(event.record) || !Array.isArray(event.auditPath))
      return fail(`${where}: malformed`);
    if (!Number.isSafeInteger(event.leafIndex) || seen.has(event.leafIndex))
      return fail(`${where}: bad or repeated leafIndex`);
    seen.add(event.leafIndex);
    const path = event.auditPath.map((h) => Buffer.from(String(h), 'base64'));
    if (!verifyInclusion(event.leafIndex, head.size, recordLeafHash(event.record), path, head.root)) {
      return fail(`${where}: leaf ${event.leafIndex} is not in the signed tree (record changed, or a wrong proof)`);
    }
  }
  lines.push(`events: all ${events.length} included in the signed tree`);

  if (document) {
    const sha256 = createHash('sha256').update(document).digest('hex');
    if (sha256 !== filing['sha256'])
      return fail(`document: SHA-256 ${sha256} is not the filing's ${String(filing['sha256'])}`);
    lines.push(`document: SHA-256 ${sha256} is the issued filing's`);
  }
  return { ok: true, lines };
}
