import { InvalidPositionError } from './errors';

/** Positions of the in-process stores are the decimal sequence number of the event in the log. */
export function parseSequencePosition(position: string | undefined): number {
  if (position === undefined) return 0;
  if (!/^(0|[1-9][0-9]{0,15})$/.test(position)) throw new InvalidPositionError(position);
  return Number(position);
}

export function compareSequencePositions(a: string, b: string): number {
  return parseSequencePosition(a) - parseSequencePosition(b);
}
