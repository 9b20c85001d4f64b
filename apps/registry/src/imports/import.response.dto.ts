import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class ImportAcceptedDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'running' })
  status!: string;

  @ApiProperty({ example: 1200, description: 'Data rows in the file (the header is not one)' })
  rows!: number;

  @ApiProperty({ example: false })
  dryRun!: boolean;
}

class ImportFileDto {
  @ApiProperty({ example: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' })
  sha256!: string;

  @ApiProperty({ example: 104857 })
  bytes!: number;

  @ApiProperty({ nullable: true, example: 'members.csv', type: String })
  name!: string | null;

  @ApiProperty({ enum: [',', ';'] })
  separator!: string;
}

class ImportRowsDto {
  @ApiProperty({ example: 1200 })
  total!: number;

  @ApiProperty({ example: 1200, description: 'Rows judged so far' })
  done!: number;

  @ApiProperty({ example: 1190, description: 'Rows whose person became a member (0 in a dry run)' })
  admitted!: number;

  @ApiProperty({
    example: 4,
    description: 'Same IIN already registered and already a member of that branch on that date: skipped',
  })
  alreadyPresent!: number;

  @ApiProperty({ example: 6 })
  rejected!: number;

  @ApiProperty({ example: 0, description: 'Dry run: rows that passed every check and would be admitted' })
  wouldAdmit!: number;
}

class RejectedRowDto {
  @ApiProperty({ example: 17, description: 'Data row, counted from 1; the header row is not counted' })
  row!: number;

  @ApiProperty({ example: 18, description: 'The file line the row starts on, the header being line 1' })
  line!: number;

  @ApiProperty({ example: 'iin', description: "The column at fault ('row' for the row as a whole)" })
  field!: string;

  @ApiProperty({ example: 'iin.invalid', description: "Stable code: the domain's own, or import.*" })
  code!: string;

  @ApiProperty({ example: 'The check digit of the IIN is wrong' })
  message!: string;
}

class ImportErrorDto {
  @ApiProperty({ example: 'import.interrupted' })
  code!: string;

  @ApiProperty({ example: 'the service stopped before the import finished' })
  message!: string;
}

export class ImportStatusDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ enum: ['running', 'done', 'failed'] })
  status!: string;

  @ApiProperty()
  dryRun!: boolean;

  @ApiProperty({ example: 'membership-office', description: 'The API key that uploaded it' })
  actor!: string;

  @ApiProperty({ example: '2024-03-01T09:00:00.000Z' })
  startedAt!: string;

  @ApiProperty({ nullable: true, type: String })
  finishedAt!: string | null;

  @ApiProperty({ type: ImportFileDto })
  file!: ImportFileDto;

  @ApiProperty({ type: ImportRowsDto })
  rows!: ImportRowsDto;

  @ApiProperty({ type: [RejectedRowDto], description: 'Rejected rows by row number, one page of them' })
  rejected!: RejectedRowDto[];

  @ApiProperty({ nullable: true, type: String, description: 'The cursor of the next page of rejected rows' })
  next!: string | null;

  @ApiPropertyOptional({ type: ImportErrorDto, nullable: true })
  error!: ImportErrorDto | null;
}
