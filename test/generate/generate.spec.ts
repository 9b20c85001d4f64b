import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  foldStream,
  isCoveredBy,
  meetingDecider,
  membershipPeriods,
  organisationDecider,
  parseIin,
  personDecider,
  type Envelope,
  type MeetingEvent,
  type OrganisationEvent,
  type OrganisationState,
  type PersonEvent,
  type PersonState,
} from '@baytaq/domain';
import type { RecordedEvent } from '@baytaq/event-store';
import { byStream, readLog, registeredIins, runGenerator } from './run-generator';

const envelopes = <E>(events: RecordedEvent[]): Envelope<E>[] =>
  events.map((e) => ({ eventId: e.id, event: { type: e.type, data: e.data } as unknown as E }));

/** The rule a stream's fold breaks, or null; a stream the generator should not have written is one too. */
function violation(stream: string, events: RecordedEvent[]): unknown {
  if (stream.startsWith('person-')) {
    return personDecider.checkInvariants(foldStream(personDecider, envelopes<PersonEvent>(events)));
  }
  if (stream.startsWith('organisation-')) {
    return organisationDecider.checkInvariants(foldStream(organisationDecider, envelopes<OrganisationEvent>(events)));
  }
  if (stream.startsWith('meeting-')) {
    return meetingDecider.checkInvariants(foldStream(meetingDecider, envelopes<MeetingEvent>(events)));
  }
  return `unexpected stream ${stream}`;
}

describe('npm run generate: a synthetic party of 300 members, seed 7', () => {
  const dirs = [mkdtempSync(join(tmpdir(), 'baytaq-gen-a-')), mkdtempSync(join(tmpdir(), 'baytaq-gen-b-'))];
  let log: RecordedEvent[];
  let streams: Map<string, RecordedEvent[]>;
  const people = new Map<string, PersonState>();
  const orgs = new Map<string, OrganisationState>();
  let summaryLine: string;

  beforeAll(async () => {
    for (const dir of dirs) {
      const run = runGenerator(['--members', '300', '--seed', '7', '--data-dir', dir]);
      expect([run.status, run.stderr]).toEqual([0, '']);
      summaryLine = run.stdout;
    }
    log = await readLog(dirs[0]!);
    streams = byStream(log);
    for (const [stream, events] of streams) {
      if (stream.startsWith('person-'))
        people.set(stream.slice(7), foldStream(personDecider, envelopes<PersonEvent>(events)));
      if (stream.startsWith('organisation-'))
        orgs.set(stream.slice(13), foldStream(organisationDecider, envelopes<OrganisationEvent>(events)));
    }
  }, 60_000);
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  const ofType = (type: string, prefix = '') => log.filter((e) => e.type === type && e.stream.startsWith(prefix));

  it('writes the same streams, types and data for the same seed and size', async () => {
    const other = await readLog(dirs[1]!);
    const shape = (events: RecordedEvent[]) => events.map((e) => [e.stream, e.type, e.data]);
    expect(shape(other)).toEqual(shape(log));
    expect(summaryLine).toMatch(/^generated: .* 300 people .* events, [\d.]+ s/);
  });

  it('folds every stream without breaking a rule', () => {
    const violations = [...streams]
      .filter(([stream]) => !stream.startsWith('iin-'))
      .map(([stream, events]) => [stream, violation(stream, events)]);
    expect(violations.filter(([, error]) => error !== null)).toEqual([]);
    expect(violations.length).toBeGreaterThan(300 + 200);
    expect(people.size).toBe(300);
  });

  it('has a party, 20 regional branches and about 200 city and district branches', () => {
    const kinds = ofType('OrganisationEstablished').map((e) => e.data['kind']);
    expect(kinds.filter((k) => k === 'party')).toHaveLength(1);
    expect(kinds.filter((k) => k === 'regional_branch')).toHaveLength(20);
    const local = kinds.filter((k) => k === 'city_branch' || k === 'district_branch').length;
    expect(local).toBeGreaterThanOrEqual(190);
    expect(local).toBeLessThanOrEqual(210);
    expect(kinds.filter((k) => k === 'body').length).toBeGreaterThanOrEqual(2);
  });

  it('keeps every officer a member on every day of every tenure', () => {
    let tenures = 0;
    for (const state of orgs.values()) {
      for (const tenure of Object.values(state.tenures)) {
        const holder = people.get(tenure.personId);
        expect(holder && isCoveredBy(tenure.period, membershipPeriods(holder).member)).toBe(true);
        tenures += 1;
      }
    }
    expect(tenures).toBeGreaterThan(50);
  });

  it('shows retractions, transfers, suspensions, acting holders, vacancies and successors on the day', () => {
    const retracted = (prefix: string) => ofType('EventRetracted', prefix).map((e) => e.data['retractedType']);
    expect(retracted('person-')).toEqual(expect.arrayContaining(['MemberTransferred', 'MembershipEnded']));
    expect(retracted('organisation-')).toContain('TenureEnded');
    expect(retracted('meeting-')).toContain('MeetingRecorded');
    expect(ofType('MemberTransferred').length).toBeGreaterThan(0);
    expect(ofType('MembershipSuspended').length).toBeGreaterThan(0);
    expect(ofType('MembershipEnded').length).toBeGreaterThan(0);
    expect(ofType('TenureStarted').filter((e) => e.data['method'] === 'acting').length).toBeGreaterThan(0);
    const gaps = { vacancy: 0, sameDay: 0 };
    for (const state of orgs.values()) {
      for (const post of Object.values(state.posts).filter((p) => p.seats === 1)) {
        const held = Object.values(state.tenures)
          .filter((t) => t.postId === post.id)
          .sort((a, b) => (a.period.from < b.period.from ? -1 : 1));
        held.slice(1).forEach((t, i) => {
          const before = held[i]!.period.to;
          if (before === t.period.from) gaps.sameDay += 1;
          else if (before !== undefined && before < t.period.from) gaps.vacancy += 1;
        });
      }
    }
    expect(gaps.vacancy).toBeGreaterThan(0);
    expect(gaps.sameDay).toBeGreaterThan(0);
  });

  it('gives every person a valid, unique IIN, reserved as the app reserves it, and an obviously synthetic name', () => {
    const registered = ofType('PersonRegistered');
    const iins = registeredIins(registered);
    expect(iins.every((iin) => parseIin(iin).ok)).toBe(true);
    expect(new Set(iins).size).toBe(registered.length);
    const reservations = ofType('IinReserved', 'iin-');
    expect(new Set(reservations.map((e) => e.stream)).size).toBe(registered.length);
    expect(new Set(reservations.map((e) => e.data['personId']))).toEqual(new Set(people.keys()));
    for (const e of registered) {
      expect((e.data['name'] as { surname: string }).surname).toMatch(/^Синт/);
      expect((e.data['latinName'] as { surname: string }).surname).toMatch(/^Synt/);
    }
  });

  it("carries the app's metadata on every decided event", () => {
    for (const e of log.filter((e) => !e.stream.startsWith('iin-'))) {
      expect(e.metadata).toMatchObject({ schemaVersion: 1, actor: 'generator', correlationId: 'generate-seed-7' });
      expect(typeof e.metadata['causationId']).toBe('string');
      expect(e.metadata['effectiveDate']).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  it('refuses a data directory that holds events (exit 2), and a seed already generated there even when appending', () => {
    const again = runGenerator(['--members', '10', '--seed', '7', '--data-dir', dirs[1]!]);
    expect([again.status, again.stderr]).toEqual([2, expect.stringContaining('already holds events')]);
    const sameSeed = runGenerator(['--members', '10', '--seed', '7', '--data-dir', dirs[1]!, '--force-append']);
    expect([sameSeed.status, sameSeed.stderr]).toEqual([2, expect.stringContaining('seed 7 has already generated')]);
  });

  it('appends a second party with --force-append, giving none of its people an IIN already taken', async () => {
    const second = runGenerator(['--members', '200', '--seed', '8', '--data-dir', dirs[1]!, '--force-append']);
    expect([second.status, second.stderr]).toEqual([0, '']);
    const both = await readLog(dirs[1]!);
    const iins = registeredIins(both);
    expect(iins).toHaveLength(500);
    expect(new Set(iins).size).toBe(500);
    expect(new Set(both.map((e) => e.id)).size).toBe(both.length);
  });
});
