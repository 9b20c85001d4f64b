import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class StoreCheckDto {
  @ApiProperty({ enum: ['up', 'down'], example: 'up' })
  status!: 'up' | 'down';

  @ApiPropertyOptional({ example: 0.12 })
  latencyMs?: number;

  @ApiPropertyOptional({ example: 'the sqlite store is closed' })
  error?: string;
}

export class ReadModelsCheckDto {
  @ApiProperty({ enum: ['up', 'behind'], example: 'up' })
  status!: 'up' | 'behind';

  @ApiPropertyOptional({ description: 'The last log position the read models applied', example: '1042' })
  position?: string;

  @ApiPropertyOptional({ description: "The log's last position", example: '1042' })
  head?: string;

  @ApiProperty({ description: 'Events applied since the read models were built', example: 1042 })
  eventsApplied!: number;
}

export class HealthChecksDto {
  @ApiProperty({ type: StoreCheckDto })
  store!: StoreCheckDto;

  @ApiProperty({ type: ReadModelsCheckDto })
  readModels!: ReadModelsCheckDto;
}

export class HealthDto {
  @ApiProperty({ enum: ['ok', 'unavailable'], example: 'ok' })
  status!: 'ok' | 'unavailable';

  @ApiProperty({ description: 'The process answers', example: true })
  live!: boolean;

  @ApiProperty({ description: 'The process can serve requests: its store answers', example: true })
  ready!: boolean;

  @ApiProperty({ type: HealthChecksDto })
  checks!: HealthChecksDto;
}
