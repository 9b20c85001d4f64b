import { checkDecisionBases } from '../shared/basis-rules';
import { decideRetraction, type RetractEvent } from '../shared/decider';
import {
  accept,
  type Decision,
  domainError,
  type DomainError,
  type DomainWarning,
  firstError,
  refuse,
  reject,
} from '../shared/domain-error';
import { checkEffectiveDate, checkOneOf, checkText, compact, required } from '../shared/event-data';
import { iinWarnings, parseIin } from '../shared/iin';
import { type LocalDate } from '../shared/local-date';
import { type LatinName, parseLatinName, parsePersonName, type PersonName } from '../shared/person-name';
import { type ChangePersonDetails, type PersonCommand, type RegisterPerson } from './person.commands';
import { checkOfficersStayMembers, checkPlacementsInsideLifetimes, type PersonContext } from './person.context';
import { type Contacts, DETAILS_CHANGE_REASONS, type PersonalData, type PersonEvent } from './person.events';
import { evolvePerson } from './person.evolve';
import { checkPersonInvariants } from './person.invariants';
import { initialPersonState, type PersonState } from './person.state';
import {
  decideAdmit,
  decideSuspendOrReinstate,
  decideTerminate,
  decideTransfer,
  personNotFound,
} from './membership.decide';
import { personDecisions } from './person.needs';
import { decideErase, refuseAfterErasure } from './person-erasure.decide';

interface DetailsInput {
  name?: PersonName;
  latinName?: LatinName;
  iin?: string;
  birthDate?: LocalDate;
  citizenship?: string;
  contacts?: Contacts;
}

type CheckedDetails = {
  name?: PersonName;
  latinName?: LatinName;
  citizenship?: string;
  personal: PersonalData;
  warnings: DomainWarning[];
};

function checkContacts(contacts: Contacts | undefined): DomainError | null {
  if (contacts === undefined) return null;
  return firstError(
    () => checkText(contacts.phone, 'contacts.phone', { required: false, max: 50 }),
    () => checkText(contacts.address, 'contacts.address', { required: false }),
    () => checkText(contacts.email, 'contacts.email', { required: false, max: 200 }),
    () =>
      contacts.email === undefined || contacts.email.includes('@')
        ? null
        : domainError('field.invalid', 'contacts.email is not an e-mail address', { field: 'contacts.email' }),
  );
}

/** Validates whatever details are present; `knownBirthDate` is the one an IIN is compared with when none is given. */
function checkDetails(
  input: DetailsInput,
  today: LocalDate,
  knownBirthDate?: LocalDate,
): { ok: true; value: CheckedDetails } | { ok: false; error: DomainError } {
  const name = input.name === undefined ? undefined : parsePersonName(input.name);
  const latinName = input.latinName === undefined ? undefined : parseLatinName(input.latinName);
  const iin = input.iin === undefined ? undefined : parseIin(input.iin);
  const error = firstError(
    () => (name && !name.ok ? name.error : null),
    () => (latinName && !latinName.ok ? latinName.error : null),
    () => (iin && !iin.ok ? iin.error : null),
    () => (input.birthDate === undefined ? null : checkEffectiveDate(input.birthDate, today, 'birthDate')),
    () =>
      input.citizenship === undefined || /^[A-Z]{2}$/.test(input.citizenship)
        ? null
        : domainError('field.invalid', 'citizenship is an ISO 3166-1 alpha-2 code such as KZ', {
            field: 'citizenship',
          }),
    () => checkContacts(input.contacts),
  );
  if (error) return refuse(error);
  const parsedIin = iin?.ok ? iin.value : undefined;
  // With an IIN and no birth date, the IIN's own date is the best knowledge there is.
  const birthDate = input.birthDate ?? (knownBirthDate === undefined ? parsedIin?.birthDate : undefined);
  const contacts =
    input.contacts &&
    compact({ phone: input.contacts.phone, email: input.contacts.email, address: input.contacts.address });
  return {
    ok: true,
    value: compact({
      name: name?.ok ? name.value : undefined,
      latinName: latinName?.ok ? latinName.value : undefined,
      citizenship: input.citizenship,
      personal: compact({ iin: parsedIin?.value, birthDate, contacts }),
      warnings: parsedIin ? iinWarnings(parsedIin, input.birthDate ?? knownBirthDate) : [],
    }),
  };
}

function decideRegister(c: RegisterPerson, state: PersonState, context: PersonContext): Decision<PersonEvent> {
  if (state.profile)
    return reject('person.already_registered', `Person ${state.profile.personId} is already registered`);
  const effectiveDate = c.effectiveDate ?? context.today;
  const error = firstError(
    () => checkText(c.personId, 'personId', { max: 100 }),
    () => (c.name === undefined ? domainError('name.invalid', 'name is required', { field: 'name' }) : null),
    () =>
      c.citizenship === undefined
        ? domainError('field.invalid', 'citizenship is required', { field: 'citizenship' })
        : null,
    () => checkEffectiveDate(effectiveDate, context.today),
  );
  if (error) return refuse(error);
  const details = checkDetails(c, context.today);
  if (!details.ok) return details;
  const { name, latinName, personal, warnings } = details.value;
  if (!name) return reject('name.invalid', 'name is required');
  return accept(
    [
      {
        type: 'PersonRegistered',
        data: compact({ personId: c.personId, name, latinName, citizenship: c.citizenship, personal, effectiveDate }),
      },
    ],
    warnings,
  );
}

function decideChangeDetails(
  c: ChangePersonDetails,
  state: PersonState,
  context: PersonContext,
): Decision<PersonEvent> {
  const changed = (['name', 'latinName', 'iin', 'birthDate', 'citizenship', 'contacts'] as const).filter(
    (k) => c[k] !== undefined,
  );
  const error = firstError(
    () => personNotFound(state),
    () => checkOneOf(c.reason, DETAILS_CHANGE_REASONS, 'reason'),
    () => checkEffectiveDate(c.effectiveDate, context.today),
    () => (changed.length > 0 ? null : domainError('person.no_changes', 'Name at least one detail to change')),
  );
  if (error) return refuse(error);
  const details = checkDetails(c, context.today, state.profile?.birthDate);
  if (!details.ok) return details;
  const { name, latinName, citizenship, personal, warnings } = details.value;
  const data = compact({
    reason: c.reason,
    effectiveDate: c.effectiveDate,
    name,
    latinName,
    citizenship,
    personal: Object.keys(personal).length > 0 ? personal : undefined,
  });
  return accept([{ type: 'PersonDetailsChanged', data }], warnings);
}

function decideRetract(c: RetractEvent, state: PersonState, context: PersonContext): Decision<PersonEvent> {
  const decider = { initialState: initialPersonState, evolve: evolvePerson, checkInvariants: checkPersonInvariants };
  const officerPeriods = required(context.officerPeriods, 'officerPeriods');
  const organisations = required(context.organisations, 'organisations');
  return decideRetraction(decider, c, state, context, (without) =>
    firstError(
      () => checkOfficersStayMembers(without, officerPeriods),
      () => checkPlacementsInsideLifetimes(without, organisations),
    ),
  );
}

/** The person's own rules first, then those of the meetings its decisions cite. */
export function decidePersonCommand(
  command: PersonCommand,
  state: PersonState,
  context: PersonContext,
): Decision<PersonEvent> {
  const decision = decideOwnRules(command, state, context);
  if (!decision.ok) return decision;
  const basisError = checkDecisionBases(personDecisions(command), context);
  return basisError ? refuse(basisError) : decision;
}

function decideOwnRules(command: PersonCommand, state: PersonState, context: PersonContext): Decision<PersonEvent> {
  const erased = refuseAfterErasure(command, state);
  if (erased) return refuse(erased);
  switch (command.type) {
    case 'RegisterPerson':
      return decideRegister(command, state, context);
    case 'ChangePersonDetails':
      return decideChangeDetails(command, state, context);
    case 'AdmitMember':
      return decideAdmit(command, state, context);
    case 'TransferMember':
      return decideTransfer(command, state, context);
    case 'SuspendMembership':
    case 'ReinstateMembership':
      return decideSuspendOrReinstate(command, state, context);
    case 'TerminateMembership':
      return decideTerminate(command, state, context);
    case 'RetractEvent':
      return decideRetract(command, state, context);
    case 'ErasePersonalData':
      return decideErase(command, state, context);
    default: {
      const _exhaustive: never = command;
      return _exhaustive;
    }
  }
}
