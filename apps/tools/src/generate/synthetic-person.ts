import { addDays, addYears, type LatinName, type LocalDate, type PersonName, type Sex } from '@baytaq/domain';
import type { SeededRandom } from './seeded-random';
import { syntheticName } from './synthetic-names';

export interface SyntheticPerson {
  sex: Sex;
  name: PersonName;
  latinName: LatinName;
  birthDate: LocalDate;
}

/** A person who is at least `age` years old on `onDate`: born `age` years and up to a year earlier. */
export function syntheticPerson(rng: SeededRandom, onDate: LocalDate, age: number): SyntheticPerson {
  const sex: Sex = rng.chance(0.52) ? 'female' : 'male';
  const birthDate = addDays(addYears(onDate, -age), -rng.int(0, 364));
  return { sex, ...syntheticName(rng, sex), birthDate };
}
