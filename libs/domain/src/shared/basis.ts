import { checkCount, cleanText } from './clean-text';
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

const text = (basis: Basis, key: (typeof TEXTS)[number]) =>
  cleanText(basis[key], `basis.${key}`, { max: MAX_LENGTH[key], required: false, blankCode: 'basis.invalid' });

export function checkBasis(basis: Basis | undefined): DomainError | null {
  if (basis === undefined) return null;
  const votes = basis.votes;
  return firstError(
    ...TEXTS.map((key) => () => {
      const result = text(basis, key);
      return result.ok ? null : result.error;
    }),
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
  const recorded = (key: (typeof TEXTS)[number]) => {
    const result = text(basis, key);
    return result.ok ? result.value : undefined;
  };
  const copy = compact({
    meetingId: recorded('meetingId'),
    protocolNumber: recorded('protocolNumber'),
    document: recorded('document'),
    votes: votes && { for: votes.for, against: votes.against, abstained: votes.abstained },
  });
  return Object.keys(copy).length > 0 ? { basis: copy } : {};
}
