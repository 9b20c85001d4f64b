import { membershipOn, type PersonState } from '@baytaq/domain';
import { HISTORY_LAST_DAY } from './history-calendar';
import type { MemberLife } from './member-lives';
import { PersonRecorder, type PersonWorld } from './person-recorder';
import type { IinAllocator } from './synthetic-iins';
import { withLatin } from './synthetic-names';

const MISTAKES = {
  transfer: 'Entered in error: the transfer was meant for another member',
  suspend: 'Entered in error: the suspension concerned another member',
  end: 'Entered in error: the member did not leave; the statement was withdrawn before it was accepted',
} as const;

/** Records one member's whole life through the person decider; the state is returned, then dropped by the caller. */
export function recordMember(
  world: PersonWorld,
  iins: IinAllocator,
  index: number,
  personId: string,
  life: MemberLife,
): PersonState {
  const { person, steps } = life;
  const recorder = new PersonRecorder(personId, world, `generated-person-${index}`, true);
  const iin = iins.allocate(person.birthDate, person.sex);
  const { name, latinName } = person;
  recorder.register({ name, latinName, iin, citizenship: 'KZ', effectiveDate: steps[0]!.date });
  let admissions = 0;
  for (const step of steps) {
    switch (step.type) {
      case 'admit': {
        const card = `SYN-${String(index + 1).padStart(7, '0')}${admissions++ > 0 ? `-${admissions}` : ''}`;
        recorder.admit(step.org.id, step.date, { cardNumber: card });
        break;
      }
      case 'transfer': {
        const eventId = recorder.transfer(step.org.id, step.date);
        if (step.retractedOn) recorder.retract(eventId, MISTAKES.transfer, step.retractedOn);
        break;
      }
      case 'suspend': {
        const eventId = recorder.suspend(step.date);
        if (step.retractedOn) recorder.retract(eventId, MISTAKES.suspend, step.retractedOn);
        break;
      }
      case 'reinstate':
        recorder.reinstate(step.date);
        break;
      case 'end': {
        const basis = step.reason === 'expelled' ? { document: 'Decision of the branch political council' } : undefined;
        const eventId = recorder.terminate(step.date, step.reason, basis);
        if (step.retractedOn) recorder.retract(eventId, MISTAKES.end, step.retractedOn);
        break;
      }
      case 'rename': {
        const renamed = withLatin({ ...recorder.state.profile!.name, surname: step.surname });
        recorder.changeName(step.date, renamed.name, renamed.latinName);
        break;
      }
      case 'citizenship':
        recorder.changeCitizenship(step.date, step.value);
        break;
    }
  }
  recorder.flush();
  return recorder.state;
}

export function isMemberOnLastDay(state: PersonState): boolean {
  return membershipOn(state, HISTORY_LAST_DAY) !== null;
}
