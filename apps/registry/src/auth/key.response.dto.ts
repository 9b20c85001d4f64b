import { ApiProperty } from '@nestjs/swagger';
import { ROLES, type Role } from './roles';

export class IssuedKeyDto {
  @ApiProperty({ example: 'membership-portal' })
  name!: string;

  @ApiProperty({ enum: ROLES, isArray: true, example: ['registrar'] })
  roles!: Role[];

  @ApiProperty({
    description: 'The API key. Shown only in this response: the registry stores its SHA-256, never the key',
    example: 'bq_3q2-7wEXAMPLEqH5m0S1wZl9dVY0cF1kq5xv8M4QeX2A',
  })
  key!: string;

  @ApiProperty({ format: 'date-time', example: '2025-03-01T09:30:00.000Z' })
  issuedAt!: string;
}

export class KeySummaryDto {
  @ApiProperty({ example: 'membership-portal' })
  name!: string;

  @ApiProperty({ enum: ROLES, isArray: true, example: ['registrar'] })
  roles!: Role[];

  @ApiProperty({ enum: ['active', 'revoked'], example: 'active' })
  status!: 'active' | 'revoked';

  @ApiProperty({ format: 'date-time', example: '2025-03-01T09:30:00.000Z' })
  issuedAt!: string;

  @ApiProperty({ description: 'Name of the key that issued it', example: 'admin' })
  issuedBy!: string;

  @ApiProperty({ format: 'date-time', nullable: true, type: String, example: null })
  revokedAt!: string | null;

  @ApiProperty({ nullable: true, type: String, example: null })
  revokedBy!: string | null;
}

export class KeyListDto {
  @ApiProperty({ type: [KeySummaryDto] })
  items!: KeySummaryDto[];
}
