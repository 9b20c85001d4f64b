import { Controller, Get, HttpCode, Inject, Param, ParseUUIDPipe, Post, Query, Req, Res } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBody,
  ApiConsumes,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { RequireRoles } from '../auth/roles.decorator';
import { nameBasedUuid } from '../commands/deterministic-id';
import { IdempotencyService } from '../commands/idempotency.service';
import { RegistryClock } from '../clock/registry-clock';
import { RequestHasher } from '../commands/request-hash';
import { header, writeContextOf } from '../commands/write-request';
import { REGISTRY_CONFIG, type RegistryConfig } from '../config/registry-config';
import { ProblemError } from '../http/problem';
import { encodeCursor, QueryReader, readPage, type Query as QueryString } from '../reads/read-params';
import type { RejectedRow } from './import.events';
import { ApiProblemResponses } from '../shared-dto/problem.dto';
import { ImportAcceptedDto, ImportStatusDto } from './import.response.dto';
import { newImportId } from './import-ids';
import { IMPORT_UPLOAD_PATH, readUpload } from './import-upload';
import { MemberImports } from './member-imports.service';
import { readMemberFile } from './member-file';

const PROBLEMS: Array<[number, string]> = [
  [400, 'Malformed request (multipart, dryRun, Idempotency-Key)'],
  [401, 'No valid API key'],
  [403, 'The key lacks the role'],
  [413, 'The file is larger than REGISTRY_IMPORT_MAX_BYTES (50 MiB by default)'],
  [415, 'Neither text/csv nor multipart/form-data'],
  [422, 'Not UTF-8, a header without the required columns, an unclosed quote, no data rows'],
];

function readDryRun(value: unknown): boolean {
  if (value === undefined || value === 'false' || value === '0') return false;
  if (value === 'true' || value === '1') return true;
  throw ProblemError.of(400, 'request.validation_failed', 'dryRun must be true or false', {
    errors: [{ field: 'dryRun', code: 'isBoolean', message: 'dryRun must be true or false' }],
  });
}

/** The page of rejected rows after the cursor's row: rows are ordered, so a binary search finds it. */
function pageOf(rows: RejectedRow[], afterRow: number, limit: number) {
  let low = 0;
  let high = rows.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (rows[mid]!.row <= afterRow) low = mid + 1;
    else high = mid;
  }
  const page = rows.slice(low, low + limit);
  const more = low + limit < rows.length;
  return { rejected: page, next: more ? encodeCursor(String(page[page.length - 1]!.row)) : null };
}

@ApiTags('imports')
@Controller('v1/imports')
export class ImportsController {
  constructor(
    private readonly imports: MemberImports,
    private readonly idempotency: IdempotencyService,
    private readonly hasher: RequestHasher,
    private readonly clock: RegistryClock,
    @Inject(REGISTRY_CONFIG) private readonly config: RegistryConfig,
  ) {}

  @Post(IMPORT_UPLOAD_PATH.slice('/v1/imports/'.length))
  @HttpCode(202)
  @RequireRoles('registrar')
  @ApiOperation({
    summary: 'Upload a CSV of members; it runs in the background (poll the Location)',
    description:
      'Columns surname, given, patronymic, iin, birthDate, citizenship, branch (organisation id or KATO code), ' +
      'admissionDate, cardNumber; header row required, UTF-8 with or without BOM, "," or ";" separated; dates ' +
      'YYYY-MM-DD or DD.MM.YYYY. Rows go through the same rules as POST /v1/people and …/membership/admission.',
  })
  @ApiConsumes('text/csv', 'multipart/form-data')
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ApiQuery({ name: 'dryRun', required: false, type: Boolean, description: 'Validate only: nothing is admitted' })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'A repeat gets the first answer' })
  @ApiAcceptedResponse({ type: ImportAcceptedDto, description: 'Started; Location names the import' })
  @ApiProblemResponses(PROBLEMS)
  async upload(
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Query() query: QueryString,
  ): Promise<ImportAcceptedDto> {
    const upload = await readUpload(request, this.config.importMaxBytes);
    const dryRun = readDryRun(query['dryRun'] ?? upload.fields['dryRun']);
    const file = readMemberFile(upload.bytes);
    const actor = request.principal?.name ?? 'anonymous';
    const context = writeContextOf(request, actor, this.clock.today());
    const hash = this.hasher.hash('POST', IMPORT_UPLOAD_PATH, { sha256: file.sha256, dryRun });
    const key = header(request, 'idempotency-key');
    const idempotent = key === undefined ? undefined : this.idempotency.request(actor, key, hash);
    const start = async () => {
      const id = idempotent ? nameBasedUuid(`${idempotent.scope}\u0000member-import`) : newImportId();
      // Every event of the import shares its id as correlation unless the client brought one.
      const correlationId = request.headers['x-correlation-id'] ? context.correlationId : id;
      const write = { actor, correlationId, causationId: context.causationId };
      await this.imports.start({ id, file, fileName: upload.fileName, dryRun, write });
      return { status: 202, body: { id, status: 'running', rows: file.rows, dryRun } };
    };
    const outcome = idempotent ? await this.idempotency.run(idempotent, actor, start) : await start();
    void reply.header('location', `/v1/imports/${String(outcome.body['id'])}`);
    if ('replayed' in outcome && outcome.replayed) void reply.header('idempotent-replayed', 'true');
    return outcome.body as unknown as ImportAcceptedDto;
  }

  @Get(':id')
  @RequireRoles('registrar', 'compliance')
  @ApiOperation({ summary: "An import's progress, then its outcome with every rejected row (paged)" })
  @ApiQuery({ name: 'limit', required: false, description: 'Rejected rows per page, at most 500 (default 500)' })
  @ApiQuery({ name: 'cursor', required: false, description: 'The `next` cursor of the previous page' })
  @ApiOkResponse({ type: ImportStatusDto })
  async status(@Param('id', ParseUUIDPipe) id: string, @Query() query: QueryString): Promise<ImportStatusDto> {
    const reader = new QueryReader(query);
    const page = readPage(reader, 500);
    if (page.cursor !== undefined && !/^\d+$/.test(page.cursor)) {
      reader.fail('cursor', 'isCursor', 'cursor must be one a previous page returned');
    }
    reader.done();
    const status = await this.imports.status(id);
    if (!status) throw ProblemError.of(404, 'import.not_found', `No import ${id} is known to the registry`, { id });
    return { ...status, ...pageOf(status.rejected, Number(page.cursor ?? 0), page.limit) };
  }
}
