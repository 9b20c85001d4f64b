import { deciderSpec } from '../testing/given-when-then';
import { admitted, branchEstablished, ended, personRegistered, postCreated, TODAY } from '../testing/fixtures';
import { organisationDecider } from '../organisation/organisation.decider';
import { membershipPeriods } from './person.context';
import { type ErasePersonalData, type PersonCommand } from './person.commands';
import { personDecider } from './person.decider';
import { type PersonEvent } from './person.events';
import { ERASED_NAME } from './personal-fields';

const spec = deciderSpec(personDecider);
const erase: ErasePersonalData = {
  type: 'ErasePersonalData',
  reason: 'The subject withdrew consent',
  legalBasis: 'Law No. 94-V "On Personal Data and Their Protection"',
};
const neverOfficer = { today: TODAY, officerPeriods: [] };
const officer = { today: TODAY, officerPeriods: [{ from: '2022-02-01', to: '2022-09-01' }] };
const erased = (publicName?: { surname: string; given: string }): PersonEvent => ({
  type: 'PersonalDataErased',
  data: { erasedOn: TODAY, reason: erase.reason, legalBasis: erase.legalBasis, ...(publicName ? { publicName } : {}) },
});

describe('ErasePersonalData', () => {
  it('records the erasure with no name for a person who never held a post', () => {
    spec
      .given(personRegistered(), admitted('2022-01-10'), ended('2023-01-10'))
      .when(erase, neverOfficer)
      .then(erased());
  });

  it("keeps an officer's name as they were last known, Latin form included", () => {
    const latinName = { surname: 'Testov', given: 'Sintetik' };
    const renamed: PersonEvent = {
      type: 'PersonDetailsChanged',
      data: {
        reason: 'changed',
        effectiveDate: '2023-01-01',
        name: { surname: 'Новотестов', given: 'Синтетик' },
        latinName,
      },
    };
    spec
      .given(personRegistered(), renamed)
      .when(erase, officer)
      .then({
        type: 'PersonalDataErased',
        data: { ...erased({ surname: 'Новотестов', given: 'Синтетик' }).data, publicLatinName: latinName } as never,
      });
  });

  it('erasing an erased person again records nothing and is not refused', () => {
    const decision = spec.given(personRegistered(), erased()).when(erase, neverOfficer).decision;
    expect(decision).toEqual({ ok: true, events: [] });
  });

  it('leaves the folded profile without personal data, named by the public name or the erased name', () => {
    const gone = spec.given(personRegistered('1980-05-05'), erased()).state;
    expect(gone.profile).toEqual({
      personId: 'person-0001',
      name: ERASED_NAME,
      citizenship: [{ from: null, value: 'KZ' }],
    });
    expect(gone.erasure).toEqual({ erasedOn: TODAY });
    const kept = spec.given(personRegistered(), erased({ surname: 'Тестов', given: 'Синтетик' })).state;
    expect(kept.profile?.name).toEqual({ surname: 'Тестов', given: 'Синтетик' });
    expect(kept.profile?.birthDate).toBeUndefined();
  });

  it.each([
    ['person.not_found', [], erase],
    ['field.invalid', [personRegistered()], { ...erase, reason: '  ' }],
    ['field.invalid', [personRegistered()], { ...erase, legalBasis: undefined as never }],
    ['text.control_character', [personRegistered()], { ...erase, legalBasis: 'Law\u0000' }],
    ['text.too_long', [personRegistered()], { ...erase, reason: 'x'.repeat(2001) }],
  ] as const)('refuses with %s', (code, history, command) => {
    spec
      .given(...(history as unknown as PersonEvent[]))
      .when(command, neverOfficer)
      .thenError(code);
  });

  it.each<PersonCommand>([
    { type: 'AdmitMember', organisationId: 'branch-0001', effectiveDate: '2024-01-01' },
    { type: 'ChangePersonDetails', reason: 'corrected', effectiveDate: '2024-01-01', iin: '800505300001' },
    { type: 'TerminateMembership', effectiveDate: '2024-01-01', reason: 'resigned' },
    { type: 'RetractEvent', eventId: 'e2', reason: 'made in error' },
    {
      type: 'RegisterPerson',
      personId: 'person-0001',
      name: { surname: 'Тестов', given: 'Синтетик' },
      citizenship: 'KZ',
    },
  ])('refuses $type on an erased person with person.erased', (command) => {
    spec
      .given(personRegistered(), admitted('2022-01-10'), erased())
      .when(command, { ...neverOfficer, organisation: null, minAge: 18 })
      .thenError('person.erased', { erasedOn: TODAY });
  });
});

describe('an erased person in other streams', () => {
  it('takes up no post: StartTenure is refused with person.erased, though the membership periods stay', () => {
    const person = spec.given(personRegistered(), admitted('2022-01-10'), erased()).state;
    const holder = membershipPeriods(person);
    expect(holder).toEqual({ member: [{ from: '2022-01-10' }], active: [{ from: '2022-01-10' }], erased: true });
    deciderSpec(organisationDecider)
      .given(branchEstablished('2023-01-10'), postCreated('chair', 1, '2023-01-10'))
      .when(
        {
          type: 'StartTenure',
          postId: 'chair',
          tenureId: 't-1',
          personId: 'person-0001',
          method: 'elected',
          effectiveDate: '2023-03-01',
          basis: { document: 'Protocol 1' },
        },
        { today: TODAY, holder },
      )
      .thenError('person.erased');
  });
});
