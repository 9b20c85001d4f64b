import { asRecorded, checkCleanText, checkCount } from './clean-text';
import { type DomainError, firstError } from './domain-error';
import { compact } from './event-data';

/** What a decision rests on: the meeting and its minutes, or a document; what a filing must show. */
export interface Basis {
  meetingId?: string;
  protocolNumber?: string;
  document?: string;
  votes?: { for: number; against: number; abstained: number };
}

/** The longest text of each part of a basis. */
const MAX_LENGTH = { meetingId: 100, protocolNumber: 100, document: 500 } as const;
const TEXTS = ['meetingId', 'protocolNumber', 'document'] as const;

export function checkBasis(basis: Basis | undefined): DomainError | null {
  if (basis === undefined) return null;
  const votes = basis.votes;
  return firstError(
    ...TEXTS.map(
      (key) => () =>
        checkCleanText(basis[key], `basis.${key}`, {
          max: MAX_LENGTH[key],
          required: false,
          blankCode: 'basis.invalid',
        }),
    ),
    ...(['for', 'against', 'abstained'] as const).map(
      (side) => () =>
        votes === undefined ? null : checkCount(votes[side], `basis.votes.${side}`, { invalidCode: 'basis.invalid' }),
    ),
  );
}

/** Copies only the known fields, so that event data stays plain JSON without undefined members. */
export function basisData(basis: Basis | undefined): { basis?: Basis } {
  if (basis === undefined) return {};
  const { votes } = basis;
  // Checked by checkBasis already: the texts as cleanText records them.
  const copy = compact({
    meetingId: asRecorded(basis.meetingId),
    protocolNumber: asRecorded(basis.protocolNumber),
    document: asRecorded(basis.document),
    votes: votes && { for: votes.for, against: votes.against, abstained: votes.abstained },
  });
  return Object.keys(copy).length > 0 ? { basis: copy } : {};
}
