import {
  END,
  FORWARDS,
  START,
  type AllStreamRecordedEvent,
  type Direction,
  type Position,
} from '@kurrent/kurrentdb-client';
import type { ReadStreamOptions, RecordedEvent } from '../event-store.port';
import type { EventSealer } from '../sealing/event-sealer';
import type { KurrentClient } from './kurrentdb-client';
import * as map from './kurrentdb-mapping';

/** One stream, in the port's terms; a stream that does not exist reads as empty. */
export async function readStreamEvents(
  client: KurrentClient,
  stream: string,
  options: ReadStreamOptions,
  sealer?: EventSealer,
): Promise<RecordedEvent[]> {
  const direction = options.direction ?? 'forwards';
  const fromRevision =
    options.fromRevision === undefined ? (direction === FORWARDS ? START : END) : BigInt(options.fromRevision);
  if (options.maxCount === 0) return [];
  const out: RecordedEvent[] = [];
  try {
    for await (const resolved of client.readStream(stream, { direction, fromRevision, maxCount: options.maxCount })) {
      if (resolved.event) out.push(map.toRecordedEvent(resolved.event, sealer));
    }
  } catch (error) {
    if (map.isStreamNotFound(error)) return [];
    throw map.toStoreError(error);
  }
  return out;
}

/**
 * Reads $all in pages from a position, excluding the position itself, keeping what the filter
 * plan keeps. Paging (rather than one unbounded read) bounds what a partly client-side filter
 * reads ahead; the server's start is inclusive, so a page must hold at least two events to advance.
 */
export async function* scanAll(
  client: KurrentClient,
  direction: Direction,
  start: Position | undefined,
  plan: map.FilterPlan,
  pageSize: number,
): AsyncGenerator<AllStreamRecordedEvent> {
  const ahead = direction === FORWARDS ? 1 : -1;
  let cursor = start;
  for (;;) {
    let seen = 0;
    let last: Position | undefined;
    const fromPosition = cursor ?? (direction === FORWARDS ? START : END);
    try {
      for await (const resolved of client.readAll({
        direction,
        fromPosition,
        maxCount: pageSize,
        filter: plan.server,
      })) {
        seen += 1;
        const event = resolved.event;
        if (!event) continue;
        last = event.position;
        const beyond = cursor === undefined || map.compareRawPositions(event.position, cursor) * ahead > 0;
        if (beyond && plan.keep(event)) yield event;
      }
    } catch (error) {
      throw map.toStoreError(error);
    }
    if (seen < pageSize || last === undefined || (cursor && map.compareRawPositions(last, cursor) === 0)) return;
    cursor = last;
  }
}

/** The $all position of one event, read from the leader so that a just-acknowledged write is there. */
export async function positionAt(client: KurrentClient, stream: string, revision: number): Promise<Position> {
  const reads = client.readStream(stream, { fromRevision: BigInt(revision), maxCount: 1, requiresLeader: true });
  try {
    for await (const resolved of reads) {
      if (map.isUsablePosition(resolved.event?.position)) return resolved.event.position;
    }
  } catch (error) {
    throw map.toStoreError(error);
  }
  throw new Error(`KurrentDB did not return the position of ${stream}@${revision} (server 22.6+ required)`);
}
