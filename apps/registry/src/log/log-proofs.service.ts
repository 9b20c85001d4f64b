import { Inject, Injectable } from '@nestjs/common';
import { LOG_TREE, type LogTreeReader } from '../integrity/log-tree.provider';
import { ProblemError } from '../http/problem';
import { LOG_RECORDS } from './log-records.token';
import { type LeafRecord, type StoredLogRecords } from './stored-log-records';

/** An event's record as hashed and its audit path in a tree. */
export interface ProvenRecord {
  leafIndex: number;
  record: Omit<LeafRecord, 'leafIndex'>;
  auditPath: string[];
}

export const MAX_ENTRIES = 1_000;

const b64 = (hashes: Buffer[]) => hashes.map((h) => h.toString('base64'));

/** A parameter that names no part of this log: 400 naming the field, as every validation failure. */
export function beyondLog(field: string, detail: string): ProblemError {
  return ProblemError.of(400, 'log.out_of_range', detail, { errors: [{ field, code: 'inLog', message: detail }] });
}

/** Proofs and records of the log, each parameter checked against the tree as it is now. */
@Injectable()
export class LogProofs {
  constructor(
    @Inject(LOG_TREE) private readonly tree: LogTreeReader,
    @Inject(LOG_RECORDS) private readonly records: StoredLogRecords,
  ) {}

  /** A size given, within the tree; or the tree's size now. */
  size(field: string, size: number | undefined): number {
    const now = this.tree.size();
    if (size === undefined) return now;
    if (size > now) throw beyondLog(field, `${field} ${size} is beyond the log's ${now} leaves`);
    return size;
  }

  inclusion(eventId: string, requestedSize: number | undefined) {
    const treeSize = this.size('size', requestedSize);
    const leafIndex = this.tree.leafIndexOf(eventId.toLowerCase());
    if (leafIndex === undefined) {
      throw ProblemError.of(404, 'log.event_not_found', `Event ${eventId} is not in the log`, { eventId });
    }
    if (leafIndex >= treeSize) {
      throw beyondLog('size', `event ${eventId} is leaf ${leafIndex}, not in the tree of ${treeSize} leaves`);
    }
    return { leafIndex, treeSize, auditPath: b64(this.tree.inclusionProof(leafIndex, treeSize)) };
  }

  consistency(from: number, requestedTo: number | undefined) {
    const to = this.size('to', requestedTo);
    if (from > to) throw beyondLog('from', `from ${from} is after to ${to}`);
    return { from, to, proof: b64(this.tree.consistencyProof(from, to)) };
  }

  /** Every event of the streams among the first `size` leaves, each with its audit path in that tree. */
  provenStreams(streams: Iterable<string>, size: number): ProvenRecord[] {
    const proven = [...new Set(streams)].flatMap((stream) => this.records.ofStream(stream, size));
    return proven
      .sort((a, b) => a.leafIndex - b.leafIndex)
      .map(({ leafIndex, ...record }) => ({
        leafIndex,
        record,
        auditPath: b64(this.tree.inclusionProof(leafIndex, size)),
      }));
  }

  entries(start: number, end: number): { start: number; end: number; items: LeafRecord[] } {
    if (end <= start) throw beyondLog('end', `end ${end} must be after start ${start}`);
    if (end - start > MAX_ENTRIES) throw beyondLog('end', `at most ${MAX_ENTRIES} entries at once`);
    this.size('end', end);
    return { start, end, items: this.records.range(start, end) };
  }
}
