import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  Min,
} from 'class-validator';
import { MEETING_KINDS } from '@baytaq/domain';
import { MAX_COUNT } from '../shared-dto/basis.dto';

export class RecordMeetingRequest {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  id?: string;

  @ApiProperty({ format: 'uuid', description: 'The organisation that held the meeting' })
  @IsUUID()
  organisationId!: string;

  @ApiProperty({ enum: MEETING_KINDS, example: 'conference' })
  @IsIn(MEETING_KINDS)
  kind!: (typeof MEETING_KINDS)[number];

  @ApiProperty({ example: '2023-01-10' })
  @IsISO8601({ strict: true })
  date!: string;

  @ApiProperty({ example: 'Temirtau' })
  @IsString()
  @Length(1, 300)
  place!: string;

  @ApiProperty({ example: 128, description: 'Members present' })
  @IsInt()
  @Min(0)
  @Max(MAX_COUNT)
  attendance!: number;

  @ApiPropertyOptional({
    example: 100,
    description: 'Members whose presence makes decisions valid; omitted when not known',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_COUNT)
  quorum?: number;

  @ApiPropertyOptional({ example: '1', description: 'Omitted when the minutes are not at hand' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  protocolNumber?: string;

  @ApiPropertyOptional({
    type: [String],
    default: [],
    example: ['Establish the Karaganda regional branch', 'Elect the branch chairman'],
    description: 'Omitted (or null) when not known: recorded as an empty agenda',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @Length(1, 1000, { each: true })
  agenda: string[] = [];
}

export class RetractionRequest {
  @ApiProperty({ example: 'Entered for the wrong branch' })
  @IsString()
  @Length(1, 2000)
  reason!: string;
}
