import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** Examples from the seed story (the demo data): the Temirtau meeting of 10 January 2023 and what it decided. */
const TEMIRTAU = '6954fdd3-c3ca-5cf0-adca-87c36cb77bce';
const PARTY = '12d8efb5-43eb-5848-bddb-db222bb1dda0';
const REGION = '34d26a10-8857-599a-a5e5-9799a99a4eb4';
const KAZITOV = '5e20943f-8ec7-5dba-9f57-ae4fe9397964';
const CHAIR_POST = '76169388-efd6-5521-89ec-cca6a072b433';
const CHAIR_TENURE = '29753cd0-7dec-53a6-9053-2f8685083201';
const DATE = { format: 'date', example: '2023-01-10' } as const;
const MOMENT = { format: 'date-time', example: '2024-06-01T09:30:12.345Z', description: 'The moment answered for' };
const NAME = {
  example: {
    kk: 'Облыстық филиал төрағасы',
    ru: 'Председатель областного филиала',
    en: 'Chairman of the regional branch',
  },
};
const PERSON = { example: { surname: 'Казитов', given: 'Сейфул-Малик', patronymic: 'Туреханович' }, nullable: true };

export class VotesDto {
  @ApiProperty({ example: 120 }) for!: number;
  @ApiProperty({ example: 3 }) against!: number;
  @ApiProperty({ example: 5 }) abstained!: number;
}

export class RecordedBasisDto {
  @ApiPropertyOptional({ format: 'uuid', example: TEMIRTAU }) meetingId?: string;
  @ApiPropertyOptional({ example: '1' }) protocolNumber?: string;
  @ApiPropertyOptional({ example: 'Founding congress of the party, 24 September 2022' }) document?: string;
  @ApiPropertyOptional({ type: VotesDto }) votes?: VotesDto;
}

export class MeetingDto {
  @ApiProperty({ format: 'uuid', example: TEMIRTAU }) meetingId!: string;
  @ApiProperty({ format: 'uuid', example: PARTY, description: 'The organisation that held it' })
  organisationId!: string;
  @ApiProperty({ example: 'general_meeting' }) kind!: string;
  @ApiProperty(DATE) date!: string;
  @ApiProperty({ example: 'Temirtau' }) place!: string;
  @ApiProperty({ example: 128, description: 'Members present' }) attendance!: number;
  @ApiProperty({ example: null, nullable: true, type: 'integer', description: 'null: not known' })
  quorum!: number | null;
  @ApiProperty({ example: null, nullable: true, type: String, description: 'null: the minutes are not at hand' })
  protocolNumber!: string | null;
  @ApiProperty({ type: [String], example: ['Establishment of the Karaganda regional branch'] }) agenda!: string[];
}

export class RetractedDto {
  @ApiProperty({ format: 'date-time', example: '2024-05-02T08:00:00.000Z' }) at!: string;
  @ApiProperty({ example: 'Entered for the wrong branch' }) reason!: string;
}

export class MeetingDecisionDto {
  @ApiProperty({ format: 'uuid', example: '2b9f3c1e-0f1a-5e8e-9a51-6d0c1f0b7a42' }) eventId!: string;
  @ApiProperty({
    example: 'TenureStarted',
    description:
      'OrganisationEstablished, OrganisationRenamed, OrganisationDissolved, PostCreated, PostAbolished, TenureStarted or TenureEnded',
  })
  type!: string;
  @ApiProperty({ format: 'uuid', example: REGION, description: 'The organisation the decision belongs to' })
  organisationId!: string;
  @ApiProperty({ ...DATE, type: String, nullable: true }) effectiveDate!: string | null;
  @ApiProperty({ format: 'date-time', example: '2024-06-01T09:30:12.345Z' }) recordedAt!: string;
  @ApiProperty({ type: RecordedBasisDto }) basis!: RecordedBasisDto;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    example: {
      tenureId: CHAIR_TENURE,
      postId: CHAIR_POST,
      personId: KAZITOV,
      method: 'elected',
      effectiveDate: '2023-01-10',
      basis: { meetingId: TEMIRTAU },
    },
    description: 'The event as recorded: what was decided',
  })
  data!: Record<string, unknown>;
  @ApiProperty({ type: RetractedDto, nullable: true, description: 'Set when the entry was retracted by knownAt' })
  retracted!: RetractedDto | null;
}

export class MeetingAnswerDto extends MeetingDto {
  @ApiProperty(MOMENT) knownAt!: string;
  @ApiProperty({
    type: [MeetingDecisionDto],
    description: 'Every decision recorded on its basis, in the order recorded',
  })
  decisions!: MeetingDecisionDto[];
}

export class OrganisationMeetingsDto {
  @ApiProperty({ format: 'uuid', example: PARTY }) organisationId!: string;
  @ApiProperty({ ...DATE, example: '2022-01-01' }) from!: string;
  @ApiProperty({ ...DATE, example: '2024-06-01' }) to!: string;
  @ApiProperty(MOMENT) knownAt!: string;
  @ApiProperty({ type: [MeetingDto] }) items!: MeetingDto[];
  @ApiProperty({ type: String, nullable: true, example: null, description: 'The cursor of the next page' })
  next!: string | null;
}

export class HolderDto {
  @ApiProperty({ format: 'uuid', example: CHAIR_TENURE }) tenureId!: string;
  @ApiProperty({ format: 'uuid', example: KAZITOV }) personId!: string;
  @ApiProperty(PERSON) name!: Record<string, string> | null;
  @ApiProperty({ example: 'elected' }) method!: string;
  @ApiProperty(DATE) from!: string;
  @ApiProperty({ ...DATE, type: String, nullable: true, example: null }) to!: string | null;
}

export class PostAnswerDto {
  @ApiProperty({ format: 'uuid', example: CHAIR_POST }) postId!: string;
  @ApiProperty({ format: 'uuid', example: REGION }) organisationId!: string;
  @ApiProperty(NAME) title!: Record<string, string>;
  @ApiProperty({ example: 'chair' }) role!: string;
  @ApiProperty({ example: 1, nullable: true, type: 'integer', description: 'null: unlimited' }) seats!: number | null;
  @ApiProperty(DATE) from!: string;
  @ApiProperty({ ...DATE, type: String, nullable: true, example: null }) to!: string | null;
  @ApiProperty({ ...DATE, example: '2024-06-01' }) asOf!: string;
  @ApiProperty(MOMENT) knownAt!: string;
  @ApiProperty({ type: [HolderDto], description: 'Its holders on asOf' }) holders!: HolderDto[];
}

export class BasisWithMeetingDto {
  @ApiProperty({ type: RecordedBasisDto }) basis!: RecordedBasisDto;
  @ApiProperty({ type: MeetingDto, nullable: true, description: 'The meeting the basis names, as known at knownAt' })
  meeting!: MeetingDto | null;
}

export class TenureAnswerDto {
  @ApiProperty({ format: 'uuid', example: CHAIR_TENURE }) tenureId!: string;
  @ApiProperty({ format: 'uuid', example: CHAIR_POST }) postId!: string;
  @ApiProperty({ format: 'uuid', example: REGION }) organisationId!: string;
  @ApiProperty({ ...NAME, nullable: true }) postTitle!: Record<string, string> | null;
  @ApiProperty({ example: 'chair', nullable: true, type: String }) role!: string | null;
  @ApiProperty({ format: 'uuid', example: KAZITOV }) personId!: string;
  @ApiProperty(PERSON) name!: Record<string, string> | null;
  @ApiProperty({ example: 'elected' }) method!: string;
  @ApiProperty(DATE) from!: string;
  @ApiProperty({ ...DATE, type: String, nullable: true, example: null }) to!: string | null;
  @ApiProperty({ example: null, nullable: true, type: String }) endReason!: string | null;
  @ApiProperty({ type: BasisWithMeetingDto, nullable: true }) basis!: BasisWithMeetingDto | null;
  @ApiProperty({ type: BasisWithMeetingDto, nullable: true }) endBasis!: BasisWithMeetingDto | null;
  @ApiProperty(MOMENT) knownAt!: string;
}
