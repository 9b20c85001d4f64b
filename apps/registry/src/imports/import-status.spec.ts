import type { RecordedEvent } from '@baytaq/event-store';
import { ImportRun, statusFromEvents } from './import-status';
import type { ImportStartedData } from './import.events';

const started: ImportStartedData = {
  importId: '0192d3a0-0000-7000-8000-000000000001',
  fileSha256: 'ab'.repeat(32),
  fileBytes: 120,
  fileName: 'members.csv',
  separator: ';',
  rows: 4,
  dryRun: false,
};

function recorded(type: string, data: object, revision: number): RecordedEvent {
  return {
    id: `e${revision}`,
    stream: `import-${started.importId}`,
    revision,
    position: String(revision + 1),
    type,
    data: data as RecordedEvent['data'],
    metadata: { actor: 'membership-office' },
    recordedAt: `2024-03-01T09:00:0${revision}.000Z`,
  };
}

const rejection = (row: number) => ({ row, line: row + 1, field: 'iin', code: 'iin.invalid', message: 'bad' });

describe('import status', () => {
  it('reports rejected rows by row number, however the rows in flight finished', () => {
    const run = new ImportRun(started, 'membership-office', '2024-03-01T09:00:00.000Z');
    run.record(3, 4, { kind: 'rejected', rejection: { field: 'iin', code: 'iin.invalid', message: 'bad' } });
    run.record(2, 3, { kind: 'admitted' });
    run.record(1, 2, { kind: 'rejected', rejection: { field: 'iin', code: 'iin.invalid', message: 'bad' } });
    run.record(4, 5, { kind: 'present' });
    const status = run.status();
    expect(status.rejected.map((r) => r.row)).toEqual([1, 3]);
    expect(status.rows).toEqual({ total: 4, done: 4, admitted: 1, alreadyPresent: 1, rejected: 2, wouldAdmit: 0 });
    expect(status.status).toBe('running');
  });

  it('reads a finished import back from its stream, rejected rows reassembled from their chunks', () => {
    const counts = { admitted: 1, alreadyPresent: 0, rejected: 3, wouldAdmit: 0, rowsDone: 4 };
    const status = statusFromEvents([
      recorded('ImportStarted', started, 0),
      recorded('ImportRowsRejected', { rows: [rejection(1), rejection(2)] }, 1),
      recorded('ImportRowsRejected', { rows: [rejection(4)] }, 2),
      recorded('ImportFinished', counts, 3),
    ]);
    expect(status).toMatchObject({
      id: started.importId,
      status: 'done',
      actor: 'membership-office',
      startedAt: '2024-03-01T09:00:00.000Z',
      finishedAt: '2024-03-01T09:00:03.000Z',
      rows: { total: 4, done: 4, admitted: 1, rejected: 3 },
      error: null,
    });
    expect(status?.rejected.map((r) => r.row)).toEqual([1, 2, 4]);
  });

  it('calls an import that was started but never finished (the process died) failed: interrupted', () => {
    const status = statusFromEvents([recorded('ImportStarted', started, 0)]);
    expect(status).toMatchObject({ status: 'failed', finishedAt: null, error: { code: 'import.interrupted' } });
  });

  it('knows no import in a stream that does not start with ImportStarted', () => {
    expect(statusFromEvents([])).toBeUndefined();
  });
});
