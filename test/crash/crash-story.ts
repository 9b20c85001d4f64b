import { SeededRandom } from '../../apps/tools/src/generate/seeded-random';
import { describeOutcome, isSuccess, pool, type RegistryHttp, type WriteAnswer } from './crash-http';
import { DATES, person, post } from './write-mix';

/** What the cycles write into: a party, its branch with posts of unlimited seats, and officers holding them. */
export interface CrashStory {
  partyId: string;
  branchId: string;
  posts: string[];
  /** Members of the branch, each holding tenures in two posts. */
  officers: string[];
}

const POSTS = 8;
const TENURES_PER_OFFICER = 2;

/** Set up once, before any kill; a write refused here is a broken suite, not a finding. */
export async function setUpStory(http: RegistryHttp, officerCount: number, seed: number): Promise<CrashStory> {
  const random = SeededRandom.for(seed, 'story');
  let n = 0;
  const write = async (path: string, body: Record<string, unknown>): Promise<WriteAnswer> => {
    const outcome = await http.send('POST', path, body, { 'idempotency-key': `story-${seed}-${++n}` });
    if (!isSuccess(outcome)) throw new Error(`set-up ${path}: ${describeOutcome(outcome)} ${JSON.stringify(outcome)}`);
    return outcome.body as unknown as WriteAnswer;
  };
  const partyId = (
    await write('/v1/organisations', {
      kind: 'party',
      name: { ru: 'Синтетическая партия' },
      effectiveDate: DATES.party,
    })
  ).id;
  const branchId = (
    await write('/v1/organisations', {
      kind: 'regional_branch',
      parentId: partyId,
      kato: '350000000',
      name: { ru: 'Синтетический филиал' },
      effectiveDate: DATES.branch,
    })
  ).id;
  const posts: string[] = [];
  for (let i = 0; i < POSTS; i++) posts.push((await write(`/v1/organisations/${branchId}/posts`, post(i))).id);
  const officers: string[] = [];
  await pool(officerCount, 16, async (i) => {
    const id = (await write('/v1/people', person(SeededRandom.for(seed, 'officer', i)))).id;
    await write(`/v1/people/${id}/membership/admission`, { organisationId: branchId, effectiveDate: DATES.admission });
    officers[i] = id;
  });
  // One after another: every tenure is a write to the branch's one stream.
  for (const officer of officers) {
    for (const postId of random.sample(posts, TENURES_PER_OFFICER)) {
      await write(`/v1/posts/${postId}/tenures`, {
        personId: officer,
        effectiveDate: DATES.officerTenure,
        method: 'elected',
      });
    }
  }
  return { partyId, branchId, posts, officers };
}
