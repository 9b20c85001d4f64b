import { regionsOn, topLevelRegion } from './kato';

/** DOMAIN.md, Regions: the top-level units and their KATO codes as the domain lists them, 17 before 8 Jun 2022 and 20 from it. */
const DOMAIN_REGIONS: Array<[string, string]> = [
  ['100000000', 'Abai Region'],
  ['110000000', 'Akmola Region'],
  ['150000000', 'Aktobe Region'],
  ['190000000', 'Almaty Region'],
  ['230000000', 'Atyrau Region'],
  ['270000000', 'West Kazakhstan Region'],
  ['310000000', 'Zhambyl Region'],
  ['330000000', 'Jetisu Region'],
  ['350000000', 'Karaganda Region'],
  ['390000000', 'Kostanay Region'],
  ['430000000', 'Kyzylorda Region'],
  ['470000000', 'Mangystau Region'],
  ['550000000', 'Pavlodar Region'],
  ['590000000', 'North Kazakhstan Region'],
  ['610000000', 'Turkistan Region'],
  ['620000000', 'Ulytau Region'],
  ['630000000', 'East Kazakhstan Region'],
  ['710000000', 'Astana'],
  ['750000000', 'Almaty'],
  ['790000000', 'Shymkent'],
];
/** Abai, Jetisu and Ulytau, each with the region it was split off. */
const SPLIT_OFF: Array<[string, string]> = [
  ['100000000', '630000000'],
  ['330000000', '190000000'],
  ['620000000', '350000000'],
];

const listed = (date: string) => regionsOn(date).map((r): [string, string] => [r.kato, r.name.en]);

describe('Regions', () => {
  it('given 8 Jun 2022 or later, when the top-level units are listed, then they are the twenty of the domain', () => {
    expect(listed('2022-06-08')).toEqual(DOMAIN_REGIONS);
    expect(listed('2024-01-01')).toEqual(DOMAIN_REGIONS);
  });

  it('given a day before 8 Jun 2022, when they are listed, then the three split-off regions are not among them', () => {
    const newRegions = SPLIT_OFF.map(([kato]) => kato);
    expect(listed('2022-06-07')).toEqual(DOMAIN_REGIONS.filter(([kato]) => !newRegions.includes(kato)));
  });

  it.each(SPLIT_OFF)(
    'given a day before the split, territory of %s lies in %s; from the split day, in itself',
    (kato, from) => {
      const district = `${kato.slice(0, 2)}1010000`;
      expect([topLevelRegion(district, '2022-06-07')?.kato, topLevelRegion(district, '2022-06-08')?.kato]).toEqual([
        from,
        kato,
      ]);
    },
  );
});
