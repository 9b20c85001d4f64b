import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';

/** Only plain decimal digits become a number: `1e2`, `-1`, `10.0` or ` 5` stay strings and fail. */
const wholeNumber = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && /^\d{1,15}$/.test(value) ? Number(value) : value;

const MAX_SIZE = Number.MAX_SAFE_INTEGER;

export class CheckpointQuery {
  @ApiPropertyOptional({ description: 'Tree size (leaves); omitted: the whole log now', example: 1042 })
  @IsOptional()
  @Transform(wholeNumber)
  @IsInt({ message: 'size must be a whole number' })
  @Min(0)
  @Max(MAX_SIZE)
  size?: number;
}

export class EntriesQuery {
  @ApiProperty({ description: 'First leaf index', example: 0 })
  @Transform(wholeNumber)
  @IsInt({ message: 'start must be a whole number' })
  @Min(0)
  @Max(MAX_SIZE)
  start!: number;

  @ApiProperty({ description: 'One past the last leaf index; at most start + 1000', example: 1000 })
  @Transform(wholeNumber)
  @IsInt({ message: 'end must be a whole number' })
  @Min(1)
  @Max(MAX_SIZE)
  end!: number;
}

export class InclusionQuery {
  @ApiProperty({ description: 'The event (its `eventId` in the feed)', format: 'uuid' })
  @IsUUID('all', { message: 'eventId must be a UUID' })
  eventId!: string;

  @ApiPropertyOptional({ description: 'Tree size the proof is for; omitted: the whole log now', example: 1042 })
  @IsOptional()
  @Transform(wholeNumber)
  @IsInt({ message: 'size must be a whole number' })
  @Min(1)
  @Max(MAX_SIZE)
  size?: number;
}

export class ConsistencyQuery {
  @ApiProperty({ description: 'The earlier tree size', example: 512 })
  @Transform(wholeNumber)
  @IsInt({ message: 'from must be a whole number' })
  @Min(0)
  @Max(MAX_SIZE)
  from!: number;

  @ApiPropertyOptional({ description: 'The later tree size; omitted: the whole log now', example: 1042 })
  @IsOptional()
  @Transform(wholeNumber)
  @IsInt({ message: 'to must be a whole number' })
  @Min(0)
  @Max(MAX_SIZE)
  to?: number;
}

export class InclusionProofDto {
  @ApiProperty({ example: 17 }) leafIndex!: number;
  @ApiProperty({ example: 1042 }) treeSize!: number;
  @ApiProperty({ type: [String], description: 'RFC 6962 §2.1.1 audit path, base64 hashes, leaf to root' })
  auditPath!: string[];
}

export class ConsistencyProofDto {
  @ApiProperty({ example: 512 }) from!: number;
  @ApiProperty({ example: 1042 }) to!: number;
  @ApiProperty({ type: [String], description: 'RFC 6962 §2.1.2 consistency proof, base64 hashes' })
  proof!: string[];
}

export class LogEntryDto {
  @ApiProperty({ example: 0 }) leafIndex!: number;
  @ApiProperty({ format: 'uuid' }) eventId!: string;
  @ApiProperty({ example: 'organisation-…' }) stream!: string;
  @ApiProperty({ example: 0 }) revision!: number;
  @ApiProperty({ example: 'OrganisationEstablished' }) type!: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'As stored: personal data sealed' })
  data!: Record<string, unknown>;
  @ApiProperty({ type: 'object', additionalProperties: true }) metadata!: Record<string, unknown>;
  @ApiProperty({ example: '2025-03-01T09:30:00.000Z' }) recordedAt!: string;
}

export class LogEntriesDto {
  @ApiProperty({ example: 0 }) start!: number;
  @ApiProperty({ example: 1000 }) end!: number;
  @ApiProperty({ type: [LogEntryDto] }) items!: LogEntryDto[];
}
