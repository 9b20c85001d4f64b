import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, Matches, MaxLength, ValidateBy } from 'class-validator';

export const DEFAULT_FEED_LIMIT = 100;
export const MAX_FEED_LIMIT = 500;

const TYPE_LIST = /^[A-Za-z][\w.-]{0,99}(,[A-Za-z][\w.-]{0,99}){0,49}$/;

/** `types=a,b` and `types=a&types=b` mean the same. */
const joinRepeated = ({ value }: { value: unknown }): unknown =>
  Array.isArray(value) && value.every((v) => typeof v === 'string') ? value.join(',') : value;

/** Only plain decimal digits become a number: `1e2`, `10.0` or ` 5` stay strings and fail. */
const wholeNumber = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && /^\d{1,6}$/.test(value) ? Number(value) : value;

/** One error for a bad limit, whatever is wrong with it, rather than a list of every bound it misses. */
function IsFeedLimit(): PropertyDecorator {
  return ValidateBy({
    name: 'wholeNumberInRange',
    validator: {
      validate: (value: unknown) =>
        Number.isInteger(value) && (value as number) >= 1 && (value as number) <= MAX_FEED_LIMIT,
      defaultMessage: () => `limit must be a whole number from 1 to ${MAX_FEED_LIMIT}`,
    },
  });
}

export function typesOf(query: { types?: string }): string[] | undefined {
  return query.types === undefined ? undefined : [...new Set(query.types.split(','))];
}

/** Query of `GET /v1/events/stream`. */
export class EventStreamQuery {
  @ApiPropertyOptional({
    description:
      "Start after this position (an item's `position`, a page's `next` or a write's answer). Omitted: the start of the log",
    example: '1042',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  after?: string;

  @ApiPropertyOptional({
    description: 'Comma-separated event types to keep; omitted: every type',
    example: 'OrganisationEstablished,TenureStarted,TenureEnded',
  })
  @IsOptional()
  @Transform(joinRepeated)
  @IsString()
  @Matches(TYPE_LIST, { message: 'types must be up to 50 comma-separated event type names' })
  types?: string;
}

/** Query of `GET /v1/events`. */
export class EventFeedQuery extends EventStreamQuery {
  @ApiPropertyOptional({
    description: 'The most items to return (after the events the caller may not see are left out)',
    type: 'integer',
    minimum: 1,
    maximum: MAX_FEED_LIMIT,
    default: DEFAULT_FEED_LIMIT,
  })
  @IsOptional()
  @Transform(wholeNumber)
  @IsFeedLimit()
  limit?: number;
}
