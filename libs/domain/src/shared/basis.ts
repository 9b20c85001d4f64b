import { domainError, type DomainError } from './domain-error';
import { compact } from './event-data';

/** What a decision rests on: the meeting and its minutes, or a document; what a filing must show. */
export interface Basis {
  meetingId?: string;
  protocolNumber?: string;
  document?: string;
  votes?: { for: number; against: number; abstained: number };
}

const isCount = (n: unknown) => typeof n === 'number' && Number.isInteger(n) && n >= 0;

export function checkBasis(basis: Basis | undefined): DomainError | null {
  if (basis === undefined) return null;
  for (const key of ['meetingId', 'protocolNumber', 'document'] as const) {
    const value = basis[key];
    if (value !== undefined && (typeof value !== 'string' || value.trim() === '' || value.length > 500)) {
      return domainError('basis.invalid', `basis.${key} must be a non-empty text`, { field: `basis.${key}` });
    }
  }
  const votes = basis.votes;
  if (votes !== undefined && !(isCount(votes.for) && isCount(votes.against) && isCount(votes.abstained))) {
    return domainError('basis.invalid', 'basis.votes must be whole numbers for, against and abstained', {
      field: 'basis.votes',
    });
  }
  return null;
}

/** Copies only the known fields, so that event data stays plain JSON without undefined members. */
export function basisData(basis: Basis | undefined): { basis?: Basis } {
  if (basis === undefined) return {};
  const { meetingId, protocolNumber, document, votes } = basis;
  const copy = compact({
    meetingId,
    protocolNumber,
    document,
    votes: votes && { for: votes.for, against: votes.against, abstained: votes.abstained },
  });
  return Object.keys(copy).length > 0 ? { basis: copy } : {};
}
