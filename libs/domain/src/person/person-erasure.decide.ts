import { cleanText } from '../shared/clean-text';
import { accept, type Decision, type DomainError, domainError, refuse } from '../shared/domain-error';
import { compact, required } from '../shared/event-data';
import { type ErasePersonalData, type PersonCommand } from './person.commands';
import { type PersonContext } from './person.context';
import { type PersonEvent } from './person.events';
import { type PersonState } from './person.state';
import { personNotFound } from './membership.decide';

/**
 * An erased person's stream takes nothing more: what a command would record about them could
 * not be read back (their key is gone), and a new entry must not bring personal data back.
 * Erasing again is answered as the erasure was, so it is not refused here.
 */
export function refuseAfterErasure(command: PersonCommand, state: PersonState): DomainError | null {
  if (!state.erasure || command.type === 'ErasePersonalData') return null;
  return domainError(
    'person.erased',
    `The personal data of this person was erased on ${state.erasure.erasedOn}; nothing more is recorded about them`,
    { erasedOn: state.erasure.erasedOn },
  );
}

/**
 * Records the erasure. A person who ever held a post keeps the name they were last known by,
 * as public record; everyone else keeps none. An erased person is erased already: nothing new.
 */
export function decideErase(c: ErasePersonalData, state: PersonState, context: PersonContext): Decision<PersonEvent> {
  const missing = personNotFound(state);
  if (missing) return refuse(missing);
  if (state.erasure) return accept([]);
  const reason = cleanText(c.reason, 'reason', { max: 2000 });
  if (!reason.ok) return reason;
  const legalBasis = cleanText(c.legalBasis, 'legalBasis', { max: 500 });
  if (!legalBasis.ok) return legalBasis;
  const profile = state.profile!;
  const officer = required(context.officerPeriods, 'officerPeriods').length > 0;
  const data = compact({
    erasedOn: context.today,
    reason: reason.value!,
    legalBasis: legalBasis.value!,
    publicName: officer ? profile.name : undefined,
    publicLatinName: officer ? profile.latinName : undefined,
  });
  return accept([{ type: 'PersonalDataErased', data }]);
}
