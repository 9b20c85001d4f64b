import { ProblemError } from '../http/problem';
import { resolveFilingRequest } from './filing-parameters';

const TODAY = '2024-06-01';
const problemOf = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ProblemError);
  return (error as ProblemError).problem;
};

describe('resolveFilingRequest', () => {
  it('defaults to JSON in Russian as of today, with knownAt fixed to a moment already past', async () => {
    const before = Date.now();
    const request = await resolveFilingRequest('structure', {}, TODAY);
    expect(request).toMatchObject({ kind: 'structure', format: 'json', lang: 'ru', parameters: { asOf: TODAY } });
    const knownAt = Date.parse(request.parameters.knownAt);
    expect(knownAt).toBeGreaterThanOrEqual(before);
    expect(knownAt).toBeLessThan(Date.now());
  });

  it('takes the period of leadership changes, `to` being the day the document is as of', async () => {
    const request = await resolveFilingRequest(
      'leadership-changes',
      { from: '2024-01-01', knownAt: '2024-05-01T12:00:00+05:00' },
      TODAY,
    );
    expect(request.parameters).toEqual({
      asOf: TODAY,
      from: '2024-01-01',
      to: TODAY,
      knownAt: '2024-05-01T07:00:00.000Z',
    });
  });

  it('lists every bad field at once as 400, and a knownAt not yet past as 422', async () => {
    const invalid = await problemOf(
      resolveFilingRequest('member-list', { format: 'docx', lang: 'de', from: '2024-01-01', knownAt: 'soon' }, TODAY),
    );
    expect(invalid.status).toBe(400);
    expect((invalid.errors ?? []).map((e) => e.field).sort()).toEqual([
      'format',
      'from',
      'knownAt',
      'lang',
      'organisationId',
    ]);
    const future = await problemOf(
      resolveFilingRequest('structure', { knownAt: new Date(Date.now() + 1000).toISOString() }, TODAY),
    );
    expect([future.status, future.code]).toEqual([422, 'filing.known_at_not_past']);
  });
});
