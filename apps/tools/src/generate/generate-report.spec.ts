import { formatSummary, ProgressLine } from './generate-report';

describe('the generator report', () => {
  it('sums up the party in one line', () => {
    const line = formatSummary(
      {
        organisations: 239,
        regionalBranches: 20,
        cityAndDistrictBranches: 200,
        bodies: 18,
        posts: 681,
        tenures: 2070,
        people: 1_000_000,
        officers: 1412,
        membersOnLastDay: 941_092,
        lastDay: '2026-11-24',
        events: 3_388_755,
      },
      150,
    );
    expect(line).toBe(
      'generated: 239 organisations (party, 20 regional branches, 200 city and district branches, 18 bodies), ' +
        '681 posts, 2,070 tenures, 1,000,000 people (1,412 of them officers at some time), ' +
        '941,092 members on 2026-11-24, 3,388,755 events, 150.0 s (22,592 events/s)',
    );
  });

  it('shows progress on a terminal only, a few times a second', () => {
    const written: string[] = [];
    const out = (isTTY: boolean) => ({ isTTY, write: (s: string) => written.push(s) }) as unknown as NodeJS.WriteStream;
    let now = 0;
    new ProgressLine(out(false), 10, 0, () => now).show({ people: 5, events: 50 });
    expect(written).toEqual([]);
    const line = new ProgressLine(out(true), 10, 0, () => now);
    now = 1000;
    line.show({ people: 5, events: 50 });
    now = 1100;
    line.show({ people: 6, events: 60 });
    now = 2000;
    line.show({ people: 10, events: 100 });
    line.end();
    expect(written).toEqual([
      '\r  people 5/10 · events 50 · 50 events/s · 1 s ',
      '\r  people 10/10 · events 100 · 50 events/s · 2 s ',
      '\n',
    ]);
  });
});
