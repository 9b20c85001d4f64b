import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, IsUUID, Length, Max, Min, ValidateNested } from 'class-validator';

/**
 * The largest count of people a request may state (votes, attendance, quorum, seats): far above
 * any party's membership, and far below 2^53, past which a JSON number is no longer exact.
 */
export const MAX_COUNT = 10_000_000;

export class VotesDto {
  @ApiPropertyOptional({ example: 120 })
  @IsInt()
  @Min(0)
  @Max(MAX_COUNT)
  for!: number;

  @ApiPropertyOptional({ example: 3 })
  @IsInt()
  @Min(0)
  @Max(MAX_COUNT)
  against!: number;

  @ApiPropertyOptional({ example: 5 })
  @IsInt()
  @Min(0)
  @Max(MAX_COUNT)
  abstained!: number;
}

/** What a decision rests on: the meeting and its minutes, or a document. */
export class BasisDto {
  @ApiPropertyOptional({ format: 'uuid', example: '0b6f3a52-8f0c-4d2e-9a51-1c2d3e4f5a6b' })
  @IsOptional()
  @IsUUID()
  meetingId?: string;

  @ApiPropertyOptional({ example: '1' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  protocolNumber?: string;

  @ApiPropertyOptional({ example: 'Minutes of the conference of 10 January 2023' })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  document?: string;

  @ApiPropertyOptional({ type: VotesDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => VotesDto)
  votes?: VotesDto;
}
