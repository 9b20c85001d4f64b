import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsOptional, IsUUID, ValidateNested } from 'class-validator';
import { TENURE_END_REASONS, TENURE_METHODS } from '@baytaq/domain';
import { DatedChangeRequest } from '../shared-dto/dated-change.dto';

export class AbolishPostRequest extends DatedChangeRequest {}

export class EndTenureRequest extends DatedChangeRequest {
  @ApiProperty({ enum: TENURE_END_REASONS, example: 'resigned' })
  @IsIn(TENURE_END_REASONS)
  reason!: (typeof TENURE_END_REASONS)[number];
}

export class StartTenureRequest extends DatedChangeRequest {
  @ApiPropertyOptional({ format: 'uuid', description: "The tenure's id, chosen by the client" })
  @IsOptional()
  @IsUUID()
  id?: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  personId!: string;

  @ApiProperty({ enum: TENURE_METHODS, example: 'elected' })
  @IsIn(TENURE_METHODS)
  method!: (typeof TENURE_METHODS)[number];

  @ApiPropertyOptional({
    type: EndTenureRequest,
    description: 'For history entered late: a tenure that is already over, recorded with its end in one write',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => EndTenureRequest)
  end?: EndTenureRequest;
}
