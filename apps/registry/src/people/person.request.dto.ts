import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  buildMessage,
  IsBoolean,
  isEmail,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  ValidateBy,
  ValidateNested,
} from 'class-validator';
import { DETAILS_CHANGE_REASONS, MEMBERSHIP_END_REASONS } from '@baytaq/domain';
import { DatedChangeRequest } from '../shared-dto/dated-change.dto';
import { LatinNameDto, PersonNameDto } from '../shared-dto/names.dto';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** class-validator's IsEmail, which throws (a URIError, so a 500) on a lone surrogate instead of refusing it. */
function IsEmailAddress(): PropertyDecorator {
  return ValidateBy({
    name: 'isEmail',
    validator: {
      validate: (value) => typeof value === 'string' && !LONE_SURROGATE.test(value) && isEmail(value),
      defaultMessage: buildMessage((each) => `${each}$property must be an email`),
    },
  });
}

export class ContactsDto {
  @ApiPropertyOptional({ example: '+7 700 000 0000' })
  @IsOptional()
  @Matches(/^\+?[0-9 ()-]{5,30}$/)
  phone?: string;

  @ApiPropertyOptional({ example: 'synthetic.member@example.org' })
  @IsOptional()
  @IsEmailAddress()
  email?: string;

  @ApiPropertyOptional({ example: 'Synthetic street 1, Karaganda' })
  @IsOptional()
  @IsString()
  @Length(1, 300)
  address?: string;
}

class PersonDetailsFields {
  @ApiPropertyOptional({ type: LatinNameDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => LatinNameDto)
  latinName?: LatinNameDto;

  @ApiPropertyOptional({
    example: '900101300007',
    description: '12 digits; the check digit is verified (422 when wrong)',
  })
  @IsOptional()
  @Matches(/^\d{12}$/, { message: 'iin must be 12 digits' })
  iin?: string;

  @ApiPropertyOptional({ example: '1990-01-01' })
  @IsOptional()
  @IsISO8601({ strict: true })
  birthDate?: string;

  @ApiPropertyOptional({ type: ContactsDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => ContactsDto)
  contacts?: ContactsDto;
}

export class RegisterPersonRequest extends PersonDetailsFields {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  id?: string;

  @ApiProperty({ type: PersonNameDto })
  @ValidateNested()
  @Type(() => PersonNameDto)
  name!: PersonNameDto;

  @ApiProperty({ example: 'KZ', description: 'ISO 3166-1 alpha-2' })
  @Matches(/^[A-Z]{2}$/, { message: 'citizenship must be an ISO 3166-1 alpha-2 code' })
  citizenship!: string;
}

export class ChangePersonDetailsRequest extends PersonDetailsFields {
  @ApiPropertyOptional({ type: PersonNameDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => PersonNameDto)
  name?: PersonNameDto;

  @ApiPropertyOptional({ example: 'KZ' })
  @IsOptional()
  @Matches(/^[A-Z]{2}$/)
  citizenship?: string;

  @ApiProperty({ enum: DETAILS_CHANGE_REASONS, example: 'corrected' })
  @IsIn(DETAILS_CHANGE_REASONS)
  reason!: (typeof DETAILS_CHANGE_REASONS)[number];

  @ApiProperty({ example: '2024-02-01' })
  @IsISO8601({ strict: true })
  effectiveDate!: string;
}

export class MembershipChangeRequest extends DatedChangeRequest {}

export class TerminateMembershipRequest extends MembershipChangeRequest {
  @ApiProperty({ enum: MEMBERSHIP_END_REASONS, example: 'resigned' })
  @IsIn(MEMBERSHIP_END_REASONS)
  reason!: (typeof MEMBERSHIP_END_REASONS)[number];
}

export class AdmitMemberRequest extends MembershipChangeRequest {
  @ApiProperty({ format: 'uuid', description: 'A branch, or the party itself' })
  @IsUUID()
  organisationId!: string;

  @ApiPropertyOptional({ example: 'SYN-000123' })
  @IsOptional()
  @IsString()
  @Length(1, 50)
  cardNumber?: string;

  @ApiPropertyOptional({
    example: true,
    description:
      'Only for a person without a recorded birth date: the registrar attests the minimum age was checked on a document',
  })
  @IsOptional()
  @IsBoolean()
  ageAttested?: boolean;

  @ApiPropertyOptional({
    type: TerminateMembershipRequest,
    description: 'For history entered late: a membership that is already over, recorded with its end in one write',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => TerminateMembershipRequest)
  end?: TerminateMembershipRequest;
}

export class TransferMemberRequest extends MembershipChangeRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  organisationId!: string;
}
