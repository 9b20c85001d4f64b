import { applyDecorators } from '@nestjs/common';
import { type Type } from '@nestjs/common';
import { WRITE_EXAMPLES, type WriteExample } from './write-examples';
import {
  ApiBearerAuth,
  ApiBody,
  ApiExtraModels,
  ApiHeader,
  ApiProperty,
  ApiPropertyOptional,
  ApiResponse,
  getSchemaPath,
} from '@nestjs/swagger';

export class FieldErrorDto {
  @ApiProperty({ example: 'effectiveDate' })
  field!: string;

  @ApiProperty({ example: 'isIso8601' })
  code!: string;

  @ApiProperty({ example: 'effectiveDate must be a valid ISO 8601 date string' })
  message!: string;
}

/** RFC 9457 problem details. */
export class ProblemDto {
  @ApiProperty({ example: 'https://baytaq-registry.example/problems/post/seats_exceeded' })
  type!: string;

  @ApiProperty({ example: 'Conflict' })
  title!: string;

  @ApiProperty({ example: 409 })
  status!: number;

  @ApiProperty({ example: 'The post has 1 seat(s) and is held on 2023-02-01' })
  detail!: string;

  @ApiProperty({ example: 'post.seats_exceeded', description: 'Stable domain error code' })
  code!: string;

  @ApiPropertyOptional({ example: '/v1/posts/…/tenures' })
  instance?: string;

  @ApiPropertyOptional({ type: [FieldErrorDto] })
  errors?: FieldErrorDto[];
}

const PROBLEMS: Array<[number, string]> = [
  [400, 'Malformed request or invalid fields (`errors[]` has their paths)'],
  [401, 'No valid API key'],
  [403, 'The key lacks the role'],
  [404, 'Unknown id'],
  [409, 'A rule of the registry refuses it'],
  [412, 'Stale If-Match'],
  [413, 'Body too large'],
  [422, 'Semantically invalid, or an Idempotency-Key reused with another body'],
];

/** The headers and error answers every write shares, for the OpenAPI document. */
export function ApiWrite(options: { body: Type<unknown>; example: WriteExample; ifMatch?: boolean }): MethodDecorator {
  return applyDecorators(
    ApiBody({
      type: options.body,
      examples: { example: { summary: 'Example', value: WRITE_EXAMPLES[options.example] } },
    }),
    ApiBearerAuth('apiKey'),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description: 'Repeat with the same key and body: the first answer, nothing appended',
    }),
    ApiHeader({ name: 'X-Correlation-Id', required: false, description: "Recorded in the events' metadata" }),
    ...(options.ifMatch === false
      ? []
      : [
          ApiHeader({
            name: 'If-Match',
            required: false,
            description: 'The revision (ETag) the write expects, e.g. "3"',
          }),
        ]),
    ApiProblemResponses(PROBLEMS),
  );
}

/** Answers that are RFC 9457 problem details (`application/problem+json`), with what each means. */
export function ApiProblemResponses(list: ReadonlyArray<readonly [number, string]>): MethodDecorator & ClassDecorator {
  // No `type`: with one, the document would say `application/json` and ignore `content`.
  return applyDecorators(
    ApiExtraModels(ProblemDto),
    ...list.map(([status, description]) =>
      ApiResponse({
        status,
        description,
        content: { 'application/problem+json': { schema: { $ref: getSchemaPath(ProblemDto) } } },
      }),
    ),
  );
}
