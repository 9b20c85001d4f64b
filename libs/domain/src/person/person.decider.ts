import { type Decider } from '../shared/decider';
import { type Decision } from '../shared/domain-error';
import { type PersonCommand } from './person.commands';
import { type PersonContext, type PersonContextFor } from './person.context';
import { decidePersonCommand } from './person.decide';
import { type PersonEvent } from './person.events';
import { evolvePerson } from './person.evolve';
import { checkPersonInvariants } from './person.invariants';
import { personNeeds } from './person.needs';
import { initialPersonState, type PersonState } from './person.state';

/** The stream `person-<uuid>`: personal data and the membership timeline. */
export const personDecider: Decider<PersonCommand, PersonEvent, PersonState, PersonContext> = {
  initialState: initialPersonState,
  evolve: evolvePerson,
  decide: decidePersonCommand,
  needs: personNeeds,
  checkInvariants: checkPersonInvariants,
};

/** The same decision, typed so that the compiler demands exactly the context each command needs. */
export function decidePerson<C extends PersonCommand>(
  command: C,
  state: PersonState,
  context: PersonContextFor<C['type']>,
): Decision<PersonEvent> {
  return decidePersonCommand(command, state, context as PersonContext);
}
