import { ApiProperty } from '@nestjs/swagger';
import { personStream } from '@baytaq/domain';
import type { JsonObject } from '@baytaq/event-store';
import type { MembershipPeriod, PersonRecord, Position, StoredRow } from '@baytaq/read-models';

const PERSON = '0190f5a2-7c1e-8000-8000-000000000001';

export class ExportedEventDto {
  @ApiProperty({ example: '1042' }) position!: string;
  @ApiProperty({ example: personStream(PERSON) }) stream!: string;
  @ApiProperty({ example: 0 }) revision!: number;
  @ApiProperty({ format: 'uuid' }) eventId!: string;
  @ApiProperty({ example: 'PersonRegistered' }) type!: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'As recorded, personal data decrypted' })
  data!: JsonObject;
  @ApiProperty({ type: 'object', additionalProperties: true }) metadata!: JsonObject;
  @ApiProperty({ format: 'date-time' }) recordedAt!: string;
}

export class PersonExportDto {
  @ApiProperty({ format: 'uuid', example: PERSON }) personId!: string;
  @ApiProperty({ format: 'date-time', description: 'The moment the reads answered for' }) exportedAt!: string;
  @ApiProperty({
    type: 'object',
    nullable: true,
    additionalProperties: true,
    description: 'The person as known now, with personal data (null once no read model holds them)',
  })
  person!: PersonRecord | null;
  @ApiProperty({ type: 'array', items: { type: 'object' }, description: 'The membership timeline' })
  memberships!: MembershipPeriod[];
  @ApiProperty({ type: 'array', items: { type: 'object' }, description: 'Every tenure held' })
  positions!: Position[];
  @ApiProperty({ type: [ExportedEventDto], description: "Every event of the person's stream" })
  events!: ExportedEventDto[];
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'array', items: { type: 'object' } },
    description: 'Per read-model table (person, person_token, placement, suspension, tenure), every version stored',
  })
  readModels!: Partial<Record<string, StoredRow[]>>;
}
