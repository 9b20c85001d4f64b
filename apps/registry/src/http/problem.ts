/** RFC 9457 problem details, with the registry's stable `code`. */
export interface FieldError {
  field: string;
  code: string;
  message: string;
}

export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  instance?: string;
  errors?: FieldError[];
  [extension: string]: unknown;
}

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  408: 'Request Timeout',
  409: 'Conflict',
  412: 'Precondition Failed',
  413: 'Content Too Large',
  414: 'URI Too Long',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  428: 'Precondition Required',
  429: 'Too Many Requests',
  431: 'Request Header Fields Too Large',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';

export function problem(
  status: number,
  code: string,
  detail: string,
  extra: Partial<Omit<ProblemDetails, 'status' | 'code' | 'detail'>> = {},
): ProblemDetails {
  return {
    type: `https://baytaq-registry.example/problems/${code.replace(/\./g, '/')}`,
    title: TITLES[status] ?? 'Error',
    status,
    detail,
    code,
    ...extra,
  };
}

/** Thrown anywhere in the HTTP layer to answer with a problem document. */
export class ProblemError extends Error {
  constructor(
    readonly problem: ProblemDetails,
    readonly headers: Record<string, string> = {},
  ) {
    super(problem.detail);
    this.name = 'ProblemError';
  }

  static of(status: number, code: string, detail: string, extra?: Partial<ProblemDetails>): ProblemError {
    return new ProblemError(problem(status, code, detail, extra));
  }
}
