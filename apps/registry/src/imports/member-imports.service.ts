import { Inject, Injectable, Logger, type BeforeApplicationShutdown } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EVENT_STORE, type EventStore, type EventToAppend, type JsonObject } from '@baytaq/event-store';
import { KNOWN_NOW } from '@baytaq/read-models';
import { RegistryClock } from '../clock/registry-clock';
import type { WriteContext } from '../commands/write-context';
import { READ_MODELS, type ReadModelsHandle } from '../store/event-store.provider';
import { BranchDirectory } from './branch-directory';
import { ImportRun, statusFromEvents, type ImportStatus } from './import-status';
import { importStream, REJECTED_ROWS_PER_EVENT, type ImportStartedData } from './import.events';
import { MemberAdmission, type RowOutcome } from './member-admission';
import { dataRows, type DataRow, type MemberFile } from './member-file';
import { checkMemberRow } from './member-row';

/** The service is stopping: the rows not yet taken stay unimported. */
class Interrupted extends Error {}

/**
 * Rows decided and written at once. The store commits what is queued in one transaction, and a
 * commit's cost is the index pages it touches: random keys (event ids, IIN reservations) spread
 * over the whole index, so late in a large import every commit rewrites most of it, and fewer,
 * larger commits write less. With 4,096 a 100,000-row file takes ~50 commits of ~0.35 s (the
 * longest the service pauses for other requests); 2,048 took ~10% longer, 8,192 ~10% less for
 * twice the pause (npm run bench:import).
 */
export const ROWS_IN_FLIGHT = 4096;
/** Finished imports answered from memory; older ones are read back from their streams. */
const FINISHED_KEPT = 20;

export interface ImportRequest {
  id: string;
  file: MemberFile;
  fileName: string | null;
  dryRun: boolean;
  /** Who uploads it and the request's correlation: the metadata of every event the import writes. */
  write: Omit<WriteContext, 'today'>;
}

/** What one run needs across its rows: where branches are, and which IINs earlier rows took. */
interface RunScope {
  run: ImportRun;
  request: ImportRequest;
  branches: BranchDirectory;
  firstRowOfIin: Map<string, number>;
}

/**
 * Member imports: recorded as started, run in the background with many rows in flight, recorded
 * as finished with every rejected row. Progress lives in memory while a run lasts.
 */
@Injectable()
export class MemberImports implements BeforeApplicationShutdown {
  private readonly logger = new Logger('imports');
  private readonly runs = new Map<string, ImportRun>();
  private readonly running = new Set<Promise<void>>();
  private stopping = false;

  constructor(
    private readonly admission: MemberAdmission,
    private readonly clock: RegistryClock,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODELS) private readonly readModels: ReadModelsHandle,
  ) {}

  /** Resolves once ImportStarted is recorded; the rows run on. */
  async start(request: ImportRequest): Promise<void> {
    const { id, file, fileName, dryRun, write } = request;
    const data: ImportStartedData = {
      importId: id,
      fileSha256: file.sha256,
      fileBytes: file.bytes,
      fileName,
      separator: file.separator,
      rows: file.rows,
      dryRun,
    };
    const startedAt = await this.append(id, [{ type: 'ImportStarted', data: { ...data } }], 'no_stream', write);
    const run = new ImportRun(data, write.actor, startedAt);
    this.runs.set(id, run);
    const work = this.run(run, request).finally(() => this.running.delete(work));
    this.running.add(work);
  }

  async status(id: string): Promise<ImportStatus | undefined> {
    return this.runs.get(id)?.status() ?? statusFromEvents(await this.store.readStream(importStream(id)));
  }

  /** A stopping service lets the rows in flight finish and records the import as interrupted. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    await Promise.all(this.running);
  }

  private async run(run: ImportRun, request: ImportRequest): Promise<void> {
    try {
      const organisations = this.readModels.reads.organisations.list({ asOf: '9999-12-31', knownAt: KNOWN_NOW });
      const scope: RunScope = {
        run,
        request,
        branches: new BranchDirectory(organisations),
        firstRowOfIin: new Map(),
      };
      const rows = dataRows(request.file);
      let fatal: { error: unknown } | undefined;
      const admitRows = async () => {
        for (let next = rows.next(); !next.done && !this.stopping && !fatal; next = rows.next()) {
          try {
            run.record(next.value.row, next.value.line, await this.admitRow(next.value, scope));
          } catch (error) {
            fatal ??= { error }; // the other rows in flight finish, no new one starts
          }
        }
      };
      await Promise.all(Array.from({ length: ROWS_IN_FLIGHT }, admitRows));
      if (fatal) throw fatal.error;
      if (run.done < run.started.rows) throw new Interrupted();
      await this.finish(run, request, 'ImportFinished', {});
    } catch (error) {
      const interrupted = error instanceof Interrupted;
      if (!interrupted) this.logger.error({ msg: 'import failed', importId: request.id, error: String(error) });
      const failure = interrupted
        ? { code: 'import.interrupted', message: 'the service stopped before the import finished' }
        : { code: 'import.failed', message: 'the import stopped on an internal error; it has been logged' };
      await this.finish(run, request, 'ImportFailed', failure).catch((e: unknown) => {
        // Not recorded (the store is gone): this process still says so; after a restart it reads as interrupted.
        this.logger.error({ msg: 'import outcome not recorded', importId: request.id, error: String(e) });
        Object.assign(run, { state: 'failed', error: failure, finishedAt: new Date().toISOString() });
      });
    }
    this.forgetOldRuns();
  }

  private async admitRow(dataRow: DataRow, scope: RunScope): Promise<RowOutcome> {
    const today = this.clock.today();
    const checked = checkMemberRow(dataRow, today, scope.branches);
    if (!checked.ok) return { kind: 'rejected', rejection: checked.rejection };
    const row = checked.value;
    // Rows are taken in file order before any waiting, so the first row with an IIN is always the one that counts.
    const first = scope.firstRowOfIin.get(row.iin);
    if (first !== undefined) {
      const message = `the same IIN is on row ${first} of this file`;
      return { kind: 'rejected', rejection: { field: 'iin', code: 'import.duplicate_iin', message } };
    }
    scope.firstRowOfIin.set(row.iin, dataRow.row);
    const { request } = scope;
    const source = { importId: request.id, row: dataRow.row };
    const { alreadyPresent, admitted } = scope.run.counts;
    const mode = { dryRun: request.dryRun, askReservationFirst: alreadyPresent > admitted };
    return this.admission.admit(row, source, { ...request.write, today }, mode);
  }

  /** The outcome with every rejected row, in one append: a reader sees all of it or none. */
  private async finish(
    run: ImportRun,
    request: ImportRequest,
    type: 'ImportFinished' | 'ImportFailed',
    extra: Record<string, string>,
  ): Promise<void> {
    const rejected = run.rejectedRows();
    const events: Array<{ type: string; data: JsonObject }> = [];
    for (let i = 0; i < rejected.length; i += REJECTED_ROWS_PER_EVENT) {
      events.push({ type: 'ImportRowsRejected', data: { rows: rejected.slice(i, i + REJECTED_ROWS_PER_EVENT) } });
    }
    events.push({ type, data: { ...run.counts, rowsDone: run.done, ...extra } });
    const finishedAt = await this.append(request.id, events, 0, request.write);
    run.state = type === 'ImportFinished' ? 'done' : 'failed';
    run.error = type === 'ImportFailed' ? { code: extra['code']!, message: extra['message']! } : null;
    run.finishedAt = finishedAt;
  }

  /** Appends to the import's stream; answers when the store recorded it, the time a later reader sees too. */
  private async append(
    id: string,
    events: Array<{ type: string; data: JsonObject }>,
    expected: 'no_stream' | number,
    write: ImportRequest['write'],
  ): Promise<string> {
    const metadata = { actor: write.actor, correlationId: write.correlationId, causationId: write.causationId };
    const toAppend: EventToAppend[] = events.map((e) => ({ id: randomUUID(), ...e, metadata }));
    const { revision } = await this.store.append(importStream(id), toAppend, expected);
    const [last] = await this.store.readStream(importStream(id), { fromRevision: revision, maxCount: 1 });
    return last?.recordedAt ?? new Date().toISOString();
  }

  private forgetOldRuns(): void {
    const finished = [...this.runs].filter(([, run]) => run.state !== 'running');
    for (const [id] of finished.slice(0, Math.max(0, finished.length - FINISHED_KEPT))) this.runs.delete(id);
  }
}
