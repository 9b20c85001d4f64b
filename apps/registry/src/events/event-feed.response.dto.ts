import { ApiProperty } from '@nestjs/swagger';

/** One event of the global log, as the caller may see it. */
export class FeedEventDto {
  @ApiProperty({ example: '1042', description: 'Opaque position in the global log: pass it as `after` to continue' })
  position!: string;

  @ApiProperty({ example: 'organisation-6f1c2b7e-9a4d-4c3b-8e2f-1a2b3c4d5e6f' })
  stream!: string;

  @ApiProperty({ example: 'TenureStarted' })
  type!: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'The event as recorded',
    example: { tenureId: '…', postId: '…', personId: '…', method: 'elected', effectiveDate: '2023-01-10' },
  })
  data!: Record<string, unknown>;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'Effective date, actor, correlation and causation ids',
    example: { effectiveDate: '2023-01-10', actor: 'admin', correlationId: '…', causationId: '…' },
  })
  metadata!: Record<string, unknown>;

  @ApiProperty({
    format: 'date-time',
    example: '2025-03-01T09:30:00.000Z',
    description: 'When the registry recorded it',
  })
  recordedAt!: string;

  @ApiProperty({ format: 'uuid', description: 'The event id (what a retraction names)' })
  eventId!: string;

  @ApiProperty({ example: 3, description: "The event's revision in its stream" })
  revision!: number;
}

export class FeedPageDto {
  @ApiProperty({ type: [FeedEventDto] })
  items!: FeedEventDto[];

  @ApiProperty({
    type: String,
    nullable: true,
    example: '1042',
    description:
      'Pass as `after` for the next page: every event after it is still to come, none before it will be sent again. ' +
      'Advances past events the caller may not see. Null only when the log is empty and no `after` was given',
  })
  next!: string | null;
}
