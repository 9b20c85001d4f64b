import { Controller, Get, Header, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { PublicRead, RequireRoles } from '../auth/roles.decorator';
import { ApiProblemResponses } from '../shared-dto/problem.dto';
import { LogCheckpoints } from './log-checkpoints.service';
import { LogProofs } from './log-proofs.service';
import {
  CheckpointQuery,
  ConsistencyProofDto,
  ConsistencyQuery,
  EntriesQuery,
  InclusionProofDto,
  InclusionQuery,
  LogEntriesDto,
} from './log.query.dto';

const BAD_PARAMETER: readonly [number, string] = [
  400,
  '`request.validation_failed`: a parameter is not a whole number or UUID; `log.out_of_range`: a size beyond the log',
];
const CHECKPOINT_EXAMPLE =
  'baytaq-registry/3f9c0e2a71d4b658\n1042\nq3PL9b2QmJdzHhSbJ1M2V0pS8cD7Jj4m3xU1nB6vZ0g=\n\n' +
  '— baytaq-registry/3f9c0e2a71d4b658 W8s3kO…\n';

/** The log's Merkle tree: signed checkpoints, proofs and the records as hashed (see README, Log integrity). */
@ApiTags('log integrity')
@Controller('v1/log')
export class LogController {
  constructor(
    @Inject(LogCheckpoints) private readonly checkpoints: LogCheckpoints,
    @Inject(LogProofs) private readonly proofs: LogProofs,
  ) {}

  @Get('checkpoint')
  @PublicRead()
  @ApiSecurity({})
  @Header('content-type', 'text/plain; charset=utf-8')
  @ApiOperation({
    summary: 'A signed tree head: a C2SP tlog-checkpoint signed note (origin, size, base64 root, Ed25519 signature)',
    description: 'Omitted `size`: the whole log now (kept before it is served). Verify it with GET /v1/log/key.',
  })
  @ApiProduces('text/plain')
  @ApiOkResponse({ content: { 'text/plain': { schema: { type: 'string' }, example: CHECKPOINT_EXAMPLE } } })
  @ApiProblemResponses([BAD_PARAMETER])
  checkpoint(@Query() query: CheckpointQuery): string {
    if (query.size === undefined) return this.checkpoints.latest().note;
    return this.checkpoints.checkpoint(this.proofs.size('size', query.size)).note;
  }

  @Get('key')
  @PublicRead()
  @ApiSecurity({})
  @Header('content-type', 'text/plain; charset=utf-8')
  @ApiOperation({ summary: 'The verifier key of the checkpoints: `<name>+<hex key id>+<base64(0x01 || key)>`' })
  @ApiProduces('text/plain')
  @ApiOkResponse({ content: { 'text/plain': { schema: { type: 'string' } } } })
  key(): string {
    return `${this.checkpoints.verifierKey()}\n`;
  }

  @Get('entries')
  @RequireRoles('admin')
  @ApiOperation({ summary: 'The records of leaves start to end - 1 (at most 1,000), exactly as hashed' })
  @ApiOkResponse({ type: LogEntriesDto })
  @ApiProblemResponses([BAD_PARAMETER])
  entries(@Query() query: EntriesQuery) {
    return this.proofs.entries(query.start, query.end);
  }

  @Get('proofs/inclusion')
  @PublicRead()
  @ApiSecurity({})
  @ApiOperation({ summary: "An event's RFC 6962 §2.1.1 audit path in the tree of `size` leaves" })
  @ApiOkResponse({ type: InclusionProofDto })
  @ApiProblemResponses([BAD_PARAMETER, [404, '`log.event_not_found`: no event of the log has that id']])
  inclusion(@Query() query: InclusionQuery): InclusionProofDto {
    return this.proofs.inclusion(query.eventId, query.size);
  }

  @Get('proofs/consistency')
  @PublicRead()
  @ApiSecurity({})
  @ApiOperation({ summary: 'RFC 6962 §2.1.2 proof that the tree of `from` leaves is a prefix of that of `to`' })
  @ApiOkResponse({ type: ConsistencyProofDto })
  @ApiProblemResponses([BAD_PARAMETER])
  consistency(@Query() query: ConsistencyQuery): ConsistencyProofDto {
    return this.proofs.consistency(query.from, query.to);
  }
}
