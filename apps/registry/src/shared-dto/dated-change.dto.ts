import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsISO8601, IsOptional, ValidateNested } from 'class-validator';
import { BasisDto } from './basis.dto';

/** A change that happened on a date, on some basis: what most writes carry. */
export class DatedChangeRequest {
  @ApiProperty({ example: '2023-01-10', description: 'Valid time: when it happened, per the minutes' })
  @IsISO8601({ strict: true })
  effectiveDate!: string;

  @ApiPropertyOptional({ type: BasisDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => BasisDto)
  basis?: BasisDto;
}
