import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  type PopoloEvent,
  type PopoloExport,
  type PopoloIdentifier,
  type PopoloMembership,
  type PopoloOrganization,
  type PopoloOtherName,
  type PopoloPerson,
  type PopoloPost,
} from './popolo.mapping';

const DATE = { format: 'date', example: '2023-01-10' } as const;
const popolo = (name: string) => `Valid against http://www.popoloproject.com/schemas/${name}.json`;

export class PopoloOtherNameDto implements PopoloOtherName {
  @ApiProperty({ example: 'Карагандинский областной филиал партии «Байтақ»' })
  name!: string;
  @ApiPropertyOptional({ example: 'Kazitov' })
  family_name?: string;
  @ApiPropertyOptional({ example: 'Seiful-Malik' })
  given_name?: string;
  @ApiPropertyOptional({ example: 'Turekhanovich' })
  patronymic_name?: string;
  @ApiPropertyOptional({ ...DATE, description: 'When the name was adopted' })
  start_date?: string;
  @ApiPropertyOptional({ ...DATE, description: 'The first day it was no longer used' })
  end_date?: string;
  @ApiProperty({
    example: 'ru',
    description: "An organisation's name: its language (`kk`, `ru`, `en`). A person's: `Latin script`",
  })
  note!: string;
}

export class PopoloIdentifierDto implements PopoloIdentifier {
  @ApiProperty({ example: '350000000' })
  identifier!: string;
  @ApiProperty({ enum: ['KATO', 'BIN'], description: 'KATO: the branch territory; BIN: from the registration' })
  scheme!: 'KATO' | 'BIN';
}

export class PopoloPersonDto implements PopoloPerson {
  @ApiProperty({ format: 'uuid' })
  id!: string;
  @ApiPropertyOptional({ example: 'Казитов Сейфул-Малик Туреханович', description: 'Surname, given, patronymic' })
  name?: string;
  @ApiPropertyOptional({ example: 'Казитов' })
  family_name?: string;
  @ApiPropertyOptional({ example: 'Сейфул-Малик' })
  given_name?: string;
  @ApiPropertyOptional({ example: 'Туреханович' })
  patronymic_name?: string;
  @ApiPropertyOptional({ type: [PopoloOtherNameDto], description: 'The Latin form, when recorded' })
  other_names?: PopoloOtherNameDto[];
}

export class PopoloOrganizationDto implements PopoloOrganization {
  @ApiProperty({ format: 'uuid' })
  id!: string;
  @ApiProperty({ type: String, nullable: true, description: 'The name on asOf: Russian, else Kazakh, else English' })
  name!: string | null;
  @ApiProperty({ type: [PopoloOtherNameDto], description: 'Every language version of every name adopted by asOf' })
  other_names!: PopoloOtherNameDto[];
  @ApiProperty({ type: [PopoloIdentifierDto] })
  identifiers!: PopoloIdentifierDto[];
  @ApiProperty({
    example: 'regional_branch',
    description: 'The kind: party, regional_branch, city_branch, district_branch, primary_branch or body',
  })
  classification!: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'Absent for the party' })
  parent_id?: string;
  @ApiProperty(DATE)
  founding_date!: string;
  @ApiPropertyOptional(DATE)
  dissolution_date?: string;
}

export class PopoloPostDto implements PopoloPost {
  @ApiProperty({ format: 'uuid' })
  id!: string;
  @ApiProperty({ type: String, nullable: true, example: 'Председатель областного филиала' })
  label!: string | null;
  @ApiProperty({ type: [String], description: 'The title in the other languages' })
  other_label!: string[];
  @ApiProperty({ example: 'chair' })
  role!: string;
  @ApiProperty({ format: 'uuid' })
  organization_id!: string;
  @ApiProperty(DATE)
  start_date!: string;
  @ApiPropertyOptional({ ...DATE, description: 'The day the post was abolished' })
  end_date?: string;
}

export class PopoloMembershipDto implements PopoloMembership {
  @ApiProperty({ format: 'uuid', description: 'The tenure id' })
  id!: string;
  @ApiProperty({ format: 'uuid' })
  person_id!: string;
  @ApiProperty({ format: 'uuid' })
  organization_id!: string;
  @ApiProperty({ format: 'uuid' })
  post_id!: string;
  @ApiProperty({ example: 'chair', description: "The post's role" })
  role!: string;
  @ApiProperty({ ...DATE, description: "The tenure's first day" })
  start_date!: string;
  @ApiPropertyOptional({ ...DATE, description: 'The first day it no longer held (not clipped to asOf)' })
  end_date?: string;
}

export class PopoloProtocolDto {
  @ApiProperty({ example: '1' })
  identifier!: string;
  @ApiProperty({ enum: ['protocol'], description: "The minutes' (protocol) number" })
  scheme!: 'protocol';
}

export class PopoloEventDto implements PopoloEvent {
  @ApiProperty({ format: 'uuid', description: 'The meeting id' })
  id!: string;
  @ApiProperty({ example: 'Общее собрание, Temirtau, 2023-01-10' })
  name!: string;
  @ApiProperty({ example: 'attendance 128', description: 'Members present, and the quorum when known' })
  description!: string;
  @ApiProperty(DATE)
  start_date!: string;
  @ApiProperty({ example: 'Temirtau' })
  location!: string;
  @ApiProperty({ example: 'general_meeting', description: 'The meeting kind' })
  classification!: string;
  @ApiProperty({ format: 'uuid', description: 'The organisation that held it' })
  organization_id!: string;
  @ApiProperty({ type: [PopoloProtocolDto] })
  identifiers!: PopoloProtocolDto[];
}

export class PopoloExportDto implements PopoloExport {
  @ApiProperty(DATE)
  asOf!: string;
  @ApiProperty({ format: 'date-time', example: '2024-06-01T09:30:12.345Z', description: 'The moment answered for' })
  knownAt!: string;
  @ApiProperty({ description: 'Whether ended tenures, posts and organisations are included (the `history` flag)' })
  history!: boolean;
  @ApiProperty({ type: [PopoloPersonDto], description: `The holders of the memberships. ${popolo('person')}` })
  persons!: PopoloPersonDto[];
  @ApiProperty({ type: [PopoloOrganizationDto], description: popolo('organization') })
  organizations!: PopoloOrganizationDto[];
  @ApiProperty({ type: [PopoloPostDto], description: popolo('post') })
  posts!: PopoloPostDto[];
  @ApiProperty({ type: [PopoloMembershipDto], description: `Tenures of posts. ${popolo('membership')}` })
  memberships!: PopoloMembershipDto[];
  @ApiProperty({ type: [PopoloEventDto], description: `Meetings. ${popolo('event')}` })
  events!: PopoloEventDto[];
}
