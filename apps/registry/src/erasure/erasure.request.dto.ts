import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { WriteResultDto } from '../shared-dto/write-result.dto';

export class ErasureRequest {
  @ApiProperty({ example: 'The subject withdrew consent and asked for their data to be destroyed', maxLength: 2000 })
  @IsString()
  @Length(1, 2000)
  reason!: string;

  @ApiProperty({ example: 'Law of RK No. 94-V "On Personal Data and Their Protection"', maxLength: 500 })
  @IsString()
  @Length(1, 500)
  legalBasis!: string;
}

export class ErasedDto {
  @ApiProperty({ example: '2026-12-07', description: 'The day the personal data was erased' })
  on!: string;
}

/** A write's answer, and the erasure it made (or found made: erasing again answers as the first did). */
export class ErasureResultDto extends WriteResultDto {
  @ApiProperty({ type: ErasedDto })
  erased!: ErasedDto;
}
