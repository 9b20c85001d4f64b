import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { BODY_TYPES, DISSOLUTION_REASONS, ORGANISATION_KINDS, POST_ROLES } from '@baytaq/domain';
import { MAX_COUNT } from '../shared-dto/basis.dto';
import { DatedChangeRequest } from '../shared-dto/dated-change.dto';
import { MultilingualNameDto } from '../shared-dto/names.dto';
import { NullIsAValue } from '../shared-dto/null-is-a-value';

const DATE = { strict: true } as const;

export class EstablishOrganisationRequest extends DatedChangeRequest {
  @ApiPropertyOptional({ format: 'uuid', description: 'Chosen by the client so that a retry cannot create twice' })
  @IsOptional()
  @IsUUID()
  id?: string;

  @ApiProperty({ enum: ORGANISATION_KINDS, example: 'regional_branch' })
  @IsIn(ORGANISATION_KINDS)
  kind!: (typeof ORGANISATION_KINDS)[number];

  @ApiPropertyOptional({ format: 'uuid', description: 'Required for everything but a party' })
  @IsOptional()
  @IsUUID()
  parentId?: string;

  @ApiProperty({ type: MultilingualNameDto })
  @ValidateNested()
  @Type(() => MultilingualNameDto)
  name!: MultilingualNameDto;

  @ApiPropertyOptional({ enum: BODY_TYPES, description: 'For bodies only' })
  @IsOptional()
  @IsIn(BODY_TYPES)
  bodyType?: (typeof BODY_TYPES)[number];

  @ApiPropertyOptional({ example: '350000000', description: 'KATO code of the territory, for branches' })
  @IsOptional()
  @Matches(/^\d{9}$/, { message: 'kato must be 9 digits' })
  kato?: string;
}

export class RegisterOrganisationRequest {
  @ApiProperty({ example: 'Ministry of Justice of the Republic of Kazakhstan' })
  @IsString()
  @Length(1, 300)
  authority!: string;

  @ApiPropertyOptional({ example: 'SYN-0001', description: 'Omitted when not known' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  number?: string;

  @ApiPropertyOptional({
    example: '221140000001',
    description: 'Business identification number, 12 digits; omitted when not known',
  })
  @IsOptional()
  @Matches(/^\d{12}$/, { message: 'bin must be 12 digits' })
  bin?: string;

  @ApiProperty({ example: '2022-11-28' })
  @IsISO8601(DATE)
  effectiveDate!: string;
}

export class RenameOrganisationRequest extends DatedChangeRequest {
  @ApiProperty({ type: MultilingualNameDto })
  @ValidateNested()
  @Type(() => MultilingualNameDto)
  name!: MultilingualNameDto;
}

export class DissolveOrganisationRequest extends DatedChangeRequest {
  @ApiProperty({ enum: DISSOLUTION_REASONS, example: 'decision' })
  @IsIn(DISSOLUTION_REASONS)
  reason!: (typeof DISSOLUTION_REASONS)[number];

  @ApiPropertyOptional({ type: [String], description: 'Lineage of a merge or split' })
  @IsOptional()
  @IsUUID('all', { each: true })
  successorIds?: string[];
}

export class CreatePostRequest extends DatedChangeRequest {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  id?: string;

  @ApiProperty({ type: MultilingualNameDto })
  @ValidateNested()
  @Type(() => MultilingualNameDto)
  title!: MultilingualNameDto;

  @ApiProperty({ enum: POST_ROLES, example: 'chair' })
  @IsIn(POST_ROLES)
  role!: (typeof POST_ROLES)[number];

  @ApiPropertyOptional({ type: 'integer', example: 1, nullable: true, description: 'Default 1; null means unlimited' })
  @IsOptional()
  @NullIsAValue()
  @IsInt()
  @Min(1)
  @Max(MAX_COUNT)
  seats?: number | null;
}
