import type { NestFastifyApplication } from '@nestjs/platform-fastify';

export interface Answer {
  status: number;
  body: Record<string, unknown>;
  headers: Record<string, unknown>;
}

/** A small client over Fastify inject, with a default API key. */
export function client(app: NestFastifyApplication, key: string) {
  return async (
    method: 'GET' | 'POST' | 'DELETE',
    url: string,
    payload?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Answer> => {
    const res = await app.inject({
      method,
      url,
      headers: {
        authorization: `Bearer ${key}`,
        ...(payload !== undefined ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      ...(payload !== undefined ? { payload: typeof payload === 'string' ? payload : JSON.stringify(payload) } : {}),
    });
    return {
      status: res.statusCode,
      body: res.body ? (res.json() as Record<string, unknown>) : {},
      headers: res.headers,
    };
  };
}

/** The body of an answer that must have this status; otherwise the error shows what came back. */
export function expectStatus(answer: Answer, status = 200): Record<string, unknown> {
  if (answer.status !== status)
    throw new Error(`expected ${status}, got ${answer.status}: ${JSON.stringify(answer.body)}`);
  return answer.body;
}
