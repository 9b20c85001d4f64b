import { iinCheckDigit, makeIin, type LocalDate, type Sex } from '@baytaq/domain';
import { seedOf } from './seeded-random';

const SERIALS = 10_000;
/** Coprime with SERIALS: counter × STEP runs through every serial once, in a scattered order. */
const STEP = 7_919;

/**
 * Unique, valid, synthetic IINs. Two IINs of one birth date and sex differ only in the serial,
 * so each (date, sex) walks its own permutation of the serials, starting at a point the seed
 * chooses. A serial that `makeIin` had to move (no check digit) is skipped, since the walk may
 * reach the serial it moved to as well. `taken` lets a store that already holds IINs veto some.
 */
export class IinAllocator {
  private readonly counters = new Map<string, number>();

  constructor(
    private readonly seed: number,
    private readonly taken: (iin: string) => boolean = () => false,
  ) {}

  allocate(birthDate: LocalDate, sex: Sex): string {
    const key = `${birthDate}${sex}`;
    let counter = this.counters.get(key) ?? 0;
    const offset = seedOf(this.seed, 'iin', key) % SERIALS;
    while (counter < SERIALS) {
      const serial = (counter * STEP + offset) % SERIALS;
      counter += 1;
      const iin = makeIin(birthDate, sex, serial);
      if (Number(iin.slice(7, 11)) !== serial || this.taken(iin)) continue;
      this.counters.set(key, counter);
      return iin;
    }
    throw new RangeError(`no IIN serial left for ${birthDate} (${sex})`);
  }
}

/**
 * A synthetic business identification number of a registered organisation: the month of
 * registration, 4 (a legal entity) or 5 (a branch), 0, a serial and the IIN check digit.
 */
export function syntheticBin(registered: LocalDate, branch: boolean, serial: number): string {
  for (let attempt = 0; attempt < 100; attempt++) {
    const first11 = `${registered.slice(2, 4)}${registered.slice(5, 7)}${branch ? 5 : 4}0${String((serial + attempt) % 100_000).padStart(5, '0')}`;
    const check = iinCheckDigit(first11);
    if (check !== null) return `${first11}${check}`;
  }
  throw new RangeError('no BIN serial with a check digit'); // unreachable: most serials have one
}
