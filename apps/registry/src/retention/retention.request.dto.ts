import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsISO8601, IsOptional, Matches, Max, Min } from 'class-validator';
import { ErasureRequest } from '../erasure/erasure.request.dto';

/** Most people one request erases: each is a write of its own, and a request must end in bounded time. */
export const RETENTION_ERASURES_MAX = 100;

export class RetentionErasureRequest extends ErasureRequest {
  @ApiPropertyOptional({
    example: '2026-12-07',
    description: 'The day the retention period is counted back from (default: today)',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'asOf must be a date YYYY-MM-DD' })
  asOf?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: RETENTION_ERASURES_MAX, default: RETENTION_ERASURES_MAX })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(RETENTION_ERASURES_MAX)
  limit?: number;
}
