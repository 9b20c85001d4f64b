import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { TENURE_END_REASONS, TENURE_METHODS } from '@baytaq/domain';
import { DatedChangeRequest } from '../shared-dto/dated-change.dto';

export class AbolishPostRequest extends DatedChangeRequest {}

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
}

export class EndTenureRequest extends DatedChangeRequest {
  @ApiProperty({ enum: TENURE_END_REASONS, example: 'resigned' })
  @IsIn(TENURE_END_REASONS)
  reason!: (typeof TENURE_END_REASONS)[number];
}
