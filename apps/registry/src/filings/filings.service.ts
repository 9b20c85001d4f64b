import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@baytaq/event-store';
import { type FilingLogCheckpoint } from '@baytaq/filings';
import { CommandHandling, type WriteResult } from '../commands/handle';
import { type WriteContext } from '../commands/write-context';
import { type FilingContent, FilingDataService } from './filing-data.service';
import { type FilingRequest } from './filing-parameters';
import { type RenderedFiling, renderFiling } from './filing-render';
import { filingDecider, filingStream } from '@baytaq/domain';
import { type FilingRecord } from './filing-parameters';
import { LogCheckpoints } from '../log/log-checkpoints.service';
import { LogProofs } from '../log/log-proofs.service';
import { type FilingEvidence, FILING_EVIDENCE_SCHEMA } from './filing-evidence';

/** A document made, its bytes, and whose personal data it holds (see FilingContent). */
export interface RenderedContent extends FilingContent {
  rendered: RenderedFiling;
}

/** An issued filing as its stream records it. */
export interface IssuedFiling extends FilingRecord {
  recordedAt: string;
  position: string;
  revision: number;
}

/** Previews, issues and regenerates filings; the record of an issue is its `filing-<uuid>` stream. */
@Injectable()
export class FilingsService {
  constructor(
    @Inject(CommandHandling) private readonly handling: CommandHandling,
    @Inject(FilingDataService) private readonly data: FilingDataService,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(LogCheckpoints) private readonly checkpoints: LogCheckpoints,
    @Inject(LogProofs) private readonly proofs: LogProofs,
  ) {}

  /** A preview is stamped with the moment it is made: it is not a filing and nothing records it. */
  async preview(request: FilingRequest): Promise<RenderedContent> {
    await this.checkpoints.settled();
    const { size: treeSize, root } = this.checkpoints.asKnownAt(request.parameters.knownAt, false);
    return this.render(request, new Date().toISOString(), { treeSize, rootHash: root.toString('base64') });
  }

  /** Makes the document once, records its parameters and hash as `FilingIssued`, and answers like every write. */
  async issue(
    request: FilingRequest,
    filingId: string,
    write: WriteContext,
  ): Promise<WriteResult & { sha256: string }> {
    const issuedAt = new Date().toISOString();
    // The checkpoint of knownAt is kept before the filing that prints it is recorded, of a tree
    // that holds everything recorded until now (KurrentDB's follower may lag).
    await this.checkpoints.settled();
    const checkpoint = this.checkpoints.asKnownAt(request.parameters.knownAt, true);
    const logCheckpoint = { treeSize: checkpoint.size, rootHash: checkpoint.root.toString('base64') };
    const { rendered } = await this.render(request, issuedAt, logCheckpoint);
    const filing: FilingRecord = {
      filingId,
      kind: request.kind,
      parameters: request.parameters,
      format: request.format,
      lang: request.lang,
      sha256: rendered.sha256,
      dataSha256: rendered.dataSha256,
      byteLength: rendered.bytes.length,
      issuedAt,
      actor: write.actor,
      logCheckpoint: { ...logCheckpoint, note: checkpoint.note },
    };
    const command = { type: 'IssueFiling' as const, filing };
    const result = await this.handling.handle(filingStream(filingId), filingDecider, command, write, { id: filingId });
    return { ...result, sha256: rendered.sha256 };
  }

  async record(id: string): Promise<IssuedFiling | null> {
    const [event] = await this.store.readStream(filingStream(id), { maxCount: 1 });
    if (!event || event.type !== 'FilingIssued') return null;
    const { schemaVersion: _version, ...data } = event.data as unknown as FilingRecord & { schemaVersion: 1 };
    return { ...data, recordedAt: event.recordedAt, position: event.position, revision: event.revision };
  }

  /** The issued filing made again from its parameters, its language and its issue time. */
  regenerate(filing: IssuedFiling): Promise<RenderedContent> {
    return this.render(requestOf(filing), filing.issuedAt, checkpointOf(filing));
  }

  /**
   * The issued filing's checkpoint with every event of the streams its rows rest on in that tree
   * (organisations, people and meetings it names), each with its audit path: what a verifier
   * needs besides the log's key. Null for a filing issued before the log kept checkpoints.
   */
  async evidence(filing: IssuedFiling): Promise<FilingEvidence | null> {
    const recorded = filing.logCheckpoint;
    if (!recorded) return null;
    const sources = new Set<string>();
    await this.data.document(requestOf(filing), filing.issuedAt, { logCheckpoint: checkpointOf(filing), sources });
    const { filingId, kind, parameters, format, lang, sha256, dataSha256, issuedAt } = filing;
    return {
      schema: FILING_EVIDENCE_SCHEMA,
      filing: { filingId, kind, parameters, format, lang, sha256, dataSha256, issuedAt },
      checkpoint: recorded,
      verifierKey: this.checkpoints.verifierKey(),
      events: this.proofs.provenStreams(sources, recorded.treeSize),
    };
  }

  private async render(
    request: FilingRequest,
    issuedAt: string,
    logCheckpoint: FilingLogCheckpoint | undefined,
  ): Promise<RenderedContent> {
    const content = await this.data.document(request, issuedAt, { logCheckpoint });
    return { ...content, rendered: await renderFiling(content.doc, request.format) };
  }
}

const checkpointOf = (filing: FilingRecord): FilingLogCheckpoint | undefined =>
  filing.logCheckpoint && { treeSize: filing.logCheckpoint.treeSize, rootHash: filing.logCheckpoint.rootHash };

export function requestOf(filing: FilingRecord): FilingRequest {
  return { kind: filing.kind, parameters: filing.parameters, format: filing.format, lang: filing.lang };
}
