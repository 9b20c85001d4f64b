import { applyDecorators } from '@nestjs/common';
import { ApiBody, ApiHeader, ApiOkResponse, ApiProduces, ApiQuery } from '@nestjs/swagger';
import { FILING_LANGS } from '@baytaq/filings';
import { ApiProblemResponses } from '../shared-dto/problem.dto';
import { ISSUE_FILING_EXAMPLE, IssueFilingRequest } from './filing.dto';
import { FILING_FORMATS } from './filing-parameters';

/** The query and the answers of a preview; `own` adds the kind's own parameters. */
export function ApiFilingPreview(...own: MethodDecorator[]): MethodDecorator {
  return applyDecorators(
    ApiQuery({ name: 'asOf', required: false, description: 'YYYY-MM-DD (default: today, Asia/Almaty)' }),
    ApiQuery({ name: 'knownAt', required: false, description: 'RFC 3339, in the past (default: now)' }),
    ApiQuery({ name: 'format', required: false, enum: FILING_FORMATS, description: 'Default json' }),
    ApiQuery({ name: 'lang', required: false, enum: FILING_LANGS, description: 'Default ru' }),
    ...own,
    ApiProduces('application/json', 'text/csv', 'application/pdf'),
    ApiOkResponse({
      description:
        'The document (JSON: its canonical data; CSV: UTF-8 with BOM; PDF: A4). `Content-Disposition` names the file, ' +
        '`X-Data-SHA256` is the hash the PDF footer prints, `X-Content-SHA256` the hash of the bytes.',
    }),
    ApiProblemResponses([
      [400, 'Invalid parameters (`errors[]` names them)'],
      [404, 'member-list: unknown organisation'],
      [422, '`filing.no_party` (no party on asOf), `filing.known_at_not_past`, `filing.not_a_branch`'],
    ]),
  );
}

export function ApiIssueFiling(): MethodDecorator {
  return applyDecorators(
    ApiBody({ type: IssueFilingRequest, examples: { example: { summary: 'Example', value: ISSUE_FILING_EXAMPLE } } }),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description: 'Repeat with the same key and body: the first answer, nothing issued twice',
    }),
    ApiHeader({ name: 'X-Correlation-Id', required: false, description: "Recorded in the event's metadata" }),
    ApiProblemResponses([
      [400, 'Malformed request or invalid fields (`errors[]` has their paths)'],
      [401, 'No valid API key'],
      [403, 'The key lacks the role compliance'],
      [404, 'member-list: unknown organisation'],
      [409, '`filing.already_issued`: a filing with this id exists'],
      [412, 'Stale If-Match'],
      [413, 'Body too large'],
      [422, '`filing.no_party`, `filing.known_at_not_past`, `filing.not_a_branch`, or an Idempotency-Key reused'],
    ]),
  );
}
