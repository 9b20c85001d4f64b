import { isDeepStrictEqual } from 'node:util';
import { describeOutcome, isSuccess, pool, type Outcome, type RegistryHttp, type WriteAnswer } from './crash-http';
import { comparePositions, type LogIndex } from './log-index';
import { DATES, type PlannedWrite } from './write-mix';

interface Membership {
  from: string;
  to: string | null;
  endReason: string | null;
  placements: Array<{ organisationId: string }>;
}
interface Holders {
  postId: string;
  entries: Array<{ kind: string; tenureId?: string; personId?: string; from: string }>;
}

const READ_CONCURRENCY = 16;

/** (a) What is wrong with an acknowledged write: its events are in the log, and the resource reads back. */
export async function acknowledgedProblem(
  http: RegistryHttp,
  log: LogIndex,
  write: PlannedWrite,
  answer: WriteAnswer,
): Promise<string | undefined> {
  const name = `${write.kind} #${write.seq} (${answer.id})`;
  if (!Array.isArray(answer.eventIds) || answer.eventIds.length === 0) return `${name}: answered without eventIds`;
  for (const eventId of answer.eventIds) {
    const event = log.get(eventId);
    if (!event) return `${name}: event ${eventId} is not in the log`;
    if (comparePositions(answer.position, event.position) < 0)
      return `${name}: answered position ${answer.position} before its event's ${event.position}`;
  }
  return (await readsBack(http, log, write, answer)) ? undefined : `${name}: does not read back`;
}

async function readsBack(
  http: RegistryHttp,
  log: LogIndex,
  write: PlannedWrite,
  answer: WriteAnswer,
): Promise<boolean> {
  const after = `minPosition=${encodeURIComponent(answer.position)}`;
  const memberships = async () =>
    (await http.read<{ memberships: Membership[] }>(`/v1/people/${write.personId}/membership?${after}`)).memberships;
  switch (write.kind) {
    case 'register': {
      const person = await http.read<{ id: string; name: { surname: string } }>(`/v1/people/${answer.id}?${after}`);
      return person.name.surname === (write.body['name'] as { surname: string }).surname;
    }
    case 'admit':
      return (await memberships()).some(
        (m) =>
          m.from === DATES.admission && m.placements.some((p) => p.organisationId === write.body['organisationId']),
      );
    case 'termination':
      return (await memberships()).some((m) => m.to === DATES.termination && m.endReason === 'resigned');
    case 'post':
      return (await http.read<Holders>(`/v1/posts/${answer.id}/holders?${after}`)).postId === answer.id;
    case 'tenure': {
      const { entries } = await http.read<Holders>(`/v1/posts/${write.postId}/holders?${after}`);
      return entries.some((e) => e.tenureId === answer.id && e.personId === write.personId && e.from === DATES.tenure);
    }
    case 'meeting': {
      // No read of a meeting by id exists yet: the log must hold it, in the meeting's own stream.
      const event = log.get(answer.eventIds[0]!);
      return event?.type === 'MeetingRecorded' && event.stream.endsWith(answer.id);
    }
  }
}

export interface RetryOutcome {
  outcome: Outcome;
  /** Its events were in the log before the retry: the crash came after the commit. */
  committedBefore: boolean;
  problem?: string;
}

/**
 * (b) A write whose answer the crash swallowed, sent again with its Idempotency-Key and body, twice:
 * the first retry must succeed as the write would have (a replay of the stored write, or the write
 * itself if it was never committed), and the second must answer exactly as the first.
 */
export async function retrySwallowed(http: RegistryHttp, before: LogIndex, write: PlannedWrite): Promise<RetryOutcome> {
  const again = () => http.send('POST', write.path, write.body, { 'idempotency-key': write.key });
  const name = `${write.kind} #${write.seq} (key ${write.key})`;
  const outcome = await again();
  if (!isSuccess(outcome) || outcome.status !== write.success) {
    const body = outcome.kind === 'answer' ? `: ${String(outcome.body['detail'] ?? '')}` : '';
    return { outcome, committedBefore: false, problem: `${name}: retry answered ${describeOutcome(outcome)}${body}` };
  }
  const answer = outcome.body as unknown as WriteAnswer;
  const stored = answer.eventIds.filter((id) => before.has(id));
  const committedBefore = stored.length > 0;
  if (committedBefore && stored.length !== answer.eventIds.length)
    return {
      outcome,
      committedBefore,
      problem: `${name}: ${stored.length} of its events were stored before the retry`,
    };
  const second = await again();
  if (second.kind !== 'answer' || second.status !== outcome.status || !isDeepStrictEqual(second.body, outcome.body))
    return { outcome, committedBefore, problem: `${name}: a second retry answered ${JSON.stringify(second)}` };
  return { outcome, committedBefore };
}

/** An acknowledged write sent again with its key must get its first answer, byte for byte. */
export async function replayProblem(
  http: RegistryHttp,
  write: PlannedWrite,
  first: Extract<Outcome, { kind: 'answer' }>,
): Promise<string | undefined> {
  const again = await http.send('POST', write.path, write.body, { 'idempotency-key': write.key });
  if (again.kind === 'answer' && again.status === first.status && isDeepStrictEqual(again.body, first.body))
    return undefined;
  return `${write.kind} #${write.seq}: answered ${first.status} first, then ${JSON.stringify(again)}`;
}

/** (c) The officers with a tenure outside their membership, read at `minPosition`. */
export async function officersOutsideMembership(
  http: RegistryHttp,
  officers: readonly string[],
  minPosition: string | undefined,
): Promise<string[]> {
  const after = minPosition === undefined ? '' : `?minPosition=${encodeURIComponent(minPosition)}`;
  const outside: string[] = [];
  await pool(officers.length, READ_CONCURRENCY, async (i) => {
    const id = officers[i]!;
    const [{ memberships }, { positions }] = await Promise.all([
      http.read<{ memberships: Membership[] }>(`/v1/people/${id}/membership${after}`),
      http.read<{ positions: Array<{ from: string; to: string | null }> }>(`/v1/people/${id}/positions${after}`),
    ]);
    const inside = (t: { from: string; to: string | null }) =>
      memberships.some((m) => m.from <= t.from && (m.to === null || (t.to !== null && t.to <= m.to)));
    if (!positions.every(inside)) outside.push(id);
  });
  return outside;
}

/**
 * (c) once the service is quiet: checked at the log's head, and those found outside checked again
 * while the head still moves (a process finishing a termination's consequences), up to `maxMs`;
 * once the head has stood still for `stillMs` the answer is final.
 */
export async function outsideOnceQuiet(
  http: RegistryHttp,
  officers: readonly string[],
  { stillMs, maxMs }: { stillMs: number; maxMs: number },
): Promise<string[]> {
  const started = Date.now();
  let head: string | undefined;
  let moved = started;
  let outside = officers;
  for (;;) {
    const now = await http.head();
    if (now !== head) [head, moved] = [now, Date.now()];
    outside = await officersOutsideMembership(http, outside, head);
    if (outside.length === 0 || Date.now() - moved >= stillMs || Date.now() - started >= maxMs) return [...outside];
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
