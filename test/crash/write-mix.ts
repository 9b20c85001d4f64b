import { SeededRandom } from '../../apps/tools/src/generate/seeded-random';
import type { WriteAnswer } from './crash-http';

export type WriteKind = 'register' | 'admit' | 'meeting' | 'post' | 'tenure' | 'termination';

/** One write the clients send: every one with its own Idempotency-Key, kept to retry it as it was. */
export interface PlannedWrite {
  seq: number;
  kind: WriteKind;
  path: string;
  body: Record<string, unknown>;
  key: string;
  /** The status of its success. */
  success: 200 | 201;
  /** The person an admission, a termination or a tenure is about; the post of a tenure. */
  personId?: string;
  postId?: string;
}

/** The dates of the story: everything valid whatever order the writes land in. */
export const DATES = {
  party: '2022-01-01',
  branch: '2022-06-01',
  posts: '2023-01-15',
  admission: '2023-02-01',
  officerTenure: '2023-03-01',
  tenure: '2023-04-01',
  termination: '2024-06-01',
} as const;

const SURNAMES = ['Синтетов', 'Синтетова', 'Тестов', 'Тестова', 'Крашев', 'Крашева'];
const GIVEN = ['Синтетик', 'Тестер', 'Проба'];

/** Relative weights of the writes other than terminations (those are placed by the cycle). */
const WEIGHTS: ReadonlyArray<[Exclude<WriteKind, 'termination'>, number]> = [
  ['register', 30],
  ['admit', 25],
  ['tenure', 10],
  ['meeting', 15],
  ['post', 3],
];

/**
 * The writes of the run and what they may refer to. A write only names people and posts whose
 * creation was answered with success (or whose retry was), and takes what it consumes (a person to
 * admit, a member to appoint, an officer to terminate) out of its pool, so that every write is valid
 * in any interleaving: a refusal is the service's, not the plan's.
 */
export class WriteMix {
  private seq = 0;
  private readonly registered: string[] = [];
  private readonly members: string[] = [];
  private readonly posts: string[] = [];
  private readonly officers: string[];
  private readonly random: SeededRandom;

  constructor(
    seed: number,
    private readonly branchId: string,
    officers: readonly string[],
    posts: readonly string[],
  ) {
    this.random = SeededRandom.for(seed, 'write-mix');
    this.officers = this.random.sample(officers, officers.length);
    this.posts.push(...posts);
  }

  get officersLeft(): number {
    return this.officers.length;
  }

  /** The next write; a termination of an officer when asked for one and one is left. */
  next(termination: boolean): PlannedWrite {
    const officer = termination ? this.officers.pop() : undefined;
    if (officer) {
      const body = { effectiveDate: DATES.termination, reason: 'resigned' };
      return this.write('termination', `/v1/people/${officer}/membership/termination`, body, 200, officer);
    }
    const possible = WEIGHTS.filter(([kind]) => this.possible(kind));
    const [kind] = this.random.weighted(possible, ([, weight]) => weight);
    return this.plan(kind);
  }

  /** A success answered (first time or on retry): what it created becomes available. */
  confirm(write: PlannedWrite, answer: WriteAnswer): void {
    if (write.kind === 'register') this.registered.push(answer.id);
    if (write.kind === 'admit') this.members.push(write.personId!);
    if (write.kind === 'post') this.posts.push(answer.id);
  }

  private possible(kind: WriteKind): boolean {
    if (kind === 'admit') return this.registered.length > 0;
    if (kind === 'tenure') return this.members.length > 0 && this.posts.length > 0;
    return true;
  }

  private plan(kind: Exclude<WriteKind, 'termination'>): PlannedWrite {
    const r = this.random;
    switch (kind) {
      case 'register':
        return this.write('register', '/v1/people', person(r), 201);
      case 'admit': {
        const personId = this.take(this.registered);
        const body = { organisationId: this.branchId, effectiveDate: DATES.admission };
        return this.write('admit', `/v1/people/${personId}/membership/admission`, body, 200, personId);
      }
      case 'tenure': {
        const personId = this.take(this.members);
        const postId = r.pick(this.posts);
        const body = { personId, effectiveDate: DATES.tenure, method: r.pick(['elected', 'appointed', 'co_opted']) };
        return { ...this.write('tenure', `/v1/posts/${postId}/tenures`, body, 201, personId), postId };
      }
      case 'meeting':
        return this.write('meeting', '/v1/meetings', meeting(r, this.branchId), 201);
      case 'post':
        return this.write('post', `/v1/organisations/${this.branchId}/posts`, post(r.int(1, 999)), 201);
    }
  }

  private take(from: string[]): string {
    const i = this.random.int(0, from.length - 1);
    return from.splice(i, 1)[0]!;
  }

  private write(
    kind: WriteKind,
    path: string,
    body: Record<string, unknown>,
    success: 200 | 201,
    personId?: string,
  ): PlannedWrite {
    const seq = ++this.seq;
    const key = `crash-${this.random.int(0, 0xffffff).toString(16)}-${seq}`;
    return { seq, kind, path, body, key, success, ...(personId ? { personId } : {}) };
  }
}

/** A registration with a server-chosen id; old enough to be admitted. */
export function person(r: SeededRandom): Record<string, unknown> {
  return {
    name: { surname: r.pick(SURNAMES), given: r.pick(GIVEN) },
    citizenship: 'KZ',
    birthDate: r.dateIn('1950-01-01', '2000-01-01'),
  };
}

/** A post of the branch that any number may hold (officers' tenures never run out of seats). */
export function post(n: number): Record<string, unknown> {
  return { title: { ru: `Член синтетического совета ${n}` }, role: 'member', seats: null, effectiveDate: DATES.posts };
}

function meeting(r: SeededRandom, organisationId: string): Record<string, unknown> {
  return {
    organisationId,
    kind: r.pick(['general_meeting', 'council_session', 'conference']),
    date: r.dateIn('2023-01-01', '2024-01-01'),
    place: 'Синтетград',
    attendance: r.int(10, 300),
    agenda: ['Синтетический вопрос'],
  };
}
