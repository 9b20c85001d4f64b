import type { Answer } from './http';
import { expectStatus } from './http';

type Call = (
  method: 'GET' | 'POST' | 'DELETE',
  url: string,
  payload?: unknown,
  headers?: Record<string, string>,
) => Promise<Answer>;

/** The writes most end-to-end scenarios repeat, with synthetic names. */
export function registryWrites(call: Call) {
  return {
    async createPost(organisationId: string, role: string, title: string, effectiveDate: string): Promise<string> {
      const body = { title: { ru: title }, role, effectiveDate };
      return expectStatus(await call('POST', `/v1/organisations/${organisationId}/posts`, body), 201)['id'] as string;
    },
    startTenure(postId: string, personId: string, effectiveDate: string, method = 'elected'): Promise<Answer> {
      return call('POST', `/v1/posts/${postId}/tenures`, { personId, effectiveDate, method });
    },
  };
}
