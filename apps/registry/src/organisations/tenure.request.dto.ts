import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsISO8601, IsOptional, IsUUID, ValidateNested } from 'class-validator';
import { TENURE_END_REASONS, TENURE_METHODS } from '@baytaq/domain';
import { BasisDto } from '../shared-dto/basis.dto';

export class AbolishPostRequest {
  @ApiProperty({ example: '2024-01-01' })
  @IsISO8601({ strict: true })
  effectiveDate!: string;

  @ApiPropertyOptional({ type: BasisDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => BasisDto)
  basis?: BasisDto;
}

export class StartTenureRequest {
  @ApiPropertyOptional({ format: 'uuid', description: "The tenure's id, chosen by the client" })
  @IsOptional()
  @IsUUID()
  id?: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  personId!: string;

  @ApiProperty({ example: '2023-01-10' })
  @IsISO8601({ strict: true })
  effectiveDate!: string;

  @ApiProperty({ enum: TENURE_METHODS, example: 'elected' })
  @IsIn(TENURE_METHODS)
  method!: (typeof TENURE_METHODS)[number];

  @ApiPropertyOptional({ type: BasisDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => BasisDto)
  basis?: BasisDto;
}

export class EndTenureRequest {
  @ApiProperty({ example: '2024-05-15', description: 'The first day the person no longer holds the post' })
  @IsISO8601({ strict: true })
  effectiveDate!: string;

  @ApiProperty({ enum: TENURE_END_REASONS, example: 'resigned' })
  @IsIn(TENURE_END_REASONS)
  reason!: (typeof TENURE_END_REASONS)[number];

  @ApiPropertyOptional({ type: BasisDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => BasisDto)
  basis?: BasisDto;
}
