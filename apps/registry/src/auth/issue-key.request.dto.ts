import { ApiProperty } from '@nestjs/swagger';
import { ArrayNotEmpty, ArrayUnique, IsArray, IsIn, IsString, Matches } from 'class-validator';
import { ROLES, type Role } from './roles';

export const KEY_NAME_PATTERN = /^[a-z0-9-]{3,64}$/;

export class IssueKeyRequestDto {
  @ApiProperty({
    description:
      'A name for the key, unique among active keys: 3 to 64 lowercase letters, digits or dashes. ' +
      'It is the `actor` of every event written with the key.',
    example: 'membership-portal',
    pattern: KEY_NAME_PATTERN.source,
    minLength: 3,
    maxLength: 64,
  })
  @IsString()
  @Matches(KEY_NAME_PATTERN, { message: 'name must be 3 to 64 lowercase letters, digits or dashes' })
  name!: string;

  @ApiProperty({
    description:
      'What the key may do: `registrar` writes, `compliance` reads personal data, member lists and filings, ' +
      '`admin` does everything plus keys and erasure',
    enum: ROLES,
    isArray: true,
    example: ['registrar'],
  })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayUnique()
  @IsIn(ROLES, { each: true })
  roles!: Role[];
}
