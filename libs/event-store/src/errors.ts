import type { ExpectedRevision } from './event-store.port';

/** The stream's revision is not what the writer expected: someone else wrote first. */
export class WrongExpectedRevisionError extends Error {
  override readonly name = 'WrongExpectedRevisionError';
  constructor(
    readonly stream: string,
    readonly expected: ExpectedRevision,
    /** The stream's actual last revision, or 'no_stream'. */
    readonly actual: number | 'no_stream',
  ) {
    super(`stream ${stream}: expected revision ${String(expected)}, actual ${String(actual)}`);
  }
}

/** Some event ids of an append are stored already, but not as the same append: a client reused ids. */
export class DuplicateEventIdError extends Error {
  override readonly name = 'DuplicateEventIdError';
  constructor(
    readonly stream: string,
    readonly eventId: string,
  ) {
    super(`event ${eventId} is already stored, but not as this append to ${stream}`);
  }
}

/** The append is malformed (empty, bad stream name, duplicated ids inside it). */
export class InvalidAppendError extends Error {
  override readonly name = 'InvalidAppendError';
}

/** The store cannot be reached or has been closed. */
export class StoreUnavailableError extends Error {
  override readonly name = 'StoreUnavailableError';
}

/** A position that this store did not produce. */
export class InvalidPositionError extends Error {
  override readonly name = 'InvalidPositionError';
  constructor(readonly position: string) {
    super(`not a position of this store: ${JSON.stringify(position)}`);
  }
}
