import { type Decider } from '../shared/decider';
import { type AdmitMember, type RegisterPerson } from './person.commands';
import { type PersonContext } from './person.context';
import { personDecider } from './person.decider';
import { type PersonEvent } from './person.events';
import { type PersonState } from './person.state';

/** A new person from an import row: registered and admitted in one decision. */
export interface RegisterAndAdmit {
  register: RegisterPerson;
  admit: AdmitMember;
}

/**
 * The person decider deciding RegisterPerson, then AdmitMember on the state the registration
 * leads to: both refusals and both sets of events are exactly the decider's. Appended together,
 * a row leaves either a registered member or nothing (never a person registered but refused
 * admission), and the store writes one append where the API would write two.
 */
export const registerAndAdmitDecider: Decider<RegisterAndAdmit, PersonEvent, PersonState, PersonContext> = {
  initialState: personDecider.initialState,
  evolve: personDecider.evolve,
  checkInvariants: personDecider.checkInvariants,
  needs: ({ admit }, state) => personDecider.needs(admit, state),
  decide({ register, admit }, state, context) {
    const registered = personDecider.decide(register, state, { today: context.today });
    if (!registered.ok) return registered;
    const after = registered.events.reduce(personDecider.evolve, state);
    const admitted = personDecider.decide(admit, after, context);
    if (!admitted.ok) return admitted;
    const warnings = [...(registered.warnings ?? []), ...(admitted.warnings ?? [])];
    const events = [...registered.events, ...admitted.events];
    return warnings.length > 0 ? { ok: true, events, warnings } : { ok: true, events };
  },
};
