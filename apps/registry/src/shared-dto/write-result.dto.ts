import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class WarningDto {
  @ApiProperty({ example: 'iin.birth_date_mismatch' })
  code!: string;

  @ApiProperty({ example: 'The IIN does not encode the given birth date (allowed since 2013)' })
  message!: string;
}

/** The answer to every write. */
export class WriteResultDto {
  @ApiProperty({ format: 'uuid', description: 'The id of the resource written' })
  id!: string;

  @ApiProperty({ example: 3, description: "The stream's revision after the write: the resource's new ETag" })
  revision!: number;

  @ApiProperty({ example: '1042', description: 'Opaque position in the global log; pass as minPosition to a read' })
  position!: string;

  @ApiProperty({ type: [String], description: 'The events appended (what a retraction names)' })
  eventIds!: string[];

  @ApiPropertyOptional({ type: [WarningDto] })
  warnings?: WarningDto[];
}
