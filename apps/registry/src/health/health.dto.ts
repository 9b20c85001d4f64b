import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class StoreCheckDto {
  @ApiProperty({ enum: ['up', 'down'], example: 'up' })
  status!: 'up' | 'down';

  @ApiPropertyOptional({ example: 0.12 })
  latencyMs?: number;

  @ApiPropertyOptional({ example: 'the sqlite store is closed' })
  error?: string;
}

export class HealthChecksDto {
  @ApiProperty({ type: StoreCheckDto })
  store!: StoreCheckDto;
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
