import { makeIin } from '../shared/iin';
import { deciderSpec } from '../testing/given-when-then';
import { personRegistered, TODAY } from '../testing/fixtures';
import { type RegisterPerson } from './person.commands';
import { personDecider } from './person.decider';

const spec = deciderSpec(personDecider);
const base = { today: TODAY };
const IIN = makeIin('1980-05-05', 'male', 1);

const register = (overrides: Partial<RegisterPerson> = {}): RegisterPerson => ({
  type: 'RegisterPerson',
  personId: 'person-0001',
  name: { surname: 'Тестов', given: 'Синтетик', patronymic: 'Генераторұлы' },
  latinName: { surname: 'Testov', given: 'Sintetik' },
  iin: IIN,
  citizenship: 'KZ',
  contacts: { phone: '+7 700 000 00 00' },
  ...overrides,
});

describe('RegisterPerson', () => {
  it('keeps IIN, birth date and contacts in the personal sub-object, taking the birth date from the IIN', () => {
    spec
      .given()
      .when(register(), base)
      .then({
        type: 'PersonRegistered',
        data: {
          personId: 'person-0001',
          name: { surname: 'Тестов', given: 'Синтетик', patronymic: 'Генераторұлы' },
          latinName: { surname: 'Testov', given: 'Sintetik' },
          citizenship: 'KZ',
          personal: { iin: IIN, birthDate: '1980-05-05', contacts: { phone: '+7 700 000 00 00' } },
          effectiveDate: TODAY,
        },
      });
  });

  it('registers a person without IIN, and warns when the IIN does not match the birth date', () => {
    const bare = spec
      .given()
      .when(
        register({ iin: undefined, latinName: undefined, contacts: undefined, birthDate: '1990-01-01' }),
        base,
      ).decision;
    expect(bare.ok && bare.events[0]?.data).toMatchObject({ personal: { birthDate: '1990-01-01' } });
    const mismatch = spec.given().when(register({ birthDate: '1980-05-06' }), base).decision;
    expect(mismatch.ok && mismatch.warnings).toEqual([expect.objectContaining({ code: 'iin.birth_date_mismatch' })]);
    expect(mismatch.ok && mismatch.events[0]?.data).toMatchObject({ personal: { birthDate: '1980-05-06' } });
  });

  it.each([
    ['person.already_registered', [personRegistered()], register()],
    ['name.invalid', [], register({ name: { surname: 'Testov', given: 'Синтетик' } })],
    ['name.invalid', [], register({ name: undefined as never })],
    ['name.invalid', [], register({ latinName: { surname: 'Тестов', given: 'S' } })],
    ['iin.invalid', [], register({ iin: '800505300000' })],
    ['field.invalid', [], register({ citizenship: 'kz' })],
    ['date.in_future', [], register({ birthDate: '2030-01-01' })],
    ['date.invalid', [], register({ birthDate: '1980-02-30' })],
    ['field.invalid', [], register({ contacts: { email: 'not-an-address' } })],
  ])('refuses with %s', (code, given, command) => {
    spec
      .given(...given)
      .when(command, base)
      .thenError(code as never);
  });
});

describe('ChangePersonDetails', () => {
  it('records only the changed fields, personal ones in the personal sub-object', () => {
    spec
      .given(personRegistered())
      .when(
        {
          type: 'ChangePersonDetails',
          reason: 'corrected',
          effectiveDate: '2024-01-01',
          birthDate: '1980-06-05',
          name: { surname: 'Тестова', given: 'Синтетика' },
        },
        base,
      )
      .then({
        type: 'PersonDetailsChanged',
        data: {
          reason: 'corrected',
          effectiveDate: '2024-01-01',
          name: { surname: 'Тестова', given: 'Синтетика' },
          personal: { birthDate: '1980-06-05' },
        },
      });
  });

  it('warns when a new IIN does not match the known birth date', () => {
    const decision = spec.given(personRegistered('1980-05-05')).when(
      {
        type: 'ChangePersonDetails',
        reason: 'corrected',
        effectiveDate: '2024-01-01',
        iin: makeIin('1981-01-01', 'female', 7),
      },
      base,
    ).decision;
    expect(decision.ok && decision.warnings?.[0]?.code).toBe('iin.birth_date_mismatch');
    expect(decision.ok && decision.events[0]?.data).toEqual(
      expect.not.objectContaining({ personal: expect.objectContaining({ birthDate: expect.anything() }) }),
    );
  });

  it.each([
    [
      'person.not_found',
      [],
      {
        type: 'ChangePersonDetails' as const,
        reason: 'changed' as const,
        effectiveDate: '2024-01-01',
        citizenship: 'RU',
      },
    ],
    [
      'person.no_changes',
      [personRegistered()],
      { type: 'ChangePersonDetails' as const, reason: 'changed' as const, effectiveDate: '2024-01-01' },
    ],
    [
      'field.invalid',
      [personRegistered()],
      { type: 'ChangePersonDetails' as const, reason: 'whim' as never, effectiveDate: '2024-01-01', citizenship: 'RU' },
    ],
    [
      'date.in_future',
      [personRegistered()],
      {
        type: 'ChangePersonDetails' as const,
        reason: 'changed' as const,
        effectiveDate: '2025-01-01',
        citizenship: 'RU',
      },
    ],
    [
      'iin.invalid',
      [personRegistered()],
      { type: 'ChangePersonDetails' as const, reason: 'corrected' as const, effectiveDate: '2024-01-01', iin: '1' },
    ],
  ])('refuses with %s', (code, given, command) => {
    spec
      .given(...given)
      .when(command, base)
      .thenError(code as never);
  });
});
