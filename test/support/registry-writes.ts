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
  const created = async (path: string, body: unknown): Promise<string> =>
    expectStatus(await call('POST', path, body), 201)['id'] as string;
  return {
    establishParty(id: string, effectiveDate = '2022-09-24'): Promise<string> {
      return created('/v1/organisations', { id, kind: 'party', name: { kk: 'Байтақ', ru: 'Байтак' }, effectiveDate });
    },
    registerPerson(surname: string, fields: Record<string, unknown> = {}): Promise<string> {
      return created('/v1/people', {
        name: { surname, given: 'Синтетик' },
        citizenship: 'KZ',
        birthDate: '1980-01-01',
        ...fields,
      });
    },
    /** A registered person admitted to an organisation on a date. */
    async member(surname: string, organisationId: string, effectiveDate: string): Promise<string> {
      const id = await this.registerPerson(surname);
      expectStatus(await call('POST', `/v1/people/${id}/membership/admission`, { organisationId, effectiveDate }));
      return id;
    },
    createPost(organisationId: string, role: string, title: string, effectiveDate: string): Promise<string> {
      return created(`/v1/organisations/${organisationId}/posts`, { title: { ru: title }, role, effectiveDate });
    },
    startTenure(postId: string, personId: string, effectiveDate: string, method = 'elected'): Promise<Answer> {
      return call('POST', `/v1/posts/${postId}/tenures`, { personId, effectiveDate, method });
    },
  };
}
