import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { FILING_KINDS, FILING_LANGS, type FilingKind, type FilingLang } from '@baytaq/filings';
import { FILING_FORMATS, type FilingFormat } from './filing-parameters';

/** `POST /v1/filings`: the parameters of a preview, plus the kind; checked further by the kind's rules. */
export class IssueFilingRequest {
  @ApiPropertyOptional({ format: 'uuid', description: 'The filing id; a retry with it cannot issue twice' })
  @IsOptional()
  @IsUUID()
  id?: string;

  @ApiProperty({ enum: FILING_KINDS, example: 'structure' })
  @IsIn(FILING_KINDS)
  kind!: FilingKind;

  @ApiPropertyOptional({
    example: '2024-06-01',
    description: 'Default today (Asia/Almaty); for leadership-changes, `to`',
  })
  @IsOptional()
  @IsString()
  asOf?: string;

  @ApiPropertyOptional({
    example: '2024-06-01T09:30:00Z',
    description: 'Default: the moment of issue, recorded, so that the document can be made again exactly',
  })
  @IsOptional()
  @IsString()
  knownAt?: string;

  @ApiPropertyOptional({ example: '2024-01-01', description: 'leadership-changes only (required there)' })
  @IsOptional()
  @IsString()
  from?: string;

  @ApiPropertyOptional({ example: '2024-06-01', description: 'leadership-changes only; default asOf, then today' })
  @IsOptional()
  @IsString()
  to?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'member-list only (required there): a branch, with its sub-branches',
  })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  organisationId?: string;

  @ApiPropertyOptional({ enum: FILING_FORMATS, default: 'json' })
  @IsOptional()
  @IsIn(FILING_FORMATS)
  format?: FilingFormat;

  @ApiPropertyOptional({ enum: FILING_LANGS, default: 'ru' })
  @IsOptional()
  @IsIn(FILING_LANGS)
  lang?: FilingLang;
}

export const ISSUE_FILING_EXAMPLE = { kind: 'structure', asOf: '2024-06-01', format: 'pdf', lang: 'ru' };

export class FilingParametersDto {
  @ApiProperty({ example: '2024-06-01' })
  asOf!: string;

  @ApiProperty({ example: '2024-06-01T09:29:59.998Z', description: 'Explicit, even when the issue defaulted it' })
  knownAt!: string;

  @ApiPropertyOptional({ example: '2024-01-01' })
  from?: string;

  @ApiPropertyOptional({ example: '2024-06-01' })
  to?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  organisationId?: string;
}

/** `GET /v1/filings/{id}`: the record of an issue. */
export class FilingRecordDto {
  @ApiProperty({ format: 'uuid' })
  filingId!: string;

  @ApiProperty({ enum: FILING_KINDS })
  kind!: string;

  @ApiProperty({ type: FilingParametersDto })
  parameters!: FilingParametersDto;

  @ApiProperty({ enum: FILING_FORMATS })
  format!: string;

  @ApiProperty({ enum: FILING_LANGS })
  lang!: string;

  @ApiProperty({ description: 'Hex SHA-256 of the issued bytes' })
  sha256!: string;

  @ApiProperty({ description: "Hex SHA-256 of the document's data (canonical JSON), printed in the PDF footer" })
  dataSha256!: string;

  @ApiProperty({ example: 48211 })
  byteLength!: number;

  @ApiProperty({ example: '2024-06-01T09:30:00.120Z', description: "The document's timestamp (PDF CreationDate)" })
  issuedAt!: string;

  @ApiProperty({ example: 'compliance-desk', description: 'The API key that issued it' })
  actor!: string;

  @ApiProperty({ example: '2024-06-01T09:30:00.180Z' })
  recordedAt!: string;

  @ApiProperty({ example: '1042' })
  position!: string;

  @ApiProperty({ example: '/v1/filings/…/document' })
  document!: string;
}
