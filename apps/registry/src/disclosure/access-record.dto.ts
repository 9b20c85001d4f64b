import { ApiProperty } from '@nestjs/swagger';

const MEMBER = '0190f5a2-7c1e-8000-8000-000000000001';

export class AccessEntryDto {
  @ApiProperty({ example: 42, description: 'Its place in the record, increasing' }) id!: number;
  @ApiProperty({ format: 'date-time', example: '2026-03-02T09:30:12.345Z', description: 'When it was read' })
  at!: string;
  @ApiProperty({ example: 'compliance-desk', description: "The API key's name (never the key)" }) actor!: string;
  @ApiProperty({ example: 'GET /v1/people/{id}', description: 'Method and route, as this document names it' })
  endpoint!: string;
  @ApiProperty({ example: `/v1/people/${MEMBER}`, description: 'The path asked, without the query string' })
  path!: string;
  @ApiProperty({ example: 'b1c9e7d0-3f0a-4d5e-9c1b-2a4f6e8d0c12', description: 'X-Request-Id of the read' })
  requestId!: string;
  @ApiProperty({ example: null, nullable: true, type: String, description: 'X-Correlation-Id, when sent' })
  correlationId!: string | null;
  @ApiProperty({ type: [String], example: [MEMBER], description: 'Whose personal data the answer held' })
  personIds!: string[];
}

export class AccessRecordPageDto {
  @ApiProperty({ type: [AccessEntryDto] }) items!: AccessEntryDto[];
  @ApiProperty({ example: null, nullable: true, type: String, description: 'The cursor of the next page' })
  next!: string | null;
}
